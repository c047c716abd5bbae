package se.uppfoljning.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemKind;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** GET and POST …/follow-up.xlsx over real HTTP: export, dry run, apply, 422 with row details, 423, 403. */
class FollowUpWorkbookApiTest extends AbstractIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private String url(String period) {
        return "http://localhost:" + port + "/api/v1/committees/ks/periods/" + period + "/follow-up.xlsx";
    }

    private HttpRequest.Builder request(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] export(String period, String user) throws Exception {
        HttpResponse<byte[]> response = http.send(request(url(period), user).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String url, String user, byte[] body) throws Exception {
        return http.send(request(url, user)
                        .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .header("X-File-Name", "api.xlsx")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private FollowUpRow assignment() {
        signIn("sekretariat");
        try {
            return followUp.overview(periods.context("ks", "2024-dr2")).rows().stream()
                    .filter(r -> r.kind() == ItemKind.ASSIGNMENT).findFirst().orElseThrow();
        } finally {
            signOut();
        }
    }

    @Test
    void exportIsAnXlsxNamedLikeTheMunicipalitysDocuments() throws Exception {
        HttpResponse<byte[]> response = http.send(request(url("2024-dr2"), "politiker").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String disposition = URLDecoder.decode(response.headers().firstValue("Content-Disposition").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(disposition).contains("Uppföljning Kommunstyrelsen Delårsrapport med prognos 2 2024.xlsx");
        assertThat(new String(response.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        // the JSON follow-up at the neighbouring path is unaffected
        HttpResponse<String> jsonRows = http.send(request(url("2024-dr2").replace(".xlsx", ""), "politiker").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jsonRows.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void dryRunListsTheChangesAndAppliesNothingThenThePostApplies() throws Exception {
        FollowUpRow assignment = assignment();
        byte[] edited = WorkbookFiles.edit(export("2024-dr2", "sekretariat"),
                sheet -> WorkbookFiles.set(sheet, assignment.id(), "Status", "Genomfört"));

        HttpResponse<String> dryRun = post(url("2024-dr2") + "?dryRun=true", "sekretariat", edited);
        assertThat(dryRun.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(dryRun.body());
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.get("applied").asBoolean()).isFalse();
        assertThat(body.get("rows").asInt()).isEqualTo(52);
        assertThat(body.get("changed").asInt()).isEqualTo(1);
        JsonNode change = body.get("changes").get(0);
        assertThat(change.get("id").asLong()).isEqualTo(assignment.id());
        assertThat(change.get("oldStatus").asText()).isEqualTo(assignment.status());
        assertThat(change.get("newStatus").asText()).isEqualTo("Genomfört");
        assertThat(change.get("statusChanged").asBoolean()).isTrue();
        assertThat(change.get("commentChanged").asBoolean()).isFalse();
        assertThat(assignment().version()).isEqualTo(assignment.version());

        HttpResponse<String> applied = post(url("2024-dr2"), "sekretariat", edited);
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(json.readTree(applied.body()).get("applied").asBoolean()).isTrue();
        assertThat(assignment().status()).isEqualTo("Genomfört");
        assertThat(assignment().version()).isEqualTo(assignment.version() + 1);
    }

    @Test
    void badRowsAre422WithRowDetailsLockedIs423AndReadersAre403() throws Exception {
        FollowUpRow assignment = assignment();
        int[] row = new int[1];
        byte[] edited = WorkbookFiles.edit(export("2024-dr2", "sekretariat"),
                sheet -> row[0] = WorkbookFiles.set(sheet, assignment.id(), "Status", "Klart"));
        HttpResponse<String> bad = post(url("2024-dr2") + "?dryRun=true", "sekretariat", edited);
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(bad.body());
        assertThat(error.get("error").asText()).isEqualTo("validation_failed");
        assertThat(error.get("message").asText()).isEqualTo("Filen har fel på 1 rader. Ingenting har ändrats.");
        JsonNode detail = error.get("details").get(0);
        assertThat(detail.get("line").asInt()).isEqualTo(row[0]);
        assertThat(detail.get("column").asText()).isEqualTo("Status");
        assertThat(detail.get("message").asText()).startsWith("Okänd status \"Klart\".");

        HttpResponse<String> notXlsx = post(url("2024-dr2"), "sekretariat", "Id;Status\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notXlsx.statusCode()).isEqualTo(422);
        assertThat(json.readTree(notXlsx.body()).get("message").asText()).startsWith("Filen är inte en Excel-arbetsbok");

        HttpResponse<String> locked = post(url("2024-dr1"), "sekretariat", export("2024-dr1", "sekretariat"));
        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(json.readTree(locked.body()).get("error").asText()).isEqualTo("locked");

        assertThat(post(url("2024-dr2"), "politiker", edited).statusCode()).isEqualTo(403);
        assertThat(assignment().status()).isEqualTo(assignment.status());
    }
}
