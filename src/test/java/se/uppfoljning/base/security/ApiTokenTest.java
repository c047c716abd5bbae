package se.uppfoljning.base.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.RawHttp;
import se.uppfoljning.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens: created once, stored as a hash, read-only or read-write, revoked or expired → 401. */
class ApiTokenTest extends AbstractIntegrationTest {

    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private static final String FOLLOW_UP = "/api/v1/committees/ks/periods/2024-dr2/follow-up";

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private RawHttp.Response send(String method, String target, String authorization, String body) throws Exception {
        return body == null ? RawHttp.send(port, method, target, null, "Authorization: " + authorization)
                : RawHttp.send(port, method, target, body.getBytes(StandardCharsets.UTF_8),
                "Authorization: " + authorization, "Content-Type: application/json");
    }

    private JsonNode create(String user, String scope, OffsetDateTime expiresAt) throws Exception {
        RawHttp.Response created = send("POST", "/api/v1/me/tokens", RawHttp.basic(user, "demo"),
                "{\"name\":\"Integration " + scope + "\",\"scope\":\"" + scope + "\",\"expiresAt\":\"" + expiresAt + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private static String bearer(JsonNode created) {
        return "Bearer " + created.get("token").asText();
    }

    private JsonNode ownRow(String authorization) throws Exception {
        RawHttp.Response response = send("GET", FOLLOW_UP, authorization, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        return StreamSupport.stream(body.get("areas").spliterator(), false)
                .flatMap(a -> java.util.stream.Stream.concat(StreamSupport.stream(a.get("goals").spliterator(), false),
                        StreamSupport.stream(a.get("assignments").spliterator(), false)))
                .flatMap(g -> StreamSupport.stream(g.get("rows").spliterator(), false))
                .filter(r -> r.get("text").asText().startsWith("Kommunen ska stärka sin grundläggande förmåga"))
                .findFirst().orElseThrow();
    }

    @Test
    void aTokenIsShownOnceStoredAsItsHashAndAuthenticatesWithoutAPassword() throws Exception {
        JsonNode created = create("tjansteperson", "write", OffsetDateTime.now().plusDays(30));
        String token = created.get("token").asText();
        assertThat(token).startsWith("upf_").hasSizeGreaterThan(40);
        String stored = jdbc.queryForObject("select token_hash from api_token where id = ?", String.class,
                created.get("id").asLong());
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8))));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class, token))
                .isZero();

        RawHttp.Response list = send("GET", "/api/v1/me/tokens", bearer(created), null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Integration write").doesNotContain(token).doesNotContain(stored);

        JsonNode row = ownRow(bearer(created));
        String url = "/api/v1/committees/ks/periods/2024-dr2/items/" + row.get("id").asLong() + "/follow-up";
        RawHttp.Response saved = send("PUT", url, bearer(created),
                "{\"status\":null,\"comment\":\"Via nyckel\",\"version\":" + row.get("version").asLong() + "}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // the owner's rights still hold: a row of another department is refused
        RawHttp.Response other = send("PUT", "/api/v1/committees/kfn/periods/2024-dr2/items/" + row.get("id").asLong()
                + "/follow-up", bearer(created), "{\"status\":null,\"comment\":\"x\",\"version\":1}");
        assertThat(other.status()).isIn(403, 404);
    }

    @Test
    void aReadOnlyTokenReadsButCannotPut() throws Exception {
        JsonNode created = create("tjansteperson", "read", OffsetDateTime.now().plusDays(30));
        JsonNode row = ownRow(bearer(created));
        String url = "/api/v1/committees/ks/periods/2024-dr2/items/" + row.get("id").asLong() + "/follow-up";
        RawHttp.Response refused = send("PUT", url, bearer(created),
                "{\"status\":null,\"comment\":\"Via läsnyckel\",\"version\":" + row.get("version").asLong() + "}");
        assertThat(refused.status()).isEqualTo(403);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("error").asText()).isEqualTo("readOnlyToken");
        assertThat(body.get("message").asText()).startsWith("API-nyckeln får bara läsa");
        assertThat(ownRow(bearer(created)).get("version").asLong()).isEqualTo(row.get("version").asLong());
        assertThat(send("DELETE", "/api/v1/me/tokens/" + created.get("id").asLong(), bearer(created), null).status())
                .isEqualTo(403);
    }

    @Test
    void aRevokedTokenIs401() throws Exception {
        JsonNode created = create("politiker", "read", OffsetDateTime.now().plusDays(30));
        assertThat(send("GET", FOLLOW_UP, bearer(created), null).status()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/me/tokens/" + created.get("id").asLong(), RawHttp.basic("politiker", "demo"),
                null).status()).isEqualTo(204);
        RawHttp.Response refused = send("GET", FOLLOW_UP, bearer(created), null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json.readTree(refused.body()).get("error").asText()).isEqualTo("invalid_token");
        assertThat(json.readTree(refused.body()).get("message").asText()).contains("återkallad");
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        JsonNode created = create("politiker", "read", OffsetDateTime.now().plusHours(2));
        assertThat(send("GET", FOLLOW_UP, bearer(created), null).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(3));
        assertThat(send("GET", FOLLOW_UP, bearer(created), null).status()).isEqualTo(401);
    }

    @Test
    void aMadeUpTokenIs401AndAnotherUsersTokenCannotBeRevoked() throws Exception {
        assertThat(send("GET", FOLLOW_UP, "Bearer upf_" + "A".repeat(43), null).status()).isEqualTo(401);
        assertThat(send("GET", FOLLOW_UP, "Bearer nonsense", null).status()).isEqualTo(401);
        JsonNode created = create("politiker", "read", OffsetDateTime.now().plusDays(1));
        RawHttp.Response foreign = send("DELETE", "/api/v1/me/tokens/" + created.get("id").asLong(),
                RawHttp.basic("sekretariat", "demo"), null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(send("GET", FOLLOW_UP, bearer(created), null).status()).isEqualTo(200);
    }

    @Test
    void badRequestsForTokensAreRefusedInSwedish() throws Exception {
        String basic = RawHttp.basic("politiker", "demo");
        RawHttp.Response scope = send("POST", "/api/v1/me/tokens", basic,
                "{\"name\":\"x\",\"scope\":\"admin\",\"expiresAt\":\"" + OffsetDateTime.now().plusDays(1) + "\"}");
        assertThat(scope.status()).isEqualTo(422);
        assertThat(json.readTree(scope.body()).get("message").asText()).isEqualTo(
                "Behörigheten \"admin\" finns inte: ange \"read\" eller \"write\".");
        RawHttp.Response past = send("POST", "/api/v1/me/tokens", basic,
                "{\"name\":\"x\",\"scope\":\"read\",\"expiresAt\":\"" + OffsetDateTime.now().minusDays(1) + "\"}");
        assertThat(past.status()).isEqualTo(422);
        RawHttp.Response tooLong = send("POST", "/api/v1/me/tokens", basic,
                "{\"name\":\"x\",\"scope\":\"read\",\"expiresAt\":\"" + OffsetDateTime.now().plusDays(400) + "\"}");
        assertThat(json.readTree(tooLong.body()).get("message").asText()).isEqualTo(
                "En nyckel kan gälla i högst 366 dagar.");
        RawHttp.Response unknown = send("POST", "/api/v1/me/tokens", basic,
                "{\"name\":\"x\",\"scope\":\"read\",\"admin\":true,\"expiresAt\":\"" + OffsetDateTime.now().plusDays(1) + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("message").asText()).contains("\"admin\"");
    }
}
