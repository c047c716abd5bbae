package se.uppfoljning.followup;

import java.time.OffsetDateTime;

/** One change of a follow-up entry: who, when, old → new. */
public record HistoryEntry(int version, OffsetDateTime changedAt, String changedBy, String oldStatus, String newStatus,
                           String oldComment, String newComment) {
}
