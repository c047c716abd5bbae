package se.uppfoljning.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import se.uppfoljning.AbstractIntegrationTest;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages as a resident meets them, without logging in: KS's decided 2024-dr1 word for word with its
 * balanced-budget goal and stored documents; nothing of an open period or of a committee not turned on; open data
 * equal to the follow-up API; no session, no user names.
 */
class PublicPagesTest extends AbstractIntegrationTest {

    private static final String PAGE = "/offentlig/orebro/ks/2024-dr1";
    private static final List<String> PERIOD_ADDRESSES = List.of("", "/uppfoljning.csv", "/uppfoljning.json",
            "/ekonomi.csv", "/ekonomi.json", "/bilaga-1.pdf", "/bilaga-2.pdf", "/bilaga-1.docx", "/bilaga-2.docx");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> api(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The follow-up API's rows of KS 2024-dr1 (as a politician reads them), in report order. */
    private List<JsonNode> apiRows() throws Exception {
        JsonNode followUp = json.readTree(api("GET", "/api/v1/committees/ks/periods/2024-dr1/follow-up", "politiker",
                null).body());
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode area : followUp.get("areas")) {
            area.get("goals").forEach(goal -> goal.get("rows").forEach(rows::add));
            area.get("assignments").forEach(section -> section.get("rows").forEach(rows::add));
        }
        return rows;
    }

    @Test
    void theDecidedReportIsReadableWordForWordWithItsBalancedBudgetGoalAndDocuments() throws Exception {
        HttpResponse<byte[]> response = get(PAGE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String html = text(response);
        String page = HtmlUtils.htmlUnescape(html);

        List<JsonNode> rows = apiRows();
        assertThat(rows).hasSize(52);
        assertThat(html.split("id=\"rad-", -1)).hasSize(53);
        for (JsonNode row : rows) {
            assertThat(page).contains(row.get("text").asText());
            assertThat(page).contains(row.get("comment").asText());
            if (!row.get("status").isNull()) {
                assertThat(page).contains(row.get("status").asText());
            }
        }
        assertThat(page).contains("Beslutad av Kommunstyrelsen den 3 juni 2024");

        // the balanced-budget goal with the calculation it came from, as the finance API gives it
        JsonNode summary = json.readTree(api("GET", "/api/v1/committees/ks/periods/2024-dr1/finance/summary",
                "politiker", null).body());
        JsonNode balanced = summary.get("balancedBudget");
        assertThat(page).contains("Ekonomi i balans", balanced.get("status").asText(), balanced.get("comment").asText(),
                "Helårsprognos, netto", "Helårsbudget, netto", "Avvikelse i procent av budget");
        assertThat(page).contains(se.uppfoljning.finance.FinanceFormat.tkr(balanced.get("forecast").asLong()));

        // the stored PDF is the one whose SHA-256 the page shows
        HttpResponse<byte[]> pdf = get(PAGE + "/bilaga-2.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body()));
        assertThat(html).contains(sha);
        assertThat(pdf.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"" + sha + "\"");
        HttpResponse<byte[]> docx = get(PAGE + "/bilaga-1.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(html).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(docx.body())));
    }

    @Test
    void nothingOfAnOpenPeriodOrOfACommitteeNotTurnedOnIsPublic() throws Exception {
        for (String period : List.of("/offentlig/orebro/ks/2024-dr2", "/offentlig/orebro/kfn/2024-dr1",
                "/offentlig/orebro/kfn/2024-dr2", "/offentlig/orebro/ks/2023-dr1", "/offentlig/okand/ks/2024-dr1",
                "/offentlig/orebro/okand/2024-dr1")) {
            for (String address : PERIOD_ADDRESSES) {
                HttpResponse<byte[]> response = get(period + address);
                assertThat(response.statusCode()).as(period + address).isEqualTo(404);
                assertThat(text(response)).as(period + address).contains("Sidan finns inte eller är inte offentlig.");
                assertThat(response.headers().firstValue("Set-Cookie")).as(period + address).isEmpty();
            }
        }
        assertThat(get("/offentlig/okand").statusCode()).isEqualTo(404);
        assertThat(get("/offentlig/okand/index.json").statusCode()).isEqualTo(404);

        JsonNode index = json.readTree(get("/offentlig/orebro/index.json").body());
        assertThat(index.get("license").asText()).isEqualTo("CC0-1.0");
        assertThat(index.get("datasets")).hasSize(1);
        assertThat(index.get("datasets").get(0).get("page").asText()).isEqualTo(PAGE);
        String start = HtmlUtils.htmlUnescape(text(get("/offentlig/orebro")));
        assertThat(start).contains("Kommunstyrelsen", "Delårsrapport med prognos 1 2024")
                .doesNotContain("Kultur- och fritidsnämnden", "prognos 2 2024");
    }

    @Test
    void openDataHoldsTheSameRowsAsTheFollowUpApi() throws Exception {
        List<JsonNode> rows = apiRows();

        JsonNode open = json.readTree(get(PAGE + "/uppfoljning.json").body());
        assertThat(open.get("license").asText()).isEqualTo("CC0-1.0");
        assertThat(open.get("rows")).hasSize(rows.size());
        HttpResponse<byte[]> csvResponse = get(PAGE + "/uppfoljning.csv");
        assertThat(csvResponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csvResponse.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains(".csv");
        String csvText = text(csvResponse);
        assertThat(csvText).startsWith("\uFEFF"); // Excel reads the UTF-8 only with the BOM
        List<CSVRecord> csv = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader()
                .setSkipHeaderRecord(true).get().parse(new StringReader(csvText.substring(1))).getRecords();
        assertThat(csv).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode openRow = open.get("rows").get(i);
            assertThat(openRow.get("id").asLong()).isEqualTo(row.get("id").asLong());
            assertThat(openRow.get("text").asText()).isEqualTo(row.get("text").asText());
            assertThat(openRow.get("status").asText()).isEqualTo(row.get("status").asText());
            assertThat(openRow.get("comment").asText()).isEqualTo(row.get("comment").asText());
            assertThat(openRow.get("owner").asText()).isEqualTo(row.get("owner").asText());
            assertThat(openRow.has("updatedBy")).isFalse();
            assertThat(csv.get(i).get("id")).isEqualTo(row.get("id").asText());
            assertThat(csv.get(i).get("text")).isEqualTo(row.get("text").asText());
            assertThat(csv.get(i).get("prognos")).isEqualTo(row.get("status").isNull() ? "" : row.get("status").asText());
            assertThat(csv.get(i).get("kommentar")).isEqualTo(row.get("comment").asText());
        }

        JsonNode finance = json.readTree(get(PAGE + "/ekonomi.json").body());
        assertThat(finance.get("unit").asText()).isEqualTo("kr");
        assertThat(finance.get("lines").size()).isGreaterThan(50);
        List<CSVRecord> financeCsv = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader()
                .setSkipHeaderRecord(true).get().parse(new StringReader(text(get(PAGE + "/ekonomi.csv")).substring(1)))
                .getRecords();
        assertThat(financeCsv).hasSize(finance.get("lines").size());
        // the summary's net line carries the same forecast the balanced-budget goal is derived from
        long netForecast = finance.get("balancedBudget").get("forecast").asLong();
        assertThat(financeCsv.stream().anyMatch(r -> r.get("prognos").equals(String.valueOf(netForecast)))).isTrue();
    }

    @Test
    void noAnonymousRequestCreatesASessionAndNoUserNameIsShown() throws Exception {
        List<String> addresses = new ArrayList<>(List.of("/offentlig/orebro", "/offentlig/orebro/index.json",
                "/offentlig/tillganglighet", "/offentlig/stil.css", "/offentlig/finns-inte", "/offentlig/orebro/ks",
                "/offentlig/orebro/ks/2024-dr1/okand.txt", "/offentlig"));
        PERIOD_ADDRESSES.forEach(a -> addresses.add(PAGE + a));
        for (String address : addresses) {
            HttpResponse<byte[]> response = get(address);
            assertThat(response.statusCode()).as(address).isIn(200, 302, 404);
            assertThat(text(response)).as(address).doesNotContain("vaadin");
            assertThat(response.headers().allValues("Set-Cookie")).as(address).isEmpty();
        }
        String all = HtmlUtils.htmlUnescape(text(get(PAGE))) + text(get(PAGE + "/uppfoljning.json"))
                + text(get(PAGE + "/ekonomi.json")) + text(get(PAGE + "/uppfoljning.csv"));
        signIn("admin");
        var users = userService.users();
        signOut();
        for (var user : users) {
            assertThat(all).as(user.username()).doesNotContain(user.displayName());
        }
        assertThat(all).doesNotContain("updatedBy", "readyBy", "decidedBy", "loadedBy");
    }

    @Test
    void pagesAreCacheableWithTheDecidedContentsHashAndCarryAStrictPolicy() throws Exception {
        HttpResponse<byte[]> first = get(PAGE);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get(PAGE, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
        String csp = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe");
        assertThat(first.headers().firstValue("Referrer-Policy").orElseThrow()).isEqualTo("same-origin");
        assertThat(text(first)).doesNotContain("<script");
        HttpResponse<byte[]> root = get("/offentlig");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/offentlig/orebro");
        assertThat(text(get("/offentlig/tillganglighet"))).contains("Tillgänglighetsredogörelse",
                "Myndigheten för digital förvaltning");
    }

    @Test
    void anAdministratorTurnsACommitteesPublicPagesOnAndOff() throws Exception {
        String kfn = "/offentlig/orebro/kfn/2024-dr1";
        assertThat(get(kfn).statusCode()).isEqualTo(404);
        assertThat(api("PUT", "/api/v1/committees/kfn/public", "politiker", "{\"enabled\":true}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> missing = api("PUT", "/api/v1/committees/kfn/public", "admin", "{}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("enabled");

        HttpResponse<String> on = api("PUT", "/api/v1/committees/kfn/public", "admin", "{\"enabled\":true}");
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(json.readTree(on.body()).get("enabled").asBoolean()).isTrue();
        assertThat(json.readTree(on.body()).get("path").asText()).isEqualTo("/offentlig/orebro");
        assertThat(get(kfn).statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/offentlig/orebro/index.json").body()).get("datasets")).hasSize(2);

        assertThat(api("PUT", "/api/v1/committees/ks/public", "admin", "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(get(PAGE).statusCode()).isEqualTo(404);
        assertThat(json.readTree(api("GET", "/api/v1/committees/ks/public", "admin", null).body())
                .get("enabled").asBoolean()).isFalse();
    }
}
