package se.uppfoljning.audit;

import se.uppfoljning.base.security.SecurityEvent;
/** The action names the log knows; each has a Swedish label "audit.action.<name>" in the bundle. */
public final class AuditActions {

    /** Actions with this prefix concern users and are shown to admins only. */
    public static final String USER_PREFIX = "user.";

    /** Security events (failed logins, locks, denials, rejected imports, tokens): admins only. */
    public static final String SECURITY_PREFIX = SecurityEvent.ACTION_PREFIX;

    public static final String USER_CREATED = "user.created";
    public static final String USER_UPDATED = "user.updated";
    public static final String USER_DEACTIVATED = "user.deactivated";
    public static final String USER_REACTIVATED = "user.reactivated";
    public static final String USER_PASSWORD_RESET = "user.passwordReset";
    public static final String USER_PASSWORD_CHANGED = "user.passwordChanged";

    public static final String FOLLOW_UP_SAVED = "followUp.saved";
    public static final String STRUCTURE_CHANGED = "structure.changed";
    public static final String STRUCTURE_IMPORTED = "structure.imported";
    public static final String FINANCE_IMPORTED = "finance.imported";
    public static final String FOLLOW_UP_READY = "followUp.ready";
    public static final String FOLLOW_UP_UNREADY = "followUp.unready";
    public static final String FOLLOW_UP_DEPARTMENT_READY = "followUp.departmentReady";
    public static final String REMINDER_SENT = "period.reminderSent";
    public static final String PERIOD_CREATED = "period.created";
    public static final String PERIOD_MOVED = "period.moved";
    public static final String PERIOD_DECIDED = "period.decided";
    public static final String PERIOD_REOPENED = "period.reopened";
    public static final String MEASURES_CHANGED = "measures.changed";
    public static final String PUBLICATION_CHANGED = "publication.changed";
    /** Measured values of indicators entered, imported or fetched (each value's own history is in indicators). */
    public static final String INDICATOR_VALUES_CHANGED = "indicators.valuesChanged";

    /** What the filter "Säkerhetshändelser" shows: every {@code security.*} action and the password changes. */
    public static boolean isSecurityEvent(String action) {
        return action != null && (action.startsWith(SECURITY_PREFIX) || action.equals(USER_PASSWORD_RESET)
                || action.equals(USER_PASSWORD_CHANGED));
    }

    private AuditActions() {
    }
}
