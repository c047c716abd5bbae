package se.uppfoljning.base.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serial;

/**
 * A request authenticated with a personal API token ({@code Authorization: Bearer …}): the token's owner with
 * their own rights, and the token's scope – a read-only token may only read (GET, HEAD).
 */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AppUserPrincipal user;
    private final long tokenId;
    private final boolean readOnly;

    public ApiTokenAuthentication(AppUserPrincipal user, long tokenId, boolean readOnly) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public AppUserPrincipal getPrincipal() {
        return user;
    }

    public long tokenId() {
        return tokenId;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Whether the current request was authenticated by a token (not a password). */
    public static boolean current() {
        return SecurityContextHolder.getContext()
                .getAuthentication() instanceof ApiTokenAuthentication;
    }
}
