package se.uppfoljning.report;

import java.time.OffsetDateTime;

/** One change of a section: who, when, text and state before and after. */
public record SectionHistoryEntry(int version, String oldBody, String newBody, SectionState oldState,
                                  SectionState newState, String changedBy, OffsetDateTime changedAt) {
}
