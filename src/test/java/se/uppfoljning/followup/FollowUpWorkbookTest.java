package se.uppfoljning.followup;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.SecretariatOnKsTest;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.followup.spreadsheet.WorkbookChange;
import se.uppfoljning.followup.spreadsheet.WorkbookExport;
import se.uppfoljning.followup.spreadsheet.WorkbookImport;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.readiness.ReadinessService;
import se.uppfoljning.structure.ItemKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The spreadsheet round trip of a period's follow-up: export, edit with POI, preview, apply; every refusal. */
class FollowUpWorkbookTest extends SecretariatOnKsTest {

    @Autowired
    FollowUpWorkbookService workbooks;
    @Autowired
    FollowUpService followUp;
    @Autowired
    AuditService audit;
    @Autowired
    Messages messages;
    @Autowired
    ReadinessService readiness;

    private List<FollowUpRow> rows() {
        return followUp.overview(dr2).rows();
    }

    private Map<Long, FollowUpRow> byId() {
        return rows().stream().collect(Collectors.toMap(FollowUpRow::id, Function.identity()));
    }

    private FollowUpRow goal(String except) {
        return rows().stream().filter(r -> r.kind() != ItemKind.ASSIGNMENT && !r.derivedFromFinance()
                && r.status() != null && !r.status().equals(except)).findFirst().orElseThrow();
    }

    private List<FollowUpRow> assignments() {
        return rows().stream().filter(r -> r.kind() == ItemKind.ASSIGNMENT).toList();
    }

    @Test
    void exportHasOneRowPerItemInReportOrderWithSwedishHeadersDropDownsAndProperties() throws Exception {
        FollowUpRow toReady = goal("-");
        followUp.save(dr2, toReady.id(), new FollowUpChange(toReady.status(), toReady.comment(), toReady.version()));
        readiness.markReady(dr2, toReady.id());
        WorkbookExport file = workbooks.export(dr2);
        assertThat(file.fileName()).isEqualTo("Uppföljning Kommunstyrelsen Delårsrapport med prognos 2 2024.xlsx");
        List<FollowUpRow> rows = rows();
        assertThat(rows).filteredOn(FollowUpRow::ready).extracting(FollowUpRow::id).containsExactly(toReady.id());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(java.util.stream.IntStream.range(0, 11).mapToObj(i -> header.getCell(i).getStringCellValue()))
                    .containsExactly("Id", "Område", "Mål", "Typ", "Nummer", "Text", "Ansvarig", "Status", "Kommentar",
                            "Version", "Klar");
            assertThat(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(i + 1);
                FollowUpRow expected = rows.get(i);
                assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(expected.id());
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(expected.text());
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo(expected.status() == null ? "" : expected.status());
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(expected.comment());
                assertThat((int) row.getCell(9).getNumericCellValue()).isEqualTo(expected.version());
                assertThat(row.getCell(10).getStringCellValue()).isEqualTo(expected.ready() ? "Ja" : "");
            }
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
                    .startsWith("Strategiskt mål 1: Varje nämnd ska ha en ekonomi i balans");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Nämndmål");
            // id and version are grey, comment and text wrap
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFillForegroundColor())
                    .isNotEqualTo(sheet.getRow(1).getCell(8).getCellStyle().getFillForegroundColor());
            assertThat(sheet.getRow(1).getCell(8).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getColumnWidth(8)).isGreaterThan(sheet.getColumnWidth(0) * 5);

            // one drop-down per scale, fed by the hidden list sheet: goals and assignments differ
            var validations = sheet.getDataValidations();
            assertThat(validations).hasSize(2);
            Map<String, String> listByName = Map.of(
                    "StatusMal", "Uppfylls,Uppfylls delvis,Uppfylls ej",
                    "StatusUppdrag", "Genomfört,Påbörjat,Ej påbörjat");
            assertThat(workbook.isSheetHidden(1)).isTrue();
            for (var validation : validations) {
                String formula = validation.getValidationConstraint().getFormula1();
                var name = workbook.getName(formula);
                assertThat(name).as(formula).isNotNull();
                var ref = new org.apache.poi.ss.util.AreaReference(name.getRefersToFormula(),
                        org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                String labels = java.util.Arrays.stream(ref.getAllReferencedCells())
                        .map(c -> workbook.getSheet(c.getSheetName()).getRow(c.getRow()).getCell(c.getCol()).getStringCellValue())
                        .collect(Collectors.joining(","));
                assertThat(labels).isEqualTo(listByName.get(formula));
                for (var range : validation.getRegions().getCellRangeAddresses()) {
                    assertThat(range.getFirstColumn()).isEqualTo(7);
                    for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                        boolean assignment = rows.get(r - 1).kind() == ItemKind.ASSIGNMENT;
                        assertThat(assignment).isEqualTo(formula.equals("StatusUppdrag"));
                    }
                }
            }
            assertThat(workbook.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("Uppföljning Kommunstyrelsen Delårsrapport med prognos 2 2024");
            assertThat(workbook.getProperties().getCoreProperties().getUnderlyingProperties().getLanguageProperty())
                    .contains("sv-SE");
        }
    }

    @Test
    void editedCopyIsPreviewedThenAppliedWithHistoryVersionsAndAudit() {
        FollowUpRow goal = goal("Uppfylls ej");
        FollowUpRow assignment = assignments().get(0);
        FollowUpRow cleared = rows().stream().filter(r -> r.kind() != ItemKind.ASSIGNMENT && !r.derivedFromFinance()
                && r.status() != null && r.id() != goal.id()).findFirst().orElseThrow();
        // the row whose status the file clears was confirmed and marked ready before the export
        followUp.save(dr2, cleared.id(), new FollowUpChange(cleared.status(), cleared.comment(), cleared.version()));
        readiness.markReady(dr2, cleared.id());
        assertThat(byId().get(cleared.id()).ready()).isTrue();
        int[] rowNumbers = new int[3];
        byte[] edited = WorkbookFiles.edit(workbooks.export(dr2).content(), sheet -> {
            rowNumbers[0] = WorkbookFiles.set(sheet, goal.id(), "Status", "Uppfylls ej");
            rowNumbers[1] = WorkbookFiles.set(sheet, assignment.id(), "Kommentar", "Ny kommentar i augusti.\nAndra stycket.");
            rowNumbers[2] = WorkbookFiles.set(sheet, cleared.id(), "Status", "");
        });

        WorkbookImport preview = workbooks.preview(dr2, "ändrad.xlsx", edited);
        assertThat(preview.applied()).isFalse();
        assertThat(preview.rows()).isEqualTo(52);
        assertThat(preview.changes()).extracting(WorkbookChange::itemId)
                .containsExactlyInAnyOrder(goal.id(), assignment.id(), cleared.id());
        WorkbookChange goalChange = preview.changes().stream().filter(c -> c.itemId() == goal.id()).findFirst().orElseThrow();
        assertThat(goalChange.row()).isEqualTo(rowNumbers[0]);
        assertThat(goalChange.oldStatus()).isEqualTo(goal.status());
        assertThat(goalChange.newStatus()).isEqualTo("Uppfylls ej");
        assertThat(goalChange.commentChanged()).isFalse();
        WorkbookChange commentChange = preview.changes().stream().filter(c -> c.itemId() == assignment.id()).findFirst().orElseThrow();
        assertThat(commentChange.statusChanged()).isFalse();
        assertThat(commentChange.commentChanged()).isTrue();
        // the preview wrote nothing
        assertThat(byId().get(goal.id()).status()).isEqualTo(goal.status());
        int historyBefore = followUp.history(dr2, goal.id()).size();

        WorkbookImport result = workbooks.apply(dr2, "ändrad.xlsx", edited);
        assertThat(result.applied()).isTrue();
        assertThat(result.changes()).hasSize(3);
        Map<Long, FollowUpRow> after = byId();
        assertThat(after.get(goal.id()).status()).isEqualTo("Uppfylls ej");
        assertThat(after.get(goal.id()).version()).isEqualTo(goal.version() + 1);
        assertThat(after.get(goal.id()).fromPreviousPeriod()).isFalse();
        assertThat(after.get(goal.id()).updatedBy()).isEqualTo("Sara Sekreterare");
        assertThat(after.get(assignment.id()).comment()).isEqualTo("Ny kommentar i augusti.\nAndra stycket.");
        assertThat(after.get(assignment.id()).status()).isEqualTo(assignment.status());
        assertThat(after.get(cleared.id()).status()).isNull();
        assertThat(after.get(cleared.id()).ready()).as("without a status it is not ready").isFalse();
        var history = followUp.history(dr2, goal.id());
        assertThat(history).hasSize(historyBefore + 1);
        assertThat(history.get(0).oldStatus()).isEqualTo(goal.status());
        assertThat(history.get(0).newStatus()).isEqualTo("Uppfylls ej");
        // unchanged rows stay as they were, carried-over drafts included
        FollowUpRow untouched = rows().stream().filter(r -> r.fromPreviousPeriod()).findFirst().orElseThrow();
        assertThat(untouched.version()).isEqualTo(1);
        assertThat(audit.search(new AuditQuery(null, null, null, AuditActions.FOLLOW_UP_SAVED, 500)))
                .filteredOn(e -> e.details().contains("import från Excel ändrad.xlsx")).hasSize(3);

        // the same file again now equals the period: nothing to change (its old versions do not matter)
        assertThat(workbooks.apply(dr2, "ändrad.xlsx", edited).changes()).isEmpty();
        assertThat(byId().get(goal.id()).version()).isEqualTo(goal.version() + 1);
        assertThat(workbooks.preview(dr2, "ny.xlsx", workbooks.export(dr2).content()).changes()).isEmpty();
    }

    @Test
    void oneBadRowAmongGoodOnesAppliesNothingAndReportsTheRow() {
        FollowUpRow goal = goal("Uppfylls ej");
        List<FollowUpRow> assignments = assignments();
        int[] bad = new int[1];
        byte[] edited = WorkbookFiles.edit(workbooks.export(dr2).content(), sheet -> {
            WorkbookFiles.set(sheet, goal.id(), "Status", "Uppfylls ej");
            WorkbookFiles.set(sheet, assignments.get(0).id(), "Kommentar", "Bra kommentar.");
            // an assignment cannot take a goal's status
            bad[0] = WorkbookFiles.set(sheet, assignments.get(1).id(), "Status", "Uppfylls");
        });
        Map<Long, FollowUpRow> before = byId();

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> workbooks.apply(dr2, "fel.xlsx", edited));
        assertThat(messages.of(e)).isEqualTo("Filen har fel på 1 rader. Ingenting har ändrats.");
        assertThat(e.details()).hasSize(1);
        ErrorDetail detail = e.details().get(0);
        assertThat(detail.line()).isEqualTo(bad[0]);
        assertThat(detail.column()).isEqualTo("Status");
        assertThat(detail.message()).isEqualTo(
                "Okänd status \"Uppfylls\". Tillåtna: Genomfört, Påbörjat, Ej påbörjat (eller tom cell för ej bedömd).");
        assertThat(byId()).isEqualTo(before);
        assertThatThrownBy(() -> workbooks.preview(dr2, "fel.xlsx", edited)).isInstanceOf(ValidationException.class);
    }

    @Test
    void anOfficialMayChangeOnlyTheirDepartmentsItems() {
        signIn("tjansteperson");
        List<FollowUpRow> rows = rows();
        FollowUpRow own = rows.stream().filter(FollowUpRow::editable).filter(r -> !r.derivedFromFinance())
                .findFirst().orElseThrow();
        FollowUpRow other = rows.stream().filter(r -> !r.editable()).filter(r -> r.owner() != null).findFirst().orElseThrow();
        byte[] export = workbooks.export(dr2).content();
        int[] otherRow = new int[1];
        byte[] both = WorkbookFiles.edit(export, sheet -> {
            WorkbookFiles.set(sheet, own.id(), "Kommentar", "Egen ändring.");
            otherRow[0] = WorkbookFiles.set(sheet, other.id(), "Kommentar", "Någon annans post.");
        });
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> workbooks.apply(dr2, "x.xlsx", both));
        assertThat(e.details()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(otherRow[0]);
            assertThat(d.message()).startsWith("Du får inte ändra posten: " + other.owner() + " ansvarar för den.");
        });
        assertThat(byId().get(own.id()).comment()).isEqualTo(own.comment());

        byte[] ownOnly = WorkbookFiles.edit(export, sheet -> WorkbookFiles.set(sheet, own.id(), "Kommentar", "Egen ändring."));
        assertThat(workbooks.apply(dr2, "x.xlsx", ownOnly).changes()).hasSize(1);
        assertThat(byId().get(own.id()).comment()).isEqualTo("Egen ändring.");
        assertThat(byId().get(own.id()).updatedBy()).isEqualTo("Tove Tjänsteperson");

        signIn("politiker");
        assertThat(workbooks.export(dr2).content()).isNotEmpty();
        assertThat(workbooks.mayImport(dr2)).isFalse();
        assertThatThrownBy(() -> workbooks.preview(dr2, "x.xlsx", ownOnly))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aSaveAfterTheExportMakesTheRowStaleNamingWhoAndWhen() {
        FollowUpRow goal = goal("Uppfylls ej");
        FollowUpRow assignment = assignments().get(0);
        byte[] edited = WorkbookFiles.edit(workbooks.export(dr2).content(), sheet -> {
            WorkbookFiles.set(sheet, goal.id(), "Kommentar", "Min ändring.");
            WorkbookFiles.set(sheet, assignment.id(), "Kommentar", "Min andra ändring.");
        });
        // preview passes; then someone saves the goal before the changes are applied
        assertThat(workbooks.preview(dr2, "x.xlsx", edited).changes()).hasSize(2);
        followUp.save(dr2, goal.id(), new FollowUpChange(goal.status(), "Någon annans ändring.", goal.version()));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> workbooks.apply(dr2, "x.xlsx", edited));
        assertThat(e.details()).singleElement().satisfies(d -> {
            assertThat(d.column()).isEqualTo("Version");
            assertThat(d.message()).startsWith("Posten har sparats av Sara Sekreterare 20").contains("efter exporten")
                    .contains("filen har version " + goal.version() + ", posten har nu version " + (goal.version() + 1));
        });
        assertThat(byId().get(assignment.id()).comment()).isEqualTo(assignment.comment());
        assertThat(byId().get(goal.id()).comment()).isEqualTo("Någon annans ändring.");
    }

    @Test
    void aDecidedPeriodRefusesTheWholeFile() {
        CommitteeContext dr1 = periods.context("ks", "2024-dr1");
        byte[] export = workbooks.export(dr1).content();
        assertThat(workbooks.mayImport(dr1)).isFalse();
        assertThatThrownBy(() -> workbooks.apply(dr1, "x.xlsx", export))
                .isInstanceOf(LockedException.class)
                .satisfies(e -> assertThat(messages.of((LockedException) e))
                        .isEqualTo("Perioden Delårsrapport med prognos 1 2024 är beslutad och låst. Inget kan ändras."));
        // and a DR1 file is not taken for DR2
        ValidationException other = catchThrowableOfType(ValidationException.class, () -> workbooks.preview(dr2, "x.xlsx", export));
        assertThat(messages.of(other)).contains("ks/2024-dr1");
    }

    @Test
    void malformedFilesAndMissingHeadersAreClearErrors() throws Exception {
        ValidationException csv = catchThrowableOfType(ValidationException.class, () -> workbooks.preview(dr2, "x.csv",
                "Id;Status\n1;Uppfylls\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(csv.messageKey()).isEqualTo("workbook.error.notXlsx");
        ValidationException zip = catchThrowableOfType(ValidationException.class, () -> workbooks.preview(dr2, "x.xlsx",
                new byte[]{'P', 'K', 3, 4, 0, 0, 0}));
        assertThat(zip.messageKey()).isEqualTo("import.error.malformedXlsx");

        byte[] noStatus = WorkbookFiles.edit(workbooks.export(dr2).content(),
                sheet -> sheet.getRow(0).createCell(7).setCellValue("Prognos"));
        ValidationException headers = catchThrowableOfType(ValidationException.class,
                () -> workbooks.preview(dr2, "x.xlsx", noStatus));
        assertThat(messages.of(headers)).isEqualTo("Rubrikraden saknar Status. Ingenting har ändrats.");
        assertThat(headers.details()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.column()).isEqualTo("Status");
        });
    }

    @Test
    void idsMustBeKnownPresentAndUnique() {
        List<FollowUpRow> rows = rows();
        long first = rows.get(2).id();
        byte[] edited = WorkbookFiles.edit(workbooks.export(dr2).content(), sheet -> {
            int id = WorkbookFiles.column(sheet, "Id");
            int comment = WorkbookFiles.column(sheet, "Kommentar");
            sheet.getRow(2).getCell(id).setBlank();
            sheet.getRow(4).getCell(id).setCellValue(first);
            sheet.getRow(5).getCell(id).setCellValue(999_999);
            sheet.getRow(2).removeCell(sheet.getRow(2).getCell(comment));
            sheet.getRow(2).createCell(comment).setCellValue("x");
        });
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> workbooks.preview(dr2, "x.xlsx", edited));
        assertThat(e.details()).extracting(ErrorDetail::line).containsExactly(3, 5, 6);
        assertThat(e.details().get(0).message()).isEqualTo("Id saknas: raden kan inte kopplas till någon post.");
        assertThat(e.details().get(1).message()).isEqualTo("Id " + first + " finns redan på rad 4.");
        assertThat(e.details().get(2).message())
                .isEqualTo("Id 999999 är ingen post i Kommunstyrelsen, Delårsrapport med prognos 2 2024.");
    }

    @Test
    void columnsAreFoundByHeaderWhateverTheirOrder() throws Exception {
        FollowUpRow assignment = assignments().get(0);
        // a hand-made sheet with only the columns the import needs, in another order
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Min kopia");
            Row header = sheet.createRow(0);
            String[] names = {"Kommentar", "version", "STATUS", "Id"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Omflyttad kolumn.");
            row.createCell(1).setCellValue(String.valueOf(assignment.version()));
            row.createCell(2).setCellValue("påbörjat");
            row.createCell(3).setCellValue(assignment.id());
            workbook.write(out);
            WorkbookImport result = workbooks.apply(dr2, "egen.xlsx", out.toByteArray());
            assertThat(result.changes()).singleElement().satisfies(c -> assertThat(c.row()).isEqualTo(2));
        }
        FollowUpRow after = byId().get(assignment.id());
        assertThat(after.comment()).isEqualTo("Omflyttad kolumn.");
        assertThat(after.status()).isEqualTo("Påbörjat");
    }
}
