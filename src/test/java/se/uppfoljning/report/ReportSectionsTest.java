package se.uppfoljning.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.SecretariatOnKsTest;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.Decision;
import se.uppfoljning.periods.NewPeriod;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodService;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.uppfoljning.db.Tables.REPORT_SECTION;

/**
 * Writing the report: carried over as drafts, saved with a version (stale → 409 with nothing changed, decided → 423,
 * and the database refuses a decided period's sections whoever writes), named editors, history, and the next download
 * holding the edits; deciding stores the whole report, which later edits elsewhere never change.
 */
class ReportSectionsTest extends SecretariatOnKsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;
    @Autowired
    DSLContext db;

    private HttpResponse<byte[]> send(String method, String path, String user, String body) throws Exception {
        return send(method, path, user, body, null);
    }

    private HttpResponse<byte[]> send(String method, String path, String user, String body, String ifNoneMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/committees/ks/periods/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private ReportSection section(CommitteeContext context, String startOfBody) {
        return reports.sections(context).stream().filter(s -> s.body().startsWith(startOfBody)).findFirst().orElseThrow();
    }

    private static String put(String body, int version) throws Exception {
        return new ObjectMapper().writeValueAsString(Map.of("body", body, "version", version));
    }

    @Test
    void aNewPeriodStartsFromThePreviousOutlineAndTextsAsDrafts() {
        List<ReportSection> previous = reports.sections(dr1);
        List<ReportSection> next = reports.sections(dr2);
        assertThat(previous).hasSize(33);
        // the demo brings the decided 2024-dr1 in as final text; the new period's copy is to be read through again
        assertThat(previous).allMatch(s -> s.state() == SectionState.CONFIRMED);
        assertThat(next).extracting(ReportSection::title).containsExactlyElementsOf(previous.stream().map(ReportSection::title).toList());
        assertThat(next).extracting(ReportSection::body).containsExactlyElementsOf(previous.stream().map(ReportSection::body).toList());
        assertThat(next).allMatch(s -> s.state() == SectionState.DRAFT);
        assertThat(next.stream().filter(ReportSection::generated).map(ReportSection::block))
                .contains("summary", "units ÖKF ÖKG", "amounts", "appendix-1", "appendix-2");
    }

    @Test
    void secretariatAndANamedControllerEditBothAppearInTheDownloadAndTheHistoryAndAStaleSaveChangesNothing()
            throws Exception {
        ReportSection events = reports.sections(dr2).stream().filter(s -> "2.2".equals(s.number())).findFirst().orElseThrow();
        ReportSection units = section(dr2, "Årets första prognos visar på positiv avvikelse");
        String secretariatText = events.body().replace("Förberedelser inför EU-valet", "Förberedelser inför valet till Europaparlamentet");
        var response = send("PUT", "2024-dr2/report/sections/" + events.id(), "sekretariat", put(secretariatText, events.version()));
        assertThat(response.statusCode()).isEqualTo(200);

        // the controller may write 3.1's commentary only once the secretariat names them
        String controllerText = units.body().replace("4,4 mnkr", "4,5 mnkr");
        assertThat(send("PUT", "2024-dr2/report/sections/" + units.id(), "controller", put(controllerText, units.version()))
                .statusCode()).isEqualTo(403);
        reports.setEditors(dr2, units.id(), List.of("controller"));
        assertThat(send("PUT", "2024-dr2/report/sections/" + units.id(), "controller", put(controllerText, units.version()))
                .statusCode()).isEqualTo(200);

        // a save on the version read before the controller's: 409, the text stays the controller's
        var stale = send("PUT", "2024-dr2/report/sections/" + units.id(), "sekretariat", put("Min text", units.version()));
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode error = json.readTree(stale.body());
        assertThat(error.get("error").asText()).isEqualTo("conflict");
        assertThat(error.get("message").asText()).contains("controller");
        assertThat(reports.section(dr2, units.id()).body()).isEqualTo(controllerText);
        assertThat(send("PUT", "2024-dr2/report/sections/" + units.id(), "sekretariat", "{\"body\":\"x\"}").statusCode())
                .isEqualTo(422);

        assertThat(reports.history(dr2, units.id())).first().satisfies(h -> {
            assertThat(h.changedBy()).isEqualTo("controller");
            assertThat(h.oldBody()).isEqualTo(units.body());
            assertThat(h.newBody()).isEqualTo(controllerText);
            assertThat(h.oldState()).isEqualTo(SectionState.DRAFT);
            assertThat(h.newState()).isEqualTo(SectionState.WRITTEN);
        });
        assertThat(reports.history(dr2, events.id())).first().extracting(SectionHistoryEntry::changedBy).isEqualTo("sekretariat");

        var docx = send("GET", "2024-dr2/report.docx", "politiker", null);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("ETag")).contains("\"" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(docx.body())) + "\"");
        // the same report again: 304 without a body; another ETag: the file
        String etag = docx.headers().firstValue("ETag").orElseThrow();
        var again = send("GET", "2024-dr2/report.docx", "politiker", null, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(send("GET", "2024-dr2/report.docx", "politiker", null, "\"0000\"").statusCode()).isEqualTo(200);
        String text;
        try (var word = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             var extractor = new XWPFWordExtractor(word)) {
            text = extractor.getText();
        }
        assertThat(text).contains("Förberedelser inför valet till Europaparlamentet", "varav de politiska kansliernas")
                .contains(controllerText.strip().substring(0, 60));
    }

    @Test
    void aDecidedPeriodsSectionsAreLockedByTheServiceTheApiAndTheDatabase() throws Exception {
        ReportSection first = reports.sections(dr1).get(0);
        assertThatThrownBy(() -> reports.save(dr1, first.id(), first.version(), "Ny text", null))
                .isInstanceOf(LockedException.class);
        var response = send("PUT", "2024-dr1/report/sections/" + first.id(), "sekretariat", put("Ny text", first.version()));
        assertThat(response.statusCode()).isEqualTo(423);
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("locked");
        assertThatThrownBy(() -> db.update(REPORT_SECTION).set(REPORT_SECTION.BODY, "x")
                .where(REPORT_SECTION.ID.eq(first.id())).execute()).isInstanceOf(LockedException.class);
        assertThat(reports.section(dr1, first.id()).body()).isEqualTo(first.body());
    }

    @Test
    void anAmountsTableWithAnAmountThatIsNotAWholeNumberIsRefused() {
        ReportSection amounts = reports.sections(dr2).stream().filter(s -> s.blockType() == BlockType.AMOUNTS)
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> reports.save(dr2, amounts.id(), amounts.version(),
                amounts.body().replace("2 620", "2,6 mnkr"), null)).isInstanceOf(ValidationException.class);
        signIn("politiker");
        assertThatThrownBy(() -> reports.save(dr2, amounts.id(), amounts.version(), amounts.body(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(reports.section(dr2, amounts.id()).version()).isEqualTo(amounts.version());
    }

    @Test
    void decidingStoresTheWholeReportAndLaterEditsElsewhereNeverChangeIt() throws Exception {
        periods.submitForReview("ks", "2024-dr2");
        periods.decide("ks", "2024-dr2", new Decision("Kommunstyrelsen", LocalDate.of(2024, 10, 1), "§ 150", null));
        dr2 = periods.context("ks", "2024-dr2");
        String stored = reports.storedSha256(dr2, AppendixFormat.DOCX).orElseThrow();
        periods.create("ks", new NewPeriod(PeriodKind.ANNUAL, 2024, LocalDate.of(2024, 12, 31), null));
        CommitteeContext annual = periods.context("ks", "2024-ar");
        ReportSection s = reports.sections(annual).get(0);
        reports.save(annual, s.id(), s.version(), "Helt annan text", SectionState.CONFIRMED);

        var docx = send("GET", "2024-dr2/report.docx", "politiker", null);
        assertThat(docx.headers().firstValue("ETag")).contains("\"" + stored + "\"");
        // a decided report is known by its stored SHA-256: 304 for a client that has it
        assertThat(send("GET", "2024-dr2/report.docx", "politiker", null, "\"" + stored + "\"").statusCode())
                .isEqualTo(304);
        assertThat(reports.generate(dr2, AppendixFormat.DOCX).sha256()).isEqualTo(stored);
        assertThat(reports.storedSha256(dr2, AppendixFormat.PDF)).isPresent();
    }
}
