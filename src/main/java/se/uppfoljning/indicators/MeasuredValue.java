package se.uppfoljning.indicators;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A measured value of an item in a year for a gender (T total, K women, M men). {@code value} exact, null when the
 * source has none (Kolada publishes nulls); {@code flag}: Kolada's status of the value, when it gives one;
 * {@code fetchedAt}: when it was fetched (Kolada), else null.
 */
public record MeasuredValue(int year, String gender, BigDecimal value, boolean preliminary, ValueSource source,
                            String sourceRef, String flag, OffsetDateTime fetchedAt, int version,
                            OffsetDateTime updatedAt, String updatedBy) {
}
