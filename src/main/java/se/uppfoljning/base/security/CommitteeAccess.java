package se.uppfoljning.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Optional;

/**
 * The committee-level rights: roles are held per committee, so a global role is not enough. Services declare them on
 * the method, as the bean {@code committeeAccess} in {@code @PreAuthorize}:
 * {@code @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")} or
 * {@code @PreAuthorize("@committeeAccess.member(#context)")}, where the argument is a {@link CommitteeScoped} (a
 * committee, a committee and period), a committee id or a committee slug (found through {@link CommitteeDirectory};
 * unknown → 404 before any right is decided), and the right a {@link Right}'s name. This is the one way services
 * decide committee rights (ArchitectureTest: no body checks with roles). The static methods answer the same
 * questions inside a method, for the {@code may…} flags of read models. Denials are logged.
 */
@Component("committeeAccess")
public final class CommitteeAccess {

    private static final Logger log = LoggerFactory.getLogger(CommitteeAccess.class);

    private final ObjectProvider<CommitteeDirectory> directory;

    CommitteeAccess(ObjectProvider<CommitteeDirectory> directory) {
        this.directory = directory;
    }

    /**
     * For {@code @PreAuthorize}: whether the current user is a member (any role) of the committee of {@code scope} (a
     * {@link CommitteeScoped}, a committee id or slug). False when no one is signed in; for a signed-in user who is
     * not a member it throws {@link AccessDeniedException} naming the committee, so the audit log's security event
     * says why (a plain {@code false} would only say "Access Denied").
     */
    public boolean member(Object scope) {
        Optional<AppUserPrincipal> user = CurrentUser.find();
        Long committeeId = user.isEmpty() ? null : committeeId(scope);
        if (committeeId == null || user.isEmpty() || !user.get().isMemberOf(committeeId)) {
            log.warn("Nekad åtkomst: {} är inte medlem i nämnd {}", user.map(AppUserPrincipal::username).orElse("–"),
                    committeeId);
            return denied(user, "not a member of committee " + committeeId);
        }
        return true;
    }

    /**
     * For {@code @PreAuthorize}: whether the current user holds {@code right} in the committee of {@code scope} (a
     * {@link CommitteeScoped}, a committee id or slug). False when no one is signed in; for a signed-in user without
     * the right it throws {@link AccessDeniedException} naming the right and the committee (for the audit log).
     */
    public boolean may(Object scope, Right right) {
        Optional<AppUserPrincipal> user = CurrentUser.find();
        Long committeeId = user.isEmpty() ? null : committeeId(scope);
        if (committeeId == null || user.isEmpty()
                || right.roles().stream().noneMatch(r -> user.get().hasRole(committeeId, r))) {
            log.warn("Nekad åtkomst: {} saknar {} i nämnd {}", user.map(AppUserPrincipal::username).orElse("–"),
                    right, committeeId);
            return denied(user, "lacks " + right + " in committee " + committeeId);
        }
        return true;
    }

    /**
     * SpEL passes a runtime exception thrown by a bean method through unwrapped, so method security answers with this
     * exception (403) and its reason reaches {@code AccessDenialRecorder}.
     */
    private static boolean denied(Optional<AppUserPrincipal> user, String reason) {
        if (user.isEmpty()) {
            return false;
        }
        throw new AccessDeniedException(reason);
    }

    private Long committeeId(Object scope) {
        if (scope instanceof CommitteeScoped scoped) {
            return scoped.committeeId();
        }
        if (scope instanceof Number id) {
            return id.longValue();
        }
        if (scope instanceof String slug) {
            return directory.getObject().committeeIdOf(slug);
        }
        return null;
    }

    /**
     * Whether the current user holds the right in the committee (the system user holds every right): for the
     * {@code may…} flags of read models. Named apart from the bean's {@link #may(Object, Right)}, so that SpEL never
     * finds two candidates for a committee id.
     */
    public static boolean holds(long committeeId, Right right) {
        AppUserPrincipal user = CurrentUser.get();
        return right.roles().stream().anyMatch(r -> user.hasRole(committeeId, r));
    }

    /**
     * Whether {@code user} holds {@code right} for an item of department {@code departmentId} (null: no department)
     * in the committee: each role that grants the right holds it for every item of the committee, except
     * {@link Role#OFFICIAL}, which holds it only for the items of the official's own departments. The system user
     * holds every right.
     */
    public static boolean mayForDepartment(AppUserPrincipal user, long committeeId, Long departmentId, Right right) {
        return right.roles().stream().anyMatch(r -> user.hasRole(committeeId, r) && (r != Role.OFFICIAL
                || user.isSystem() || departmentId != null && user.departmentIds().contains(departmentId)));
    }

    /** Whether {@code user} holds the right in the committee (for read models built for a given user). */
    public static boolean holds(AppUserPrincipal user, long committeeId, Right right) {
        return right.roles().stream().anyMatch(r -> user.hasRole(committeeId, r));
    }

    /** Whether the current user is an official of the committee, working for their departments (the system user is not). */
    public static boolean worksForOwnDepartments(long committeeId) {
        AppUserPrincipal user = CurrentUser.get();
        return !user.isSystem() && user.hasRole(committeeId, Role.OFFICIAL);
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
