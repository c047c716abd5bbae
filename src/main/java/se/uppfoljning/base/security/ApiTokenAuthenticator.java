package se.uppfoljning.base.security;

import java.util.Optional;

/** Turns a presented API token into its authentication; implemented by the users feature. */
public interface ApiTokenAuthenticator {

    /** The token's owner and scope; empty when the token is unknown, revoked, expired or its owner deactivated. */
    Optional<ApiTokenAuthentication> authenticate(String token);
}
