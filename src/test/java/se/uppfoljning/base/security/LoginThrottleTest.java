package se.uppfoljning.base.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.RawHttp;
import se.uppfoljning.TestClock;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins lock the account for a while, over HTTP Basic and the login form alike; an admin lifts it. */
class LoginThrottleTest extends AbstractIntegrationTest {

    @Autowired
    TestClock clock;
    @Autowired
    AuditService audit;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        signOut();
    }

    private RawHttp.Response api(String user, String password) throws Exception {
        return RawHttp.send(port, "GET", "/api/v1/committees", null, "Authorization: " + RawHttp.basic(user, password));
    }

    private JsonNode body(RawHttp.Response response) throws Exception {
        return json.readTree(response.body());
    }

    /** Five wrong passwords, with a pause longer than the growing delay between them. */
    private void failFiveTimes(String user) throws Exception {
        for (int i = 0; i < 5; i++) {
            RawHttp.Response wrong = api(user, "fel-" + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(body(wrong).get("error").asText()).isEqualTo("unauthorized");
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void theSixthAttemptIsRefusedEvenWithTheRightPasswordUntilTheLockEnds() throws Exception {
        assertThat(api("politiker", "demo").status()).isEqualTo(200);
        failFiveTimes("politiker");

        RawHttp.Response locked = api("politiker", "demo");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(body(locked).get("error").asText()).isEqualTo("login_locked");
        assertThat(body(locked).get("message").asText()).startsWith("För många misslyckade inloggningar.");

        clock.advance(Duration.ofMinutes(14));
        assertThat(api("politiker", "demo").status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(api("politiker", "demo").status()).isEqualTo(200);

        signIn("admin");
        List<AuditEntry> entries = audit.search(new AuditQuery(null, null, null, null, 100, true, "politiker", null, null));
        assertThat(entries).extracting(AuditEntry::action)
                .containsOnly("security.loginFailed", "security.loginLocked")
                .filteredOn(a -> a.equals("security.loginFailed")).hasSize(5);
        assertThat(entries).filteredOn(e -> e.action().equals("security.loginFailed"))
                .allSatisfy(e -> assertThat(e.details()).contains("Adress 127.0.0.1"));
    }

    @Test
    void aSecondLockLastsTwiceAsLong() throws Exception {
        failFiveTimes("politiker");
        clock.advance(Duration.ofMinutes(16));
        failFiveTimes("politiker");
        clock.advance(Duration.ofMinutes(20));
        assertThat(api("politiker", "demo").status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(11));
        assertThat(api("politiker", "demo").status()).isEqualTo(200);
    }

    @Test
    void anUnknownAccountGetsExactlyTheSameAnswers() throws Exception {
        for (int i = 0; i < 5; i++) {
            RawHttp.Response known = api("politiker", "fel-" + i);
            RawHttp.Response unknown = api("finns-inte", "fel-" + i);
            assertThat(unknown.status()).isEqualTo(known.status());
            assertThat(unknown.body()).isEqualTo(known.body());
            clock.advance(Duration.ofSeconds(10));
        }
        RawHttp.Response known = api("politiker", "demo");
        RawHttp.Response unknown = api("finns-inte", "demo");
        assertThat(known.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(body(unknown).get("error").asText()).isEqualTo("login_locked");
    }

    @Test
    void anAttemptDuringTheGrowingDelayIsRefusedUnchecked() throws Exception {
        api("politiker", "fel-1");
        api("politiker", "fel-2");
        // within a second of the second failure even the right password is refused (and counts)
        assertThat(api("politiker", "demo").status()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(5));
        assertThat(api("politiker", "demo").status()).isEqualTo(200);
    }

    @Test
    void theLoginFormIsThrottledTooAndSaysSo() throws Exception {
        for (int i = 0; i < 5; i++) {
            RawHttp.Response wrong = form("kultur", "fel-" + i);
            assertThat(wrong.status()).isEqualTo(302);
            assertThat(wrong.header("location")).endsWith("/login?error");
            clock.advance(Duration.ofSeconds(10));
        }
        RawHttp.Response locked = form("kultur", "demo");
        assertThat(locked.header("location")).endsWith("/login?error&locked");
        // the lock is stored with the account, so an admin sees it and can lift it
        signIn("admin");
        var kultur = userService.users().stream().filter(u -> u.username().equals("kultur")).findFirst().orElseThrow();
        assertThat(kultur.lockedUntil()).isNotNull();
        userService.unlock(kultur.id());
        assertThat(userService.user(kultur.id()).lockedUntil()).isNull();
        RawHttp.Response ok = form("kultur", "demo");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("location")).doesNotContain("error");
        assertThat(audit.search(new AuditQuery(null, null, null, "security.loginUnlocked", 10)))
                .extracting(AuditEntry::subject).containsExactly("kultur");
    }

    private RawHttp.Response form(String user, String password) throws Exception {
        byte[] body = ("username=" + user + "&password=" + password).getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(port, "POST", "/login", body, "Content-Type: application/x-www-form-urlencoded");
    }
}
