package se.uppfoljning.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import java.util.Arrays;

/**
 * The committee-level checks every service makes after its {@code @PreAuthorize}: roles are held per committee, so
 * a global role is not enough. Denials are logged.
 */
public final class CommitteeAccess {

    private static final Logger log = LoggerFactory.getLogger(CommitteeAccess.class);

    private CommitteeAccess() {
    }

    /** The current user, who must be a member (any role) of the committee. */
    public static AppUserPrincipal requireMember(long committeeId) {
        AppUserPrincipal user = CurrentUser.get();
        if (!user.isMemberOf(committeeId)) {
            log.warn("Nekad åtkomst: {} är inte medlem i nämnd {}", user.username(), committeeId);
            throw new AccessDeniedException("not a member of committee " + committeeId);
        }
        return user;
    }

    /** The current user, who must hold one of the roles in the committee. */
    public static AppUserPrincipal requireRole(long committeeId, Role... roles) {
        AppUserPrincipal user = CurrentUser.get();
        if (Arrays.stream(roles).noneMatch(r -> user.hasRole(committeeId, r))) {
            log.warn("Nekad åtkomst: {} saknar {} i nämnd {}", user.username(), Arrays.toString(roles), committeeId);
            throw new AccessDeniedException("lacks " + Arrays.toString(roles) + " in committee " + committeeId);
        }
        return user;
    }
}
