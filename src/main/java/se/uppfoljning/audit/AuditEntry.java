package se.uppfoljning.audit;

import java.time.OffsetDateTime;

/**
 * One logged change: who, when, in which committee (null: application-wide, e.g. users), what. {@code userName} is the
 * user's full name as shown elsewhere (the login name when the user no longer exists).
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String username, Long committeeId, String committeeCode,
                         String action, String subject, String details, String userName) {
}
