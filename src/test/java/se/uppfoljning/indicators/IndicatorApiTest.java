package se.uppfoljning.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.indicators.kolada.KoladaClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The indicators API over real HTTP with Basic authentication: contract, rights, 409, Kolada refresh and 502. */
class IndicatorApiTest extends AbstractIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    KoladaClient koladaClient;

    private RecordedKolada kolada;
    private long item141;

    @BeforeEach
    void setUp() {
        testData.reset();
        kolada = RecordedKolada.servingFor(koladaClient);
        item141 = testData.ksItemId("14.1");
    }

    @AfterEach
    void tearDown() {
        kolada.close();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/committees/ks" + path));
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void targetValuesHistoryAndStaleVersions() throws Exception {
        HttpResponse<String> indicator = send("GET", "/items/" + item141 + "/indicator", "politiker", null);
        assertThat(indicator.statusCode()).isEqualTo(200);
        JsonNode target = json.readTree(indicator.body());
        assertThat(target.get("kind").asText()).isEqualTo("minst");
        assertThat(target.get("value").decimalValue()).isEqualByComparingTo("75");
        assertThat(target.get("printed").asText()).isEqualTo("minst 75 NKI");

        HttpResponse<String> saved = send("PUT", "/items/" + item141 + "/values/2024", "sekretariat",
                "{\"value\": 76, \"preliminary\": true, \"version\": 0}");
        assertThat(saved.statusCode()).isEqualTo(200);
        JsonNode values = json.readTree(saved.body());
        assertThat(values.get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("76");
        assertThat(values.get("values").get(0).get("source").asText()).isEqualTo("MANUAL");
        assertThat(values.get("proposal").get("status").asText()).isEqualTo("Uppfylls");
        assertThat(values.get("proposal").get("calculation").asText()).contains("≥ målvärdet minst 75");

        HttpResponse<String> stale = send("PUT", "/items/" + item141 + "/values/2024", "sekretariat",
                "{\"value\": 77, \"preliminary\": false, \"version\": 0}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).get("message").asText()).contains("har ändrats av någon annan");

        HttpResponse<String> bad = send("PUT", "/items/" + item141 + "/values/2024", "sekretariat",
                "{\"preliminary\": false, \"version\": 1}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json.readTree(bad.body()).get("message").asText()).isEqualTo("Ange ett värde.");

        assertThat(send("PUT", "/items/" + item141 + "/values/2024", "politiker",
                "{\"value\": 1, \"version\": 1}").statusCode()).isEqualTo(403);

        JsonNode read = json.readTree(send("GET", "/items/" + item141 + "/values", "politiker", null).body());
        assertThat(read.get("history").get(0).get("newValue").decimalValue()).isEqualByComparingTo("76");
        assertThat(read.get("history").get(0).get("changedBy").asText()).isEqualTo("sekretariat");

        HttpResponse<String> badTarget = send("PUT", "/items/" + item141 + "/indicator", "sekretariat",
                "{\"kind\": \"ungefär\", \"version\": 1}");
        assertThat(badTarget.statusCode()).isEqualTo(422);
        assertThat(json.readTree(badTarget.body()).get("message").asText()).startsWith("Okänd typ av målvärde");

        HttpResponse<String> linked = send("PUT", "/items/" + item141 + "/indicator", "sekretariat",
                "{\"kind\": \"minst\", \"value\": 75, \"unit\": \"NKI\", \"koladaKpi\": \"U07451\", "
                        + "\"koladaMunicipality\": \"1880\", \"version\": 1}");
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(json.readTree(linked.body()).get("version").asInt()).isEqualTo(2);
        assertThat(send("PUT", "/items/" + item141 + "/indicator", "sekretariat",
                "{\"kind\": \"minst\", \"value\": 75, \"version\": 1}").statusCode()).isEqualTo(409);
        assertThat(send("PUT", "/items/" + item141 + "/indicator", "tjansteperson",
                "{\"kind\": \"minst\", \"value\": 75, \"version\": 2}").statusCode()).isEqualTo(403);
    }

    @Test
    void koladaRefreshForTheSecretariatReturnsWhatChangedAndA502WhenKoladaFails() throws Exception {
        send("PUT", "/items/" + item141 + "/indicator", "sekretariat", "{\"kind\": \"minst\", \"value\": 75, "
                + "\"koladaKpi\": \"U07451\", \"koladaMunicipality\": \"1880\", \"version\": 1}");
        kolada.route("/data/kpi/U07451/municipality/1880/year/", "municipality-revised.json");

        assertThat(send("POST", "/indicators/kolada-refresh", "tjansteperson", null).statusCode()).isEqualTo(403);
        HttpResponse<String> refreshed = send("POST", "/indicators/kolada-refresh", "sekretariat", null);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(refreshed.body());
        assertThat(body.get("added").asInt()).isEqualTo(3);
        assertThat(body.get("credit").asText()).isEqualTo("Källa: Kolada");
        assertThat(body.get("changes").get(0).get("number").asText()).isEqualTo("14.1");
        JsonNode values = json.readTree(send("GET", "/items/" + item141 + "/values", "politiker", null).body());
        assertThat(values.get("values").get(0).get("credit").asText()).isEqualTo("Källa: Kolada");
        assertThat(values.get("values").get(0).get("fetchedAt").isNull()).isFalse();

        kolada.clearRoutes();
        kolada.answer("/data/", q -> new RecordedKolada.Answer(500, "{}", 0));
        HttpResponse<String> failed = send("POST", "/indicators/kolada-refresh", "sekretariat", null);
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(json.readTree(failed.body()).get("error").asText()).isEqualTo("kolada_unavailable");
        assertThat(json.readTree(failed.body()).get("message").asText())
                .isEqualTo("Kolada svarade med ett fel (HTTP 500). Ingenting har ändrats.");
    }

    private HttpResponse<String> upload(String query, String user, String csv) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/committees/ks/indicators/values-import" + query))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").header("X-File-Name", "nki.csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void valuesFromASpreadsheetWithADryRunAndLinePreciseRefusals() throws Exception {
        HttpResponse<String> bad = upload("?year=2024", "sekretariat", "nummer;ar;varde\n14.1;2023;x\n");
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode detail = json.readTree(bad.body()).get("details").get(0);
        assertThat(detail.get("line").asInt()).isEqualTo(2);
        assertThat(detail.get("column").asText()).isEqualTo("varde");

        String file = "nummer;ar;varde;preliminar\n14.1;2024;76;ja\n";
        JsonNode dryRun = json.readTree(upload("?year=2024&dryRun=true", "sekretariat", file).body());
        assertThat(dryRun.get("added").asInt()).isEqualTo(1);
        assertThat(dryRun.get("applied").asBoolean()).isFalse();
        assertThat(json.readTree(send("GET", "/items/" + item141 + "/values", "politiker", null).body())
                .get("values")).isEmpty();

        assertThat(upload("?year=2024", "politiker", file).statusCode()).isEqualTo(403);
        HttpResponse<String> applied = upload("?year=2024", "sekretariat", file);
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(json.readTree(applied.body()).get("lines").get(0).get("outcome").asText()).isEqualTo("ADDED");
        JsonNode values = json.readTree(send("GET", "/items/" + item141 + "/values", "politiker", null).body());
        assertThat(values.get("values").get(0).get("source").asText()).isEqualTo("IMPORT");
        assertThat(values.get("values").get(0).get("preliminary").asBoolean()).isTrue();
    }
}
