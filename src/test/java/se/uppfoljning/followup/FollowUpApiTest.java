package se.uppfoljning.followup;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-up API over real HTTP with Basic authentication. */
class FollowUpApiTest extends AbstractIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private String base() {
        return "http://localhost:" + port + "/api/v1/committees/ks/periods/2024-dr2";
    }

    private HttpResponse<String> send(String method, String url, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
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

    private List<JsonNode> rows(JsonNode followUp) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode area : followUp.get("areas")) {
            area.get("goals").forEach(g -> g.get("rows").forEach(rows::add));
            area.get("assignments").forEach(a -> a.get("rows").forEach(rows::add));
        }
        return rows;
    }

    private JsonNode rowStartingWith(String user, String text) throws Exception {
        JsonNode body = json.readTree(send("GET", base() + "/follow-up", user, null).body());
        return rows(body).stream().filter(r -> r.get("text").asText().startsWith(text)).findFirst().orElseThrow();
    }

    @Test
    void withoutCredentialsIs401WithAJsonBody() throws Exception {
        HttpResponse<String> response = send("GET", base() + "/follow-up", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("unauthorized");
        assertThat(body.has("message")).isTrue();
        assertThat(body.get("details").isArray()).isTrue();
    }

    @Test
    void followUpListsEveryRowInReportOrderWithItsFields() throws Exception {
        HttpResponse<String> response = send("GET", base() + "/follow-up", "politiker", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> rows = rows(json.readTree(response.body()));
        assertThat(rows).hasSize(52);
        JsonNode first = rows.get(0);
        assertThat(first.get("text").asText()).isEqualTo("1.1 Kommunstyrelsen ska ha en ekonomi i balans");
        assertThat(first.get("kind").asText()).isEqualTo("COMMITTEE_GOAL");
        assertThat(first.get("number").asText()).isEqualTo("1.1");
        assertThat(first.get("status").asText()).isEqualTo("Uppfylls ej");
        assertThat(first.get("owner").asText()).isEqualTo("Ekonomiavdelningen");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.has("updatedAt")).isTrue();
        assertThat(first.has("updatedBy")).isTrue();
        assertThat(rows).filteredOn(r -> r.get("text").asText().startsWith("12.1 ")).singleElement()
                .satisfies(r -> assertThat(r.get("status").isNull()).isTrue());
    }

    @Test
    void putUpdatesAndThenAStaleVersionIs409() throws Exception {
        JsonNode row = rowStartingWith("tjansteperson", "Metodutveckla narkotikateamet");
        String url = base() + "/items/" + row.get("id").asLong() + "/follow-up";
        HttpResponse<String> ok = send("PUT", url, "tjansteperson",
                "{\"status\":\"Påbörjat\",\"comment\":\"Via API\",\"version\":" + row.get("version").asInt() + "}");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode saved = json.readTree(ok.body());
        assertThat(saved.get("status").asText()).isEqualTo("Påbörjat");
        assertThat(saved.get("comment").asText()).isEqualTo("Via API");
        assertThat(saved.get("version").asInt()).isEqualTo(row.get("version").asInt() + 1);

        HttpResponse<String> stale = send("PUT", url, "sekretariat",
                "{\"status\":\"Genomfört\",\"comment\":\"Gammal\",\"version\":" + row.get("version").asInt() + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).get("message").asText()).contains("Tove Tjänsteperson");
        assertThat(rowStartingWith("politiker", "Metodutveckla narkotikateamet").get("comment").asText()).isEqualTo("Via API");
    }

    @Test
    void unknownStatusIs422AndNothingChanges() throws Exception {
        JsonNode row = rowStartingWith("sekretariat", "Metodutveckla narkotikateamet");
        String url = base() + "/items/" + row.get("id").asLong() + "/follow-up";
        HttpResponse<String> response = send("PUT", url, "sekretariat",
                "{\"status\":\"Nästan klart\",\"comment\":\"x\",\"version\":" + row.get("version").asInt() + "}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("message").asText()).contains("Nästan klart");
        assertThat(rowStartingWith("politiker", "Metodutveckla narkotikateamet")).isEqualTo(row);
    }

    @Test
    void withoutTheRightIs403AndNothingChanges() throws Exception {
        JsonNode hme = rowStartingWith("tjansteperson", "2.1 ");
        String url = base() + "/items/" + hme.get("id").asLong() + "/follow-up";
        for (String user : List.of("tjansteperson", "politiker", "controller")) {
            HttpResponse<String> response = send("PUT", url, user,
                    "{\"status\":\"Uppfylls\",\"comment\":\"x\",\"version\":" + hme.get("version").asInt() + "}");
            assertThat(response.statusCode()).as(user).isEqualTo(403);
            assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("forbidden");
        }
        assertThat(rowStartingWith("politiker", "2.1 ")).isEqualTo(hme);
    }

    @Test
    void malformedBodyOrMissingVersionIs400AndUnknownCommitteeIs404() throws Exception {
        JsonNode row = rowStartingWith("sekretariat", "14.1 ");
        String url = base() + "/items/" + row.get("id").asLong() + "/follow-up";
        assertThat(send("PUT", url, "sekretariat", "{not json").statusCode()).isEqualTo(400);
        assertThat(send("PUT", url, "sekretariat", "{\"status\":\"Uppfylls\",\"comment\":\"x\"}").statusCode())
                .isIn(400, 422);
        HttpResponse<String> unknown = send("GET",
                "http://localhost:" + port + "/api/v1/committees/nope/periods/2024-dr1/follow-up", "politiker", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("error").asText()).isEqualTo("not_found");
    }
}
