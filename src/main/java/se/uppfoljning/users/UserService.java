package se.uppfoljning.users;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.LoginThrottle;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SecurityEvent;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.users.internal.UserRepository;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Users, their committee memberships and departments; the source of Spring Security's users. Administration is
 * for admins (treated as global admins); every change is written to the audit log, never a password.
 */
@Service
public class UserService implements UserDetailsService {

    public static final int MAX_DISPLAY_NAME_LENGTH = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");
    /** A plausible address (the database checks the same shape); delivery is the proof. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MAX_EMAIL_LENGTH = 254;

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Messages messages;
    private final SessionEnds sessions;

    private final LoginThrottle throttle;
    private final Clock clock;

    UserService(UserRepository repository, PasswordEncoder passwordEncoder, AuditService audit, Messages messages,
                SessionEnds sessions, LoginThrottle throttle, Clock clock) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    @Unrestricted("Spring Security signs users in with it")
    public UserDetails loadUserByUsername(String username) {
        return repository.findPrincipal(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserSummary> users() {
        // the application's own account (demo data, scheduled work) is nobody an admin manages
        var now = clock.instant();
        return repository.summaries().stream()
                .filter(u -> !AppUserPrincipal.SYSTEM_USERNAME.equals(u.username()))
                .map(u -> u.lockAt(now)).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary user(long id) {
        return repository.summary(id).map(u -> u.lockAt(clock.instant()))
                .orElseThrow(() -> new NotFoundException("users.error.notFound", id));
    }

    /**
     * The ids (ascending) of the enabled officials of the committee who belong to the department: whom another feature
     * tells about the department's items (e.g. a revised Kolada value). Members of the committee.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("@committeeAccess.member(#committeeId)")
    public List<Long> departmentOfficials(long committeeId, long departmentId) {
        return repository.departmentOfficials(committeeId, departmentId);
    }

    /** Lifts a login lock after repeated failed logins: the user may try again at once, from a clean count. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void unlock(long id) {
        UserSummary user = user(id);
        repository.setLockedUntil(user.username(), null);
        throttle.forget(user.username());
        audit.record(null, AuditActions.SECURITY_PREFIX + SecurityEvent.LOGIN_UNLOCKED, user.username(),
                messages.get("users.audit.unlocked", user.displayName()));
    }

    /** The committees (with departments) an admin can give roles in. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AssignableCommittee> assignableCommittees() {
        return repository.committees();
    }

    /**
     * A new user who must change the password at first login. The application itself (demo data) is exempt from
     * the password rules and the forced change.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long create(NewUser user) {
        boolean system = CurrentUser.get().isSystem();
        String username = user.username() == null ? "" : user.username().strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty()) {
            throw new ValidationException("users.error.usernameRequired");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new ValidationException("users.error.usernameInvalid");
        }
        String displayName = displayName(user.displayName());
        String email = email(user.email());
        if (!system) {
            PasswordRules.check(username, user.password());
        }
        requireAssignable(user.memberships(), user.departmentIds());
        if (repository.usernameExists(username)) {
            throw new ConflictException("users.error.usernameTaken", username);
        }
        long id = repository.insert(username, displayName, passwordEncoder.encode(user.password()), !system);
        repository.addMemberships(id, user.memberships());
        repository.addDepartments(id, user.departmentIds());
        if (email != null) {
            repository.updateEmail(id, email);
        }
        audit.record(null, AuditActions.USER_CREATED, username,
                messages.get("users.audit.created", displayName, describe(user.memberships(), user.departmentIds())));
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long createUser(String username, String displayName, String password, Collection<Membership> memberships,
                           Collection<Long> departmentIds) {
        return createUser(username, displayName, password, memberships, departmentIds, null);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long createUser(String username, String displayName, String password, Collection<Membership> memberships,
                           Collection<Long> departmentIds, String email) {
        return create(new NewUser(username, displayName, password, new HashSet<>(memberships),
                new HashSet<>(departmentIds), email));
    }

    /** Replaces name, memberships and departments. An admin cannot take away their own (or the last) admin role. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void update(long id, UserChange change) {
        UserSummary before = user(id);
        String displayName = displayName(change.displayName());
        requireAssignable(change.memberships(), change.departmentIds());
        boolean wasAdmin = hasAdmin(before.membershipSet());
        boolean staysAdmin = hasAdmin(change.memberships());
        if (wasAdmin && !staysAdmin) {
            if (id == CurrentUser.get().id()) {
                throw new ValidationException("users.error.cannotRemoveOwnAdmin");
            }
            requireAnotherActiveAdmin(id);
        }
        boolean keepEmail = UserChange.KEEP_EMAIL.equals(change.email());
        String email = keepEmail ? before.email() : email(change.email());
        boolean emailChanged = !Objects.equals(before.email(), email);
        boolean nameChanged = !before.displayName().equals(displayName);
        boolean rolesChanged = !before.membershipSet().equals(change.memberships())
                || !before.departmentIds().equals(change.departmentIds());
        if (!nameChanged && !rolesChanged && !emailChanged) {
            return;
        }
        if (emailChanged) {
            repository.updateEmail(id, email);
        }
        if (nameChanged) {
            repository.updateDisplayName(id, displayName);
        }
        if (rolesChanged) {
            repository.replaceMembershipsAndDepartments(id, change.memberships(), change.departmentIds());
            if (id != CurrentUser.get().id()) {
                sessions.endEverywhere(before.username()); // the new rights hold at once
            }
        }
        String details = (nameChanged ? messages.get("users.audit.name", before.displayName(), displayName) + " " : "")
                + (rolesChanged ? messages.get("users.audit.roles",
                describe(before.membershipSet(), before.departmentIds()),
                describe(change.memberships(), change.departmentIds())) : "")
                + (emailChanged ? " " + messages.get("users.audit.email", before.email() == null ? "–" : before.email(),
                email == null ? "–" : email) : "");
        audit.record(null, AuditActions.USER_UPDATED, before.username(), details.strip());
    }

    /** The user can no longer log in. Nobody deactivates themselves, and the last active admin stays. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void deactivate(long id) {
        UserSummary user = user(id);
        if (id == CurrentUser.get().id()) {
            throw new ValidationException("users.error.cannotDeactivateSelf");
        }
        if (!user.enabled()) {
            return;
        }
        if (hasAdmin(user.membershipSet())) {
            requireAnotherActiveAdmin(id);
        }
        repository.updateEnabled(id, false);
        sessions.endEverywhere(user.username());
        audit.record(null, AuditActions.USER_DEACTIVATED, user.username(), messages.get("users.audit.deactivated", user.displayName()));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reactivate(long id) {
        UserSummary user = user(id);
        if (user.enabled()) {
            return;
        }
        repository.updateEnabled(id, true);
        audit.record(null, AuditActions.USER_REACTIVATED, user.username(), messages.get("users.audit.reactivated", user.displayName()));
    }

    /** The admin gives a temporary password; the user must choose a new one at next login. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(long id, String temporaryPassword) {
        UserSummary user = user(id);
        PasswordRules.check(user.username(), temporaryPassword);
        repository.updatePassword(id, passwordEncoder.encode(temporaryPassword), true);
        if (id != CurrentUser.get().id()) {
            sessions.endEverywhere(user.username());
        }
        audit.record(null, AuditActions.USER_PASSWORD_RESET, user.username(), messages.get("users.audit.passwordReset"));
    }

    /** What the signed-in user may reach in the menu (for the layout: it never asks for roles). */
    @PreAuthorize("isAuthenticated()")
    public MenuRights menuRights() {
        return new MenuRights(CommitteeAccess.mayAnywhere(Right.ADMINISTER),
                CommitteeAccess.mayAnywhere(Right.WORK_ON_REPORT));
    }

    /**
     * The signed-in user sets a new password (clearing a forced change). Returns the refreshed principal, for the
     * caller to put into the security context of the session.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public AppUserPrincipal changeOwnPassword(String currentPassword, String newPassword, String repeatedPassword) {
        AppUserPrincipal me = CurrentUser.get();
        if (me.isSystem()) {
            throw new ValidationException("users.error.systemUser");
        }
        String hash = repository.passwordHash(me.id()).orElseThrow(() -> new NotFoundException("users.error.notFound", me.id()));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new ValidationException("users.error.wrongCurrentPassword");
        }
        PasswordRules.check(me.username(), newPassword);
        if (!Objects.equals(newPassword, repeatedPassword)) {
            throw new ValidationException("users.error.passwordsDiffer");
        }
        if (newPassword.equals(currentPassword)) {
            throw new ValidationException("users.error.passwordUnchanged");
        }
        repository.updatePassword(me.id(), passwordEncoder.encode(newPassword), false);
        audit.record(null, AuditActions.USER_PASSWORD_CHANGED, me.username(), messages.get("users.audit.passwordChanged"));
        return repository.findPrincipal(me.username()).orElseThrow();
    }

    private static String displayName(String displayName) {
        String name = displayName == null ? "" : InputText.cleanLine(Messages.text("users.field.displayName"), displayName);
        if (name.isEmpty()) {
            throw new ValidationException("users.error.displayNameRequired");
        }
        if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new ValidationException("users.error.displayNameTooLong", MAX_DISPLAY_NAME_LENGTH);
        }
        return name;
    }

    /** Null when blank; refused when not an address. */
    private static String email(String email) {
        String value = email == null ? "" : InputText.cleanLine(Messages.text("users.field.email"), email);
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            throw new ValidationException("users.error.emailInvalid", value);
        }
        return value;
    }

    /** At least one membership, in existing committees; departments only of those committees. */
    private void requireAssignable(Set<Membership> memberships, Set<Long> departmentIds) {
        if (memberships.isEmpty()) {
            throw new ValidationException("users.error.membershipRequired");
        }
        Set<Long> committees = memberships.stream().map(Membership::committeeId).collect(Collectors.toSet());
        if (repository.committeeCodes(committees).size() != committees.size()) {
            throw new ValidationException("users.error.unknownCommittee");
        }
        List<Department> departments = repository.departments(departmentIds);
        if (departments.size() != departmentIds.size()
                || departments.stream().anyMatch(d -> !committees.contains(d.committeeId()))) {
            throw new ValidationException("users.error.departmentOutsideCommittees");
        }
    }

    private void requireAnotherActiveAdmin(long id) {
        Set<Long> admins = repository.lockActiveAdmins();
        admins.remove(id);
        if (admins.isEmpty()) {
            throw new ConflictException("users.error.lastAdmin");
        }
    }

    private static boolean hasAdmin(Set<Membership> memberships) {
        return memberships.stream().anyMatch(m -> m.role() == Role.ADMIN);
    }

    /** "KS: Administratör, KFN: Förtroendevald; avdelningar: …" for the log. */
    private String describe(Set<Membership> memberships, Set<Long> departmentIds) {
        Map<Long, String> codes = repository.committeeCodes(memberships.stream().map(Membership::committeeId).toList());
        String roles = memberships.stream()
                .sorted(Comparator.comparing((Membership m) -> codes.getOrDefault(m.committeeId(), "")).thenComparing(Membership::role))
                .map(m -> codes.getOrDefault(m.committeeId(), String.valueOf(m.committeeId())) + ": "
                        + messages.get("role." + m.role().name()))
                .collect(Collectors.joining(", "));
        String departments = repository.departments(departmentIds).stream().map(Department::name)
                .collect(Collectors.joining(", "));
        return departments.isEmpty() ? roles : messages.get("users.audit.withDepartments", roles, departments);
    }
}
