package se.uppfoljning.users;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.organisation.Department;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User administration through the service, and logins over HTTP Basic as Spring Security checks them. */
class UsersServiceTest extends AbstractIntegrationTest {

    private static final String PASSWORD = "Gr0na-Ängar-77";

    @Autowired
    AuditService audit;
    @Autowired
    TransactionTemplate transaction;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        testData.reset();
        signIn("admin");
    }

    private AssignableCommittee committee(String slug) {
        return userService.assignableCommittees().stream().filter(c -> c.slug().equals(slug)).findFirst().orElseThrow();
    }

    private UserSummary user(String username) {
        return userService.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private int get(String path, String username, String password) throws Exception {
        return send(path, username, password).statusCode();
    }

    private String body(String path, String username, String password) throws Exception {
        return send(path, username, password).body();
    }

    private HttpResponse<String> send(String path, String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long createOfficial(String username) {
        AssignableCommittee kfn = committee("kfn");
        Department department = kfn.departments().get(0);
        return userService.create(new NewUser(username, "Olle Ny", PASSWORD,
                Set.of(new Membership(kfn.id(), Role.OFFICIAL)), Set.of(department.id())));
    }

    private static String key(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void anAdminCreatesAUserWhoLogsInWithTheGivenRoleAndIsDeactivatedAgain() throws Exception {
        long id = createOfficial("olle");

        AppUserPrincipal olle = (AppUserPrincipal) userService.loadUserByUsername("olle");
        assertThat(olle.mustChangePassword()).isTrue();
        assertThat(olle.memberships()).containsExactly(new Membership(committee("kfn").id(), Role.OFFICIAL));
        assertThat(olle.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_OFFICIAL");
        // the admin's password opens nothing in the API until Olle has chosen his own
        assertThat(get("/api/v1/committees", "olle", PASSWORD)).isEqualTo(403);
        signIn("olle");
        userService.changeOwnPassword(PASSWORD, "Eget-Losen-77", "Eget-Losen-77");
        signIn("admin");
        assertThat(get("/api/v1/committees", "olle", "Eget-Losen-77")).isEqualTo(200);
        assertThat(get("/api/v1/committees/kfn/structure", "olle", "Eget-Losen-77")).isEqualTo(200);
        assertThat(get("/api/v1/committees/ks/structure", "olle", "Eget-Losen-77")).isEqualTo(403);
        assertThat(get("/api/v1/committees", "olle", "fel-lösenord-1")).isEqualTo(401);

        UserSummary listed = user("olle");
        assertThat(listed.displayName()).isEqualTo("Olle Ny");
        assertThat(listed.enabled()).isTrue();
        assertThat(listed.memberships()).containsExactly(new UserMembership(committee("kfn").id(), "KFN", Role.OFFICIAL));
        assertThat(listed.departments()).hasSize(1);

        userService.deactivate(id);
        assertThat(user("olle").enabled()).isFalse();
        assertThat(get("/api/v1/committees", "olle", "Eget-Losen-77")).isEqualTo(401);

        userService.reactivate(id);
        // two refused logins in a row: the login throttle's growing delay refuses the next attempt for a second
        testClock.advance(java.time.Duration.ofSeconds(5));
        assertThat(get("/api/v1/committees", "olle", "Eget-Losen-77")).isEqualTo(200);
    }

    @Autowired
    se.uppfoljning.TestClock testClock;

    @Autowired
    org.springframework.security.core.session.SessionRegistry sessionRegistry;

    @Test
    void deactivatingOrChangingRightsEndsTheUsersOpenSessionsAtOnceButNotOthers() {
        AppUserPrincipal official = (AppUserPrincipal) userService.loadUserByUsername("tjansteperson");
        AppUserPrincipal politician = (AppUserPrincipal) userService.loadUserByUsername("politiker");
        sessionRegistry.registerNewSession("official-browser", official);
        sessionRegistry.registerNewSession("politician-browser", politician);
        try {
            signIn("admin");
            UserSummary user = user("tjansteperson");
            // a refused change ends nothing
            assertThat(key(() -> userService.update(user.id(), new UserChange(" ", user.membershipSet(), user.departmentIds()))))
                    .isNotNull();
            assertThat(sessionRegistry.getSessionInformation("official-browser").isExpired()).isFalse();

            userService.deactivate(user.id());
            assertThat(sessionRegistry.getSessionInformation("official-browser").isExpired()).isTrue();
            assertThat(sessionRegistry.getSessionInformation("politician-browser").isExpired()).isFalse();

            UserSummary politicianSummary = user("politiker");
            userService.update(politicianSummary.id(), new UserChange(politicianSummary.displayName(),
                    Set.of(new Membership(committee("ks").id(), Role.POLITICIAN)), Set.of()));
            assertThat(sessionRegistry.getSessionInformation("politician-browser").isExpired()).isTrue();
        } finally {
            sessionRegistry.removeSessionInformation("official-browser");
            sessionRegistry.removeSessionInformation("politician-browser");
        }
    }

    @Test
    void demoUsersCreatedByTheSystemKeepTheirDemoPasswordWithoutAForcedChange() throws Exception {
        assertThat(((AppUserPrincipal) userService.loadUserByUsername("politiker")).mustChangePassword()).isFalse();
        assertThat(get("/api/v1/committees", "politiker", "demo")).isEqualTo(200);
    }

    @Test
    void passwordRulesAreEnforcedWithSwedishReasons() {
        assertThat(key(() -> PasswordRules.check("olle", "kort"))).isEqualTo("users.error.passwordTooShort");
        assertThat(key(() -> PasswordRules.check("olle", "xxOLLExx-1234"))).isEqualTo("users.error.passwordContainsUsername");
        assertThat(key(() -> PasswordRules.check("olle", "Sommar2024"))).isEqualTo("users.error.passwordTooCommon");
        assertThat(key(() -> PasswordRules.check("olle", ""))).isEqualTo("users.error.passwordRequired");
        PasswordRules.check("olle", PASSWORD);

        AssignableCommittee kfn = committee("kfn");
        Set<Membership> official = Set.of(new Membership(kfn.id(), Role.OFFICIAL));
        assertThat(key(() -> userService.create(new NewUser("olle", "Olle", "lösenord123", official, Set.of()))))
                .isEqualTo("users.error.passwordTooCommon");
        assertThat(key(() -> userService.create(new NewUser("Olle Ny", "Olle", PASSWORD, official, Set.of()))))
                .isEqualTo("users.error.usernameInvalid");
        assertThat(key(() -> userService.create(new NewUser("olle", " ", PASSWORD, official, Set.of()))))
                .isEqualTo("users.error.displayNameRequired");
        assertThat(key(() -> userService.create(new NewUser("olle", "Olle", PASSWORD, Set.of(), Set.of()))))
                .isEqualTo("users.error.membershipRequired");
        long ksDepartment = committee("ks").departments().get(0).id();
        assertThat(key(() -> userService.create(new NewUser("olle", "Olle", PASSWORD, official, Set.of(ksDepartment)))))
                .isEqualTo("users.error.departmentOutsideCommittees");
        assertThatThrownBy(() -> userService.create(new NewUser("Politiker", "P", PASSWORD, official, Set.of())))
                .isInstanceOf(ConflictException.class).hasMessage("users.error.usernameTaken");
        assertThat(userService.users()).noneMatch(u -> u.username().equals("olle"));
    }

    @Test
    void resetPasswordForcesAChangeWhichTheUserMakesWithTheRules() throws Exception {
        long id = createOfficial("olle");
        userService.resetPassword(id, "Tillfalligt-2024!");
        assertThat(get("/api/v1/committees", "olle", PASSWORD)).isEqualTo(401);
        assertThat(((AppUserPrincipal) userService.loadUserByUsername("olle")).mustChangePassword()).isTrue();
        // the API does not let the temporary password in either, and says why
        assertThat(get("/api/v1/committees", "olle", "Tillfalligt-2024!")).isEqualTo(403);
        assertThat(body("/api/v1/committees", "olle", "Tillfalligt-2024!")).contains("\"passwordChangeRequired\"")
                .contains("måste bytas i webbläsaren");

        signIn("olle");
        assertThat(key(() -> userService.changeOwnPassword("fel", "Nytt-Losen-99", "Nytt-Losen-99")))
                .isEqualTo("users.error.wrongCurrentPassword");
        assertThat(key(() -> userService.changeOwnPassword("Tillfalligt-2024!", "Nytt-Losen-99", "Nytt-Losen-98")))
                .isEqualTo("users.error.passwordsDiffer");
        assertThat(key(() -> userService.changeOwnPassword("Tillfalligt-2024!", "olle-1234567", "olle-1234567")))
                .isEqualTo("users.error.passwordContainsUsername");
        AppUserPrincipal refreshed = userService.changeOwnPassword("Tillfalligt-2024!", "Nytt-Losen-99", "Nytt-Losen-99");
        assertThat(refreshed.mustChangePassword()).isFalse();
        assertThat(get("/api/v1/committees", "olle", "Nytt-Losen-99")).isEqualTo(200);
    }

    @Test
    void noAdminCanLockThemselvesOrEveryoneOut() {
        AppUserPrincipal admin = signIn("admin");
        assertThat(key(() -> userService.deactivate(admin.id()))).isEqualTo("users.error.cannotDeactivateSelf");

        UserSummary me = user("admin");
        long ks = committee("ks").id();
        long kfn = committee("kfn").id();
        assertThat(key(() -> userService.update(admin.id(), new UserChange(me.displayName(),
                Set.of(new Membership(ks, Role.SECRETARIAT)), Set.of())))).isEqualTo("users.error.cannotRemoveOwnAdmin");
        // dropping one of two admin memberships keeps the admin an admin
        userService.update(admin.id(), new UserChange(me.displayName(), Set.of(new Membership(ks, Role.ADMIN),
                new Membership(kfn, Role.SECRETARIAT)), Set.of()));
        assertThat(user("admin").memberships()).extracting(UserMembership::role).containsExactlyInAnyOrder(Role.ADMIN, Role.SECRETARIAT);

        // a second admin: the first may retire it, but not when it is the last active one
        long second = userService.create(new NewUser("admin2", "Andra Admin", PASSWORD, Set.of(new Membership(ks, Role.ADMIN)), Set.of()));
        SystemUser.run(() -> userService.deactivate(admin.id()));
        signIn("admin2");
        assertThat(key(() -> userService.deactivate(second))).isEqualTo("users.error.cannotDeactivateSelf");
        // the system (no admin row of its own) is still refused taking away the last active admin
        assertThatThrownBy(() -> SystemUser.run(() -> userService.deactivate(second)))
                .isInstanceOf(ConflictException.class).hasMessage("users.error.lastAdmin");
        assertThatThrownBy(() -> SystemUser.run(() -> userService.update(second,
                new UserChange("Andra Admin", Set.of(new Membership(ks, Role.OFFICIAL)), Set.of()))))
                .isInstanceOf(ConflictException.class).hasMessage("users.error.lastAdmin");
    }

    @Test
    void nonAdminsAreRefusedEveryAdministrationCall() {
        long politician = user("politiker").id();
        for (String username : List.of("politiker", "sekretariat", "tjansteperson", "controller")) {
            signIn(username);
            assertThatThrownBy(() -> userService.users()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> userService.deactivate(politician)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> userService.resetPassword(politician, PASSWORD)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> userService.create(new NewUser("x1", "X", PASSWORD, Set.of(), Set.of())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> userService.update(politician, new UserChange("X", Set.of(), Set.of())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        signOut();
        assertThatThrownBy(() -> userService.users()).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void everyChangeIsLoggedWithWhoAndWhatButNeverThePassword() {
        long id = createOfficial("bertil");
        userService.update(id, new UserChange("Olle Nyman", Set.of(new Membership(committee("kfn").id(), Role.SECRETARIAT)), Set.of()));
        userService.resetPassword(id, "Tillfalligt-2024!");
        userService.deactivate(id);
        userService.reactivate(id);

        List<AuditEntry> entries = audit.search(new AuditQuery("bertil", null, null, null, 0));
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditActions.USER_REACTIVATED,
                AuditActions.USER_DEACTIVATED, AuditActions.USER_PASSWORD_RESET, AuditActions.USER_UPDATED,
                AuditActions.USER_CREATED);
        assertThat(entries).allMatch(e -> e.username().equals("admin") && e.subject().equals("bertil") && e.occurredAt() != null);
        assertThat(entries.get(4).details()).contains("Olle Ny", "KFN: Tjänsteperson");
        assertThat(entries.get(3).details()).contains("Olle Ny → Olle Nyman", "KFN: Tjänsteperson", "KFN: Nämndsekreterare");
        assertThat(entries).noneMatch(e -> e.details().contains(PASSWORD) || e.details().contains("Tillfalligt"));
        assertThat(audit.search(new AuditQuery(null, null, null, AuditActions.USER_DEACTIVATED, 0))).hasSize(1);
        // the demo users were created by the system
        assertThat(audit.search(new AuditQuery("politiker", null, null, AuditActions.USER_CREATED, 0)))
                .singleElement().satisfies(e -> assertThat(e.username()).isEqualTo("system"));

        // the secretariat sees no entries about users
        signIn("sekretariat");
        assertThat(audit.search(AuditQuery.all())).isNotEmpty()
                .noneMatch(e -> e.action().startsWith(AuditActions.USER_PREFIX));
        signIn("politiker");
        assertThatThrownBy(() -> audit.search(AuditQuery.all())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRefusedChangeLeavesNoLogEntry() {
        long before = audit.search(AuditQuery.all()).size();
        assertThatThrownBy(() -> userService.create(new NewUser("olle", "Olle", "kort", Set.of(), Set.of())))
                .isInstanceOf(ValidationException.class);
        assertThat(audit.search(AuditQuery.all())).hasSize((int) before);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveLogEntries() {
        createOfficial("olle");
        var db = testData.db();
        assertThat(db.fetchCount(org.jooq.impl.DSL.table("audit_log"))).isPositive();
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> db.execute("update audit_log set details = 'ändrad'")))
                .isInstanceOf(RuntimeException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> db.execute("delete from audit_log")))
                .isInstanceOf(RuntimeException.class).rootCause().hasMessageContaining("append-only");
        assertThat(db.fetchCount(org.jooq.impl.DSL.table("audit_log"), org.jooq.impl.DSL.field("details").eq("ändrad"))).isZero();
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> audit.record(null, "test", "x", "y"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    private static String assertDoesNotThrowGet(java.lang.reflect.Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyRoleAndActionHasASwedishName() {
        var bundle = java.util.ResourceBundle.getBundle("vaadin-i18n/translations");
        for (Role role : Role.values()) {
            assertThat(bundle.getString("role." + role.name())).isNotBlank();
        }
        for (var field : AuditActions.class.getFields()) {
            if (!field.getName().endsWith("_PREFIX")) {
                String action = assertDoesNotThrowGet(field);
                assertThat(bundle.containsKey("audit.action." + action)).as(action).isTrue();
            }
        }
    }

    @Test
    void emailIsOptionalValidatedAndChangeable() {
        assertThat(user("tjansteperson").email()).isEqualTo("tjansteperson@example.org");
        AssignableCommittee kfn = committee("kfn");
        Set<Membership> official = Set.of(new Membership(kfn.id(), Role.OFFICIAL));
        assertThat(key(() -> userService.create(new NewUser("olle", "Olle", PASSWORD, official, Set.of(), "olle@"))))
                .isEqualTo("users.error.emailInvalid");
        long id = userService.create(new NewUser("olle", "Olle", PASSWORD, official, Set.of(), " olle@example.org "));
        assertThat(userService.user(id).email()).isEqualTo("olle@example.org");
        // a change without an address keeps it; an explicit blank removes it
        userService.update(id, new UserChange("Olle Nyman", official, Set.of()));
        assertThat(userService.user(id).email()).isEqualTo("olle@example.org");
        assertThat(key(() -> userService.update(id, new UserChange("Olle Nyman", official, Set.of(), "inte en adress"))))
                .isEqualTo("users.error.emailInvalid");
        userService.update(id, new UserChange("Olle Nyman", official, Set.of(), ""));
        assertThat(userService.user(id).email()).isNull();
    }
}
