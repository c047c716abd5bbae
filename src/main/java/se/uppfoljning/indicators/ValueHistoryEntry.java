package se.uppfoljning.indicators;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One change of a measured value (its first recording too: {@code oldValue} and {@code oldPreliminary} null). */
public record ValueHistoryEntry(int year, String gender, int version, BigDecimal oldValue, BigDecimal newValue,
                                Boolean oldPreliminary, boolean newPreliminary, ValueSource source, String sourceRef,
                                String changedBy, OffsetDateTime changedAt) {
}
