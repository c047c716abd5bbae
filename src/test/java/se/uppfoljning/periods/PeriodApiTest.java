package se.uppfoljning.periods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljning.AbstractIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Periods and the lock over HTTP: list, transitions, decision, 409 for a wrong state, 423 for a locked period. */
class PeriodApiTest extends AbstractIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listsThePeriodsNewestFirstWithTheDemosDecision() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/committees/ks/periods", "politiker", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode periods = json.readTree(response.body());
        assertThat(periods.get(0).get("slug").asText()).isEqualTo("2024-dr2");
        assertThat(periods.get(0).get("state").asText()).isEqualTo("OPEN");
        assertThat(periods.get(0).get("endDate").asText()).isEqualTo("2024-08-31");
        assertThat(periods.get(1).get("slug").asText()).isEqualTo("2024-dr1");
        assertThat(periods.get(1).get("state").asText()).isEqualTo("DECIDED");
        assertThat(periods.get(1).get("decision").get("body").asText()).isEqualTo("Kommunstyrelsen");
        assertThat(periods.get(1).get("decision").get("date").asText()).isEqualTo("2024-06-03");
    }

    @Test
    void editsInTheDecidedPeriodAre423AndAWrongTransitionIs409() throws Exception {
        String base = "/api/v1/committees/ks/periods/2024-dr1";
        JsonNode row = json.readTree(send("GET", base + "/follow-up", "sekretariat", null).body())
                .get("areas").get(0).get("goals").get(0).get("rows").get(0);
        HttpResponse<String> put = send("PUT", base + "/items/" + row.get("id").asLong() + "/follow-up", "sekretariat",
                "{\"status\":\"Uppfylls\",\"comment\":\"x\",\"version\":" + row.get("version").asInt() + "}");
        assertThat(put.statusCode()).isEqualTo(423);
        assertThat(json.readTree(put.body()).get("error").asText()).isEqualTo("locked");

        HttpResponse<String> decideOpen = send("POST", "/api/v1/committees/ks/periods/2024-dr2/decision", "sekretariat",
                "{\"body\":\"Kommunstyrelsen\",\"date\":\"2024-10-01\",\"paragraph\":\"§ 5\"}");
        assertThat(decideOpen.statusCode()).isEqualTo(409);
        assertThat(json.readTree(decideOpen.body()).get("error").asText()).isEqualTo("conflict");

        assertThat(send("POST", "/api/v1/committees/ks/periods/2024-dr2/review", "politiker", null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/committees/ks/periods/2024-dr2/review", "sekretariat", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> decided = send("POST", "/api/v1/committees/ks/periods/2024-dr2/decision", "sekretariat",
                "{\"body\":\"Kommunstyrelsen\",\"date\":\"2024-10-01\",\"paragraph\":\"§ 5\",\"diaryNumber\":\"KS 24/1\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(json.readTree(decided.body()).get("locked").asBoolean()).isTrue();
        assertThat(send("POST", "/api/v1/committees/ks/periods/2024-dr2/reopen", "admin", "{\"reason\":\"\"}").statusCode())
                .isEqualTo(422);
        assertThat(send("POST", "/api/v1/committees/ks/periods/2024-dr2/reopen", "admin", "{\"reason\":\"Rättelse\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void createsAnAnnualReportPeriod() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/committees/ks/periods", "sekretariat",
                "{\"kind\":\"ANNUAL\",\"year\":2024,\"endDate\":\"2024-12-31\",\"deadline\":\"2025-02-14\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("slug").asText()).isEqualTo("2024-ar");
        assertThat(body.get("name").asText()).isEqualTo("Årsredovisning 2024");
        assertThat(body.get("deadline").asText()).isEqualTo("2025-02-14");
    }

    @Test
    void theOpenApiDescriptionListsThePeriodsApi() throws Exception {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/committees/{committee}/periods");
    }
}
