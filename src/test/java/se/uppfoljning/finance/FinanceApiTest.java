package se.uppfoljning.finance;

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

/** The finance API over HTTP: import by body and multipart, errors, permissions, the summary. */
class FinanceApiTest extends AbstractIntegrationTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void reset() {
        testData.reset();
        testData.copyDr1FiguresAndMeasuresToDr2();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/v1/committees/ks/periods/2024-dr2" + path;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(byte[] body, String contentType, String user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url("/finance"))).header("Content-Type", contentType)
                .header("X-File-Name", "api.csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)), user);
    }

    private JsonNode summary(String user) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/finance/summary"))).GET(), user);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode goalInFollowUp() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/follow-up"))).GET(), "politiker");
        for (JsonNode area : json.readTree(response.body()).get("areas")) {
            for (JsonNode goal : area.get("goals")) {
                for (JsonNode row : goal.get("rows")) {
                    if (row.get("derivedFromFinance").asBoolean()) {
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no derived goal");
    }

    @Test
    void summaryIsReadableByEveryRole() throws Exception {
        for (String user : new String[]{"politiker", "tjansteperson", "sekretariat", "controller", "admin"}) {
            JsonNode s = summary(user);
            assertThat(s.get("netForecast").asLong()).isEqualTo(-924_381_000L);
            assertThat(s.get("netBudget").asLong()).isEqualTo(-875_382_000L);
            assertThat(s.get("netDeviation").asLong()).isEqualTo(-48_999_000L);
            assertThat(s.get("deviationPercent").decimalValue()).isEqualByComparingTo("-5.6");
            assertThat(s.get("balancedBudget").get("status").asText()).isEqualTo("Uppfylls ej");
            assertThat(s.get("balancedBudget").get("threshold").decimalValue()).isEqualByComparingTo("1");
            assertThat(s.get("levels")).hasSize(4);
            assertThat(s.get("findings").size()).isPositive();
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/finance/summary"))).GET(), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void controllerImportsByBodyAndMultipartAndTheGoalFollowsEverywhere() throws Exception {
        HttpResponse<String> response = post(FinanceTestFiles.withNetDeviation("-0.5"), "text/csv", "controller");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("rows").asInt()).isEqualTo(162);
        assertThat(body.get("levels").toString()).isEqualTo("[\"KS\",\"ÖKL\",\"ÖKF\",\"ÖKG\",\"ÖKA\"]");
        assertThat(body.get("warnings").isArray()).isTrue();
        assertThat(summary("politiker").get("balancedBudget").get("status").asText()).isEqualTo("Uppfylls");
        assertThat(goalInFollowUp().get("status").asText()).isEqualTo("Uppfylls");

        String boundary = "----finance";
        byte[] file = FinanceTestFiles.demo();
        byte[] multipart = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"original.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                file, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        response = post(multipart, "multipart/form-data; boundary=" + boundary, "controller");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(summary("politiker").get("balancedBudget").get("status").asText()).isEqualTo("Uppfylls ej");
        assertThat(goalInFollowUp().get("status").asText()).isEqualTo("Uppfylls ej");
    }

    @Test
    void xlsxBodyIsAccepted() throws Exception {
        HttpResponse<String> response = post(FinanceTestFiles.demoXlsx(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "controller");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("changed").asInt()).isZero();
    }

    @Test
    void malformedFilesAreRejectedWithLineColumnAndReason() throws Exception {
        HttpResponse<String> response = post(FinanceTestFiles.withField(12, 7, "abc"), "text/csv", "controller");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("validation_failed");
        assertThat(body.get("message").asText()).contains("Ingenting har sparats");
        assertThat(body.get("details").get(0).get("line").asInt()).isEqualTo(12);
        assertThat(body.get("details").get(0).get("column").asText()).isEqualTo("utfall_ack");
        assertThat(body.get("details").get(0).get("message").asText()).contains("abc");
        assertThat(summary("politiker").get("netDeviation").asLong()).isEqualTo(-48_999_000L);

        response = post(new byte[0], "text/csv", "controller");
        assertThat(response.statusCode()).isIn(400, 422);
    }

    @Test
    void otherRolesMayNotImport() throws Exception {
        for (String user : new String[]{"politiker", "tjansteperson", "sekretariat", "admin"}) {
            HttpResponse<String> response = post(FinanceTestFiles.withNetDeviation("-0.5"), "text/csv", user);
            assertThat(response.statusCode()).as(user).isEqualTo(403);
        }
        assertThat(summary("politiker").get("balancedBudget").get("status").asText()).isEqualTo("Uppfylls ej");
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
