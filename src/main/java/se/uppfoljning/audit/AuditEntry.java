package se.uppfoljning.audit;

import java.time.OffsetDateTime;

/** One logged change: who, when, in which committee (null: application-wide, e.g. users), what. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String username, Long committeeId, String committeeCode,
                         String action, String subject, String details) {
}
