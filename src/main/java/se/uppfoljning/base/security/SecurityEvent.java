package se.uppfoljning.base.security;

import java.util.List;
/**
 * Something an auditor wants to see in the audit log: a failed login, a lock, a denial, a rejected import, a
 * token change (password changes are logged by the users feature as {@code user.password*}). Published as a Spring application event; the audit feature writes it in a transaction
 * of its own, so a refusal that rolls back the caller's work is still logged.
 *
 * @param kind        one of the constants below; the log's action is {@code "security." + kind}
 * @param username    who (as typed for a failed login; "anonym" when nobody is signed in)
 * @param address     the client address, or null
 * @param committeeId the committee concerned, or null
 * @param subject     what (an account, a request path, a file name)
 * @param details     more, in Swedish; never a password or a token
 */
public record SecurityEvent(String kind, String username, String address, Long committeeId, String subject,
                            String details) {

    public static final String ACTION_PREFIX = "security.";

    public static final String LOGIN_FAILED = "loginFailed";
    public static final String LOGIN_LOCKED = "loginLocked";
    public static final String LOGIN_UNLOCKED = "loginUnlocked";
    public static final String ACCESS_DENIED = "accessDenied";
    public static final String IMPORT_REJECTED = "importRejected";
    public static final String TOKEN_CREATED = "tokenCreated";
    public static final String TOKEN_REVOKED = "tokenRevoked";
    public static final String BACKUP_CREATED = "backupCreated";
    public static final String BACKUP_RESTORED = "backupRestored";

    public static final List<String> KINDS = List.of(LOGIN_FAILED, LOGIN_LOCKED, LOGIN_UNLOCKED,
            ACCESS_DENIED, IMPORT_REJECTED, TOKEN_CREATED, TOKEN_REVOKED, BACKUP_CREATED, BACKUP_RESTORED);

    public String action() {
        return ACTION_PREFIX + kind;
    }

    /** The signed-in user's name, or "anonym". */
    public static String currentUsername() {
        return CurrentUser.find().map(AppUserPrincipal::username).orElse("anonym");
    }
}
