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
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.followup.FollowUpService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of security event reaches the audit log, readable by admins in /logg and over GET /api/v1/audit. */
class SecurityEventsTest extends AbstractIntegrationTest {

    @Autowired
    AuditService audit;
    @Autowired
    TestClock clock;
    @Autowired
    FollowUpService followUp;

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

    private RawHttp.Response send(String method, String target, String authorization, String contentType, byte[] body,
                                  String... more) throws Exception {
        List<String> headers = new java.util.ArrayList<>(List.of("Authorization: " + authorization));
        if (contentType != null) {
            headers.add("Content-Type: " + contentType);
        }
        headers.addAll(List.of(more));
        return RawHttp.send(port, method, target, body, headers.toArray(String[]::new));
    }

    @Test
    void everyKindOfSecurityEventIsLogged() throws Exception {
        // failed logins and a lock
        for (int i = 0; i < 5; i++) {
            send("GET", "/api/v1/committees", RawHttp.basic("kultur", "fel"), null, null);
            clock.advance(Duration.ofSeconds(10));
        }
        // an access denial over the API (a politician may not save) and in a service call from the UI
        send("PUT", "/api/v1/committees/ks/periods/2024-dr2/items/1/follow-up", RawHttp.basic("politiker", "demo"),
                "application/json", "{\"status\":null,\"comment\":\"x\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
        signIn("tjansteperson");
        assertThatThrownBy(() -> followUp.overview("kfn", "2024-dr2"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        // a rejected finance import
        byte[] bad = "nivå;konto\nfel;fel\n".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response rejected = send("POST", "/api/v1/committees/ks/periods/2024-dr2/finance",
                RawHttp.basic("controller", "demo"), "text/csv", bad, "X-File-Name: trasig.csv");
        assertThat(rejected.status()).isIn(400, 422);
        // tokens created and revoked, a read-only token refused a change
        RawHttp.Response created = send("POST", "/api/v1/me/tokens", RawHttp.basic("politiker", "demo"),
                "application/json", ("{\"name\":\"Rapport\",\"scope\":\"read\",\"expiresAt\":\""
                        + OffsetDateTime.now().plusDays(5) + "\"}").getBytes(StandardCharsets.UTF_8));
        JsonNode token = json.readTree(created.body());
        send("POST", "/api/v1/committees/ks/plan-years", "Bearer " + token.get("token").asText(), "application/json",
                "{\"year\":2030}".getBytes(StandardCharsets.UTF_8));
        send("DELETE", "/api/v1/me/tokens/" + token.get("id").asLong(), RawHttp.basic("politiker", "demo"), null, null);
        // a password reset by an admin, a lock lifted, and the user's own change
        signIn("admin");
        long kultur = userService.users().stream().filter(u -> u.username().equals("kultur")).findFirst().orElseThrow().id();
        userService.unlock(kultur);
        userService.resetPassword(kultur, "Tillfälligt-lösen-42");
        signIn("kultur");
        userService.changeOwnPassword("Tillfälligt-lösen-42", "Mitt-eget-lösen-42", "Mitt-eget-lösen-42");

        signIn("admin");
        List<AuditEntry> security = audit.search(new AuditQuery(null, null, null, null, 500, true, null, null, null));
        Set<String> actions = new HashSet<>();
        security.forEach(e -> actions.add(e.action()));
        assertThat(actions).containsExactlyInAnyOrder("security.loginFailed", "security.loginLocked",
                "security.loginUnlocked", "security.accessDenied", "security.importRejected", "security.tokenCreated",
                "security.tokenRevoked", AuditActions.USER_PASSWORD_RESET, AuditActions.USER_PASSWORD_CHANGED);
        assertThat(security).allMatch(e -> AuditActions.isSecurityEvent(e.action()));

        AuditEntry failed = security.stream().filter(e -> e.action().equals("security.loginFailed")).findFirst().orElseThrow();
        assertThat(failed.username()).isEqualTo("kultur");
        assertThat(failed.details()).contains("Adress 127.0.0.1");
        AuditEntry importRejected = security.stream().filter(e -> e.action().equals("security.importRejected"))
                .findFirst().orElseThrow();
        assertThat(importRejected.subject()).isEqualTo("trasig.csv");
        assertThat(importRejected.details()).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(bad)), "Antal fel:", "Första felet:");
        assertThat(importRejected.committeeCode()).isEqualTo("KS");
        List<AuditEntry> denials = security.stream().filter(e -> e.action().equals("security.accessDenied")).toList();
        assertThat(denials).extracting(AuditEntry::username).contains("politiker", "tjansteperson");
        assertThat(denials).anySatisfy(e -> assertThat(e.details()).contains("period 2024-dr2"));
        assertThat(denials).anySatisfy(e -> assertThat(e.details()).contains("bara läsa"));
        // the access bean's reason reaches the log (not only "Access Denied")
        assertThat(denials).anySatisfy(e -> assertThat(e.details()).contains("not a member of committee"));

        // over the API for admins, newest first, with filters; the secretariat may not
        RawHttp.Response all = send("GET", "/api/v1/audit?kind=security&limit=500", RawHttp.basic("admin", "demo"), null, null);
        assertThat(all.status()).isEqualTo(200);
        JsonNode entries = json.readTree(all.body());
        assertThat(entries.size()).isEqualTo(security.size());
        assertThat(OffsetDateTime.parse(entries.get(0).get("occurredAt").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(entries.get(entries.size() - 1).get("occurredAt").asText()));
        JsonNode one = json.readTree(send("GET", "/api/v1/audit?kind=security.loginFailed&user=kultur&limit=2",
                RawHttp.basic("admin", "demo"), null, null).body());
        assertThat(one.size()).isEqualTo(2);
        assertThat(one.get(0).get("action").asText()).isEqualTo("security.loginFailed");
        JsonNode none = json.readTree(send("GET", "/api/v1/audit?kind=security&from="
                + OffsetDateTime.now().plusDays(1).toString().replace("+", "%2B"), RawHttp.basic("admin", "demo"), null, null).body());
        assertThat(none.size()).isZero();
        assertThat(send("GET", "/api/v1/audit", RawHttp.basic("sekretariat", "demo"), null, null).status()).isEqualTo(403);

        // the secretariat reads its committees' entries in /logg, never security events
        signIn("sekretariat");
        assertThat(audit.search(AuditQuery.all())).noneMatch(e -> AuditActions.isSecurityEvent(e.action()));
        assertThat(audit.maySeeSecurityEvents()).isFalse();
    }
}
