package se.uppfoljning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.imports.TabularFile;
import se.uppfoljning.finance.FinanceImportResult;
import se.uppfoljning.finance.FinanceImportService;
import se.uppfoljning.finance.FinanceTestFiles;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.structure.StructureImportChange;
import se.uppfoljning.structure.StructureImportResult;
import se.uppfoljning.structure.StructureImportService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files and texts as municipal controllers, secretaries and officials really produce them (issue 10, faults 1–7):
 * each is read right or refused clearly, and nothing typed or saved is lost.
 */
class RealWorldInputTest extends SecretariatOnKsTest {

    private static final List<String> STRUCTURE_COLUMNS = List.of("omrade", "strategiskt_mal_nr", "strategiskt_mal",
            "typ", "nummer", "text", "malvarde", "agare", "osb_ar", "kvarstaende", "harleds_fran_ekonomi", "prognos",
            "kommentar");

    @Autowired
    StructureImportService structureImport;

    @Autowired
    FinanceImportService financeImport;

    @Autowired
    FollowUpService followUp;

    @Autowired
    FollowUpWorkbookService workbooks;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    // --- the structure import ---------------------------------------------------------------------------

    /** The demo structure as rows of cells by column name. */
    private static List<Map<String, String>> demoStructure() throws IOException {
        byte[] csv = new ClassPathResource("demo/ks-2024-dr1.csv").getInputStream().readAllBytes();
        List<Map<String, String>> rows = new ArrayList<>();
        for (TabularFile.Row row : TabularFile.read("demo.csv", csv, 1 << 20).rows()) {
            rows.add(new LinkedHashMap<>(row.values()));
        }
        return rows;
    }

    /**
     * The structure as XLSX: {@code header} names the columns (null = a column with an empty header cell, filled
     * with junk), {@code cell} gives each cell (a text starting with '=' is a formula; its cached value is computed).
     */
    private static byte[] structureXlsx(List<String> header, List<Map<String, String>> rows,
                                        Function<Integer, Function<String, String>> cell) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Struktur");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c) != null) {
                    first.createCell(c).setCellValue(header.get(c));
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    String column = header.get(c);
                    String value = column == null ? "skräp " + r : cell.apply(r).apply(column);
                    if (value == null || value.isEmpty()) {
                        continue;
                    }
                    Cell x = row.createCell(c);
                    if (value.startsWith("=")) {
                        x.setCellFormula(value.substring(1));
                    } else {
                        x.setCellValue(value);
                    }
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private Map<Long, String> comments() {
        Map<Long, String> comments = new LinkedHashMap<>();
        followUp.overview(dr2).rows().forEach(r -> comments.put(r.id(), r.status() + "|" + r.comment()));
        return comments;
    }

    @Test
    void aStructureXlsxWithAnEmptyHeaderColumnChangesNoComment() throws IOException {
        List<Map<String, String>> rows = demoStructure();
        List<String> header = new ArrayList<>(STRUCTURE_COLUMNS);
        header.add(1, null); // Excel users insert such columns all the time
        // a structure file for the year: status and comment columns present but left empty
        byte[] file = structureXlsx(header, rows, r -> column -> column.equals("prognos")
                || column.equals("kommentar") ? "" : rows.get(r).get(column));
        Map<Long, String> before = comments();
        assertThat(before.values()).anyMatch(c -> c.length() > 20);

        StructureImportResult preview = structureImport.preview(dr2, "struktur.xlsx", file);
        assertThat(preview.rows()).isEqualTo(52);
        assertThat(preview.entriesWritten()).isZero();
        assertThat(preview.changes()).isEmpty();
        StructureImportResult applied = structureImport.importFile(dr2, "struktur.xlsx", file, false);
        assertThat(applied.itemsCreated() + applied.itemsUpdated() + applied.entriesWritten()).isZero();
        assertThat(comments()).isEqualTo(before);
    }

    @Test
    void fillDownFormulasGiveTheAreasTheirValues() throws IOException {
        List<Map<String, String>> rows = demoStructure();
        // what Excel's fill-down writes: where the area repeats the row above, "=A<row above>"
        byte[] file = structureXlsx(STRUCTURE_COLUMNS, rows, r -> column -> {
            if (column.equals("omrade") && r > 0 && rows.get(r).get("omrade").equals(rows.get(r - 1).get("omrade"))) {
                return "=A" + (r + 1);
            }
            return rows.get(r).get(column);
        });
        StructureImportResult preview = structureImport.preview(dr2, "ifylld.xlsx", file);
        assertThat(preview.newAreas()).isEmpty();
        assertThat(preview.changes()).isEmpty();
        assertThat(preview.itemsCreated() + preview.itemsUpdated()).isZero();
    }

    @Test
    void aNewAreaIsListedInThePreviewAndNeedsAConfirmation() throws IOException {
        List<Map<String, String>> rows = demoStructure();
        String moved = rows.get(rows.size() - 1).get("text");
        byte[] file = structureXlsx(STRUCTURE_COLUMNS, rows, r -> column -> column.equals("omrade")
                && r == rows.size() - 1 ? "A52" : rows.get(r).get(column));
        StructureImportResult preview = structureImport.preview(dr2, "ny.xlsx", file);
        assertThat(preview.newAreas()).containsExactly("A52");
        assertThat(preview.changes()).extracting(StructureImportChange::kind).containsExactly(
                StructureImportChange.Kind.AREA_CREATED, StructureImportChange.Kind.ITEM_MOVED_AREA);
        assertThat(preview.changes().get(1).subject()).isEqualTo(moved);
        assertThat(preview.changes().get(1).to()).isEqualTo("A52");

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> structureImport.importFile(dr2, "ny.xlsx", file, false));
        assertThat(e.messageKey()).isEqualTo("structure.import.error.newAreas");
        assertThat(e.details()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(rows.size() + 1);
            assertThat(d.column()).isEqualTo("omrade");
        });
        assertThat(followUp.overview(dr2).areas()).noneMatch(a -> a.name().equals("A52"));

        structureImport.importFile(dr2, "ny.xlsx", file, true);
        assertThat(followUp.overview(dr2).areas()).anyMatch(a -> a.name().equals("A52"));
    }

    // --- the finance import -----------------------------------------------------------------------------

    private CommitteeContext controller() {
        testData.copyDr1FiguresAndMeasuresToDr2();
        signIn("controller");
        return periods.context("ks", "2024-dr2");
    }

    /** The demo finance file as XLSX: amounts as numeric cells, {@code sheets} before the data sheet. */
    private static byte[] financeXlsx(Map<String, Double> overrides, boolean hiddenListFirst) throws IOException {
        List<String> lines = FinanceTestFiles.demoCsv().lines().toList();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (hiddenListFirst) {
                Sheet lists = workbook.createSheet("Listor");
                lists.createRow(0).createCell(0).setCellValue("Nivåer");
                lists.createRow(1).createCell(0).setCellValue("ÖKL");
                workbook.setSheetHidden(0, true);
            }
            Sheet sheet = workbook.createSheet("Ekonomi");
            for (int r = 0; r < lines.size(); r++) {
                String[] f = lines.get(r).split(";", -1);
                Row row = sheet.createRow(r);
                for (int c = 0; c < f.length; c++) {
                    if (f[c].isEmpty()) {
                        continue;
                    }
                    Double override = overrides.get((r + 1) + ":" + c);
                    if (override != null) {
                        row.createCell(c).setCellValue(override);
                    } else if (r > 0 && c >= 5 && c <= 11) {
                        row.createCell(c).setCellValue(Double.parseDouble(f[c]));
                    } else {
                        row.createCell(c).setCellValue(f[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private long klcOutcome(CommitteeContext context) {
        return ((Number) testData.db().fetchValue("select outcome_to_date from finance_row where period_id = "
                + context.period().id() + " and code = 'KLC' and cut = 'UNIT'")).longValue();
    }

    @Test
    void excelFloatingPointNoiseImportsAsWholeKronor() throws IOException {
        CommitteeContext context = controller();
        // line 7, column utfall_ack: KLC's -710 000 as Excel may hold it
        byte[] file = financeXlsx(Map.of("7:7", -710000.0000000001), false);
        FinanceImportResult result = financeImport.importFile(context, "noise.xlsx", file);
        assertThat(result.rows()).isEqualTo(162);
        assertThat(klcOutcome(context)).isEqualTo(-710_000L);
    }

    @Test
    void separatorOnlyLinesAsExcelWritesThemAreSkipped() {
        CommitteeContext context = controller();
        String csv = FinanceTestFiles.demoCsv().replace("\n", "\r\n") + ";;;;;;;;;;;;\r\n".repeat(24) + " ; ;\r\n";
        FinanceImportResult result = financeImport.importFile(context, "excel.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.rows()).isEqualTo(162);
        // an error after the empty lines still names the line the editor shows
        String bad = FinanceTestFiles.demoCsv().lines().toList().get(6).replace("-710000", "x");
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> financeImport.importFile(
                context, "bad.csv", (csv + bad + "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(e.details()).extracting(d -> d.line() + ":" + d.column()).contains((163 + 25 + 1) + ":utfall_ack");
    }

    @Test
    void aHiddenFirstSheetIsSkippedAndAWorkbookWithoutTheColumnsNamesItsSheets() throws IOException {
        CommitteeContext context = controller();
        FinanceImportResult result = financeImport.importFile(context, "med-listor.xlsx",
                financeXlsx(Map.of(), true));
        assertThat(result.rows()).isEqualTo(162);

        byte[] noData;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Listor").createRow(0).createCell(0).setCellValue("niva");
            workbook.setSheetHidden(0, true);
            workbook.createSheet("Instruktion").createRow(0).createCell(0).setCellValue("Läs mig");
            workbook.write(out);
            noData = out.toByteArray();
        }
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> financeImport.importFile(context, "fel.xlsx", noData));
        assertThat(e.messageKey()).isEqualTo("import.error.noDataSheet");
        assertThat(String.valueOf(e.arguments()[0])).contains("Instruktion");
        assertThat(String.valueOf(e.arguments()[1])).contains("Listor");
    }

    @Test
    void aDecomposedLevelCodeImportsAsTheLevel() {
        CommitteeContext context = controller();
        String csv = FinanceTestFiles.demoCsv().replace("ÖKL;", "O\u0308KL;").replace("Kansli Centerpartiet",
                "Kansli\u00A0Centerpartiet");
        assertThat(csv).contains("O\u0308KL");
        FinanceImportResult result = financeImport.importFile(context, "mac.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.levels()).contains("ÖKL");
        assertThat(result.levels()).allMatch(l -> !l.contains("\u0308"));
        assertThat(klcOutcome(context)).isEqualTo(-710_000L);
        assertThat(String.valueOf(testData.db().fetchValue("select name from finance_row where period_id = "
                + context.period().id() + " and code = 'KLC' and cut = 'UNIT'")))
                .isEqualTo("Kansli Centerpartiet");
    }

    // --- control characters -----------------------------------------------------------------------------

    private HttpResponse<String> send(String method, String url, String user, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private FollowUpRow assignment() {
        return followUp.overview(dr2).rows().stream().filter(r -> r.number() == null).findFirst().orElseThrow();
    }

    @Test
    void aNulInACommentSentToTheApiIs422InSwedishAndChangesNothing() throws Exception {
        FollowUpRow row = assignment();
        String body = "{\"status\":\"Påbörjat\",\"comment\":\"Före\\u0000efter\",\"version\":" + row.version() + "}";
        HttpResponse<String> response = send("PUT", "/api/v1/committees/ks/periods/2024-dr2/items/" + row.id()
                + "/follow-up", "sekretariat", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("validation_failed");
        assertThat(error.get("message").asText())
                .isEqualTo("Fältet comment innehåller ett otillåtet tecken, U+0000 (NULL), på position 5. Ta bort det och spara igen.");
        assertThat(error.get("details").get(0).get("column").asText()).isEqualTo("comment");
        assertThat(assignment().comment()).isEqualTo(row.comment());
        assertThat(assignment().version()).isEqualTo(row.version());

        // a NUL that reaches a query through a parameter is no 500 either
        HttpResponse<String> query = send("GET", "/api/v1/committees/ks/periods/2024-dr2/changes?since=2024-dr1%00x",
                "sekretariat", null, null);
        assertThat(query.statusCode()).isBetween(400, 499);
        assertThat(json.readTree(query.body()).get("message").asText()).isNotBlank();

        // any other control character the same way, in the UI's path too
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> followUp.save(dr2, row.id(),
                new FollowUpChange(row.status(), "Escape\u001B", row.version())));
        assertThat(e.messageKey()).isEqualTo("input.error.character");
        assertThat(e.arguments()[0]).isEqualTo("Kommentar");
    }

    @Test
    void aVerticalTabIsStoredAsALineBreakAndTheUnchangedExportReimportsWithoutChanges() {
        FollowUpRow row = assignment();
        FollowUpRow saved = followUp.save(dr2, row.id(), new FollowUpChange(row.status(),
                "Första raden\u000BAndra raden", row.version()));
        assertThat(saved.comment()).isEqualTo("Första raden\nAndra raden");
        byte[] export = workbooks.export(dr2).content();
        assertThat(workbooks.preview(dr2, "export.xlsx", export).changes()).isEmpty();

        // a vertical tab stored before this rule (in an open period) exports as a line break and is no change either
        testData.db().execute("update follow_up_entry set comment = 'Gammal\u000Btext' where item_id = ? and period_id = ?",
                row.id(), dr2.period().id());
        byte[] old = workbooks.export(dr2).content();
        assertThat(workbooks.preview(dr2, "export.xlsx", old).changes()).isEmpty();
    }

    // --- characters no document font can draw --------------------------------------------------------------

    /** U+1F97A (pleading face, Unicode 11) is newer than the shipped emoji font: no document could print it. */
    private static final String UNDRAWABLE = "Snälla 🥺";

    @Test
    void aCharacterNoDocumentFontHasIsRefusedOnEveryPathWithItsPlace() throws Exception {
        // the UI's path (the service a dialog calls)
        FollowUpRow row = assignment();
        ValidationException ui = catchThrowableOfType(ValidationException.class, () -> followUp.save(dr2, row.id(),
                new FollowUpChange(row.status(), UNDRAWABLE, row.version())));
        assertThat(ui.messageKey()).isEqualTo("input.error.undrawable");
        assertThat(ui.arguments()).containsExactly("Kommentar", "🥺", "U+1F97A", "8");

        // the API: 422 in Swedish naming the JSON field
        String body = "{\"status\":\"Påbörjat\",\"comment\":\"" + UNDRAWABLE + "\",\"version\":" + row.version() + "}";
        HttpResponse<String> response = send("PUT", "/api/v1/committees/ks/periods/2024-dr2/items/" + row.id()
                + "/follow-up", "sekretariat", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("Fältet comment innehåller "
                + "tecknet \"🥺\" (U+1F97A) på position 8, som inte kan skrivas ut i bilagorna. Ta bort det eller ersätt "
                + "det med text.");

        // the follow-up spreadsheet import: the line and column of the cell
        int[] line = new int[1];
        byte[] workbook = se.uppfoljning.followup.WorkbookFiles.edit(workbooks.export(dr2).content(),
                sheet -> line[0] = se.uppfoljning.followup.WorkbookFiles.set(sheet, row.id(), "Kommentar", UNDRAWABLE));
        ValidationException spreadsheet = catchThrowableOfType(ValidationException.class,
                () -> workbooks.preview(dr2, "export.xlsx", workbook));
        assertThat(spreadsheet.details()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(line[0]);
            assertThat(d.column()).isEqualToIgnoringCase("kommentar");
            assertThat(d.message()).contains("U+1F97A").contains("kan inte skrivas ut");
        });

        // the structure import
        List<Map<String, String>> rows = demoStructure();
        byte[] structure = structureXlsx(STRUCTURE_COLUMNS, rows, r -> column -> r == 2 && column.equals("kommentar")
                ? UNDRAWABLE : rows.get(r).get(column));
        ValidationException structureError = catchThrowableOfType(ValidationException.class,
                () -> structureImport.preview(dr2, "struktur.xlsx", structure));
        assertThat(structureError.details()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo("kommentar");
            assertThat(d.message()).contains("U+1F97A");
        });
        assertThat(assignment().comment()).isEqualTo(row.comment());

        // the finance import
        CommitteeContext context = controller();
        String csv = FinanceTestFiles.demoCsv().replace("Kansli Centerpartiet", "Kansli 🥺");
        ValidationException finance = catchThrowableOfType(ValidationException.class,
                () -> financeImport.importFile(context, "emoji.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(finance.details()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.column()).isEqualTo("namn");
            assertThat(d.message()).isEqualTo("Tecknet 🥺 (U+1F97A) på position 8 kan inte skrivas ut i dokumenten.");
        });
    }

    // --- the structure import API -----------------------------------------------------------------------

    @Test
    void theStructureImportApiPreviewsAppliesAndRefuses() throws Exception {
        byte[] csv = new ClassPathResource("demo/ks-2024-dr1.csv").getInputStream().readAllBytes();
        String base = "/api/v1/committees/ks/structure?year=2024";
        HttpResponse<String> dryRun = send("POST", base + "&dryRun=true", "sekretariat", "text/csv", csv);
        assertThat(dryRun.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(dryRun.body());
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.get("rows").asInt()).isEqualTo(52);
        assertThat(body.get("period").asText()).isEqualTo("2024-dr2");
        assertThat(body.get("newAreas")).isEmpty();

        String withNewArea = new String(csv, StandardCharsets.UTF_8).replaceFirst("\nUtgångspunkter för Örebro kommuns verksamhet;",
                "\nNytt område;");
        byte[] newArea = withNewArea.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = send("POST", base + "&dryRun=true", "sekretariat", "text/csv", newArea);
        JsonNode changes = json.readTree(preview.body()).get("changes");
        assertThat(changes.get(0).get("kind").asText()).isEqualTo("AREA_CREATED");
        assertThat(changes.get(0).get("text").asText()).isEqualTo("Nytt strategiskt område: Nytt område");
        HttpResponse<String> unconfirmed = send("POST", base, "sekretariat", "text/csv", newArea);
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(unconfirmed.body());
        assertThat(error.get("message").asText()).contains("Nytt område").contains("confirmNewAreas=true");
        assertThat(error.get("details").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(error.get("details").get(0).get("column").asText()).isEqualTo("omrade");
        HttpResponse<String> confirmed = send("POST", base + "&confirmNewAreas=true", "sekretariat", "text/csv", newArea);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(confirmed.body()).get("applied").asBoolean()).isTrue();

        String badType = new String(csv, StandardCharsets.UTF_8).replaceFirst(";nämndmål;", ";mål;");
        HttpResponse<String> bad = send("POST", base + "&dryRun=true", "sekretariat", "text/csv",
                badType.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode detail = json.readTree(bad.body()).get("details").get(0);
        assertThat(detail.get("line").asInt()).isEqualTo(2);
        assertThat(detail.get("column").asText()).isEqualTo("typ");

        assertThat(send("POST", base + "&dryRun=true", "tjansteperson", "text/csv", csv).statusCode()).isEqualTo(403);
        assertThat(send("POST", base + "&dryRun=true", "politiker", "text/csv", csv).statusCode()).isEqualTo(403);
    }
}
