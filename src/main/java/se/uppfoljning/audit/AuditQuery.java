package se.uppfoljning.audit;

import java.time.LocalDate;

/**
 * A search in the log; every part optional. {@code text} matches user, subject and details;
 * {@code from}/{@code to} are whole days in Swedish time, both inclusive.
 */
public record AuditQuery(String text, LocalDate from, LocalDate to, String action, int limit) {

    public static final int DEFAULT_LIMIT = 500;

    public AuditQuery {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, 5000);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, DEFAULT_LIMIT);
    }
}
