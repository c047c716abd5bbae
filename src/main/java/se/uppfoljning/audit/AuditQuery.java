package se.uppfoljning.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A search in the log; every part optional. {@code text} matches user, subject and details;
 * {@code from}/{@code to} are whole days in Swedish time, both inclusive; {@code securityOnly} keeps the security
 * events (see {@link AuditActions#isSecurityEvent}); {@code user} is an exact username; {@code since} (inclusive)
 * and {@code until} (exclusive) are instants, for the API.
 */
public record AuditQuery(String text, LocalDate from, LocalDate to, String action, int limit, boolean securityOnly,
                         String user, OffsetDateTime since, OffsetDateTime until) {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;

    public AuditQuery {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public AuditQuery(String text, LocalDate from, LocalDate to, String action, int limit) {
        this(text, from, to, action, limit, false, null, null, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, DEFAULT_LIMIT);
    }
}
