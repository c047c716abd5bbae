package se.uppfoljning.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Optional;

/**
 * The committee-level rights: roles are held per committee, so a global role is not enough. Services declare them on
 * the method, as the bean {@code committeeAccess} in {@code @PreAuthorize}:
 * {@code @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")} or
 * {@code @PreAuthorize("@committeeAccess.member(#context)")}, where the argument is a {@link CommitteeScoped} (a
 * committee, a committee and period) or a committee id, and the right a {@link Right}'s name. The static methods
 * answer the same questions inside a method (for the {@code may…} flags of read models). Denials are logged.
 */
@Component("committeeAccess")
public final class CommitteeAccess {

    private static final Logger log = LoggerFactory.getLogger(CommitteeAccess.class);

    CommitteeAccess() {
    }

    /**
     * For {@code @PreAuthorize}: whether the current user is a member (any role) of the committee of {@code scope} (a
     * {@link CommitteeScoped} or a committee id). False, and logged, when not, or when no one is signed in.
     */
    public boolean member(Object scope) {
        Long committeeId = committeeId(scope);
        Optional<AppUserPrincipal> user = CurrentUser.find();
        if (committeeId == null || user.isEmpty() || !user.get().isMemberOf(committeeId)) {
            log.warn("Nekad åtkomst: {} är inte medlem i nämnd {}", user.map(AppUserPrincipal::username).orElse("–"),
                    committeeId);
            return false;
        }
        return true;
    }

    /**
     * For {@code @PreAuthorize}: whether the current user holds {@code right} in the committee of {@code scope} (a
     * {@link CommitteeScoped} or a committee id). False, and logged, when not, or when no one is signed in.
     */
    public boolean may(Object scope, Right right) {
        Long committeeId = committeeId(scope);
        Optional<AppUserPrincipal> user = CurrentUser.find();
        if (committeeId == null || user.isEmpty()
                || right.roles().stream().noneMatch(r -> user.get().hasRole(committeeId, r))) {
            log.warn("Nekad åtkomst: {} saknar {} i nämnd {}", user.map(AppUserPrincipal::username).orElse("–"),
                    right, committeeId);
            return false;
        }
        return true;
    }

    private static Long committeeId(Object scope) {
        if (scope instanceof CommitteeScoped scoped) {
            return scoped.committeeId();
        }
        if (scope instanceof Number id) {
            return id.longValue();
        }
        return null;
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

    /** Whether the current user holds the right in the committee (the system user holds every right). */
    public static boolean may(long committeeId, Right right) {
        AppUserPrincipal user = CurrentUser.get();
        return right.roles().stream().anyMatch(r -> user.hasRole(committeeId, r));
    }

    /** Whether the current user holds the right in any committee (for the menu, before a committee is chosen). */
    public static boolean mayAnywhere(Right right) {
        AppUserPrincipal user = CurrentUser.get();
        return right.roles().stream().anyMatch(user::hasRoleAnywhere);
    }

    /**
     * Whether the current user only reads the committee's reports: a politician there and nothing more (the system
     * user works on everything).
     */
    public static boolean readsOnly(long committeeId) {
        return CurrentUser.find().map(u -> !u.isSystem() && u.hasRole(committeeId, Role.POLITICIAN)
                && Arrays.stream(Role.values()).filter(r -> r != Role.POLITICIAN)
                .noneMatch(r -> u.hasRole(committeeId, r))).orElse(false);
    }

    /**
     * Whether the committee's views should start on the user's own department: an official there who is not also
     * the secretariat (the system user is neither).
     */
    public static boolean startsWithOwnDepartment(long committeeId) {
        AppUserPrincipal user = CurrentUser.get();
        return !user.isSystem() && user.hasRole(committeeId, Role.OFFICIAL)
                && !user.hasRole(committeeId, Role.SECRETARIAT);
    }
}
