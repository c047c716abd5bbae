package se.uppfoljning.users;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A personal API token as its owner sees it (never the token itself, which is shown once at creation).
 *
 * @param scope     "read" (GET only) or "write" (everything the owner may do)
 * @param revokedAt null while not revoked
 */
public record ApiToken(long id, String name, String scope, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime revokedAt) {

    public static final String READ = "read";
    public static final String WRITE = "write";

    /** Usable now: neither revoked nor expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.toInstant().isAfter(now);
    }
}
