package se.uppfoljning.finance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import: validation before anything is written, idempotent replace, the import log, the derived goal. */
class FinanceImportTest extends AbstractIntegrationTest {

    @Autowired
    FinanceService finance;

    @Autowired
    FinanceImportService financeImport;

    @Autowired
    FollowUpService followUp;

    @Autowired
    PeriodService periods;

    @Autowired
    Messages messages;

    CommitteeContext context;

    @BeforeEach
    void reset() {
        testData.reset();
        testData.copyDr1FiguresAndMeasuresToDr2();
        signIn("controller");
        context = periods.context("ks", "2024-dr2");
    }

    private List<FinanceTable> tables() {
        return finance.overview(context).tables();
    }

    /** The import is refused with the expected detail and the figures stay exactly as they were. */
    private ErrorDetail rejected(byte[] content, Integer line, String column, String messagePart) {
        List<FinanceTable> before = tables();
        FinanceSummary summaryBefore = finance.summary(context);
        Supplier<Object> attempt = () -> financeImport.importFile(context, "fel.csv", content);
        ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(attempt::get);
        assertThat(e).as("refused").isNotNull();
        assertThat(tables()).isEqualTo(before);
        assertThat(finance.summary(context).netForecast()).isEqualTo(summaryBefore.netForecast());
        String text = messages.of(e) + " " + e.details();
        assertThat(text).contains(messagePart);
        if (line == null) {
            return null;
        }
        ErrorDetail detail = e.details().stream().filter(d -> line.equals(d.line())).findFirst().orElseThrow(
                () -> new AssertionError("no detail on line " + line + ": " + e.details()));
        assertThat(detail.column()).isEqualTo(column);
        return detail;
    }

    @Test
    void duplicateRowsAreRefusedNamingBothLines() {
        String csv = FinanceTestFiles.demoCsv();
        String line7 = csv.lines().toList().get(6);
        byte[] content = (csv + line7 + "\n").getBytes(StandardCharsets.UTF_8);
        int last = (int) csv.lines().count() + 1;
        ErrorDetail d = rejected(content, last, "kod", "finns redan på rad 7");
        assertThat(d.message()).contains("ÖKL");
    }

    @Test
    void unknownCutsAndLevelsAreRefused() {
        rejected(FinanceTestFiles.withField(8, 1, "avdelning"), 8, "snitt", "Okänt snitt");
        rejected(FinanceTestFiles.withField(9, 0, "ÖKX"), 9, "niva", "Okänd budgetnivå");
    }

    @Test
    void textInAmountsIsRefused() {
        rejected(FinanceTestFiles.withField(10, 7, "12a"), 10, "utfall_ack", "inte ett belopp i hela kronor");
        rejected(FinanceTestFiles.withField(10, 10, "1,5"), 10, "prognos_helar", "inte ett belopp");
        rejected(FinanceTestFiles.withField(10, 11, ""), 10, "budget_helar", "Belopp saknas");
    }

    @Test
    void missingRequiredColumnsAreRefused() {
        String csv = FinanceTestFiles.demoCsv().replaceFirst("prognos_helar", "prognos");
        rejected(csv.getBytes(StandardCharsets.UTF_8), 1, "prognos_helar", "Kolumnen saknas");
    }

    @Test
    void emptyBinaryNonUtf8AndOversizedFilesAreRefused() {
        rejected(new byte[0], null, null, "Filen är tom");
        rejected("niva;snitt;kod;namn;bokslut_fg_ar;utfall_ack;prognos_helar;budget_helar\n"
                .getBytes(StandardCharsets.UTF_8), null, null, "inga rader");
        byte[] binary = FinanceTestFiles.demo();
        binary[300] = 0;
        rejected(binary, null, null, "binärt");
        rejected(FinanceTestFiles.demoCsv().getBytes(StandardCharsets.ISO_8859_1), 5, null, "UTF-8"); // "förvaltningen"
        rejected(new byte[(int) financeImport.maxBytes() + 1], null, null, "större än");
        rejected(new byte[]{'P', 'K', 3, 4, 1, 2, 3}, null, null, "Excel");
    }

    @Test
    void refusedImportsAreRecordedAndChangeNothing() {
        assertThatThrownBy(() -> financeImport.importFile(context, "fel.csv", FinanceTestFiles.withField(10, 7, "x")))
                .isInstanceOf(ValidationException.class);
        var imports = finance.imports(context);
        assertThat(imports.get(0).result()).isEqualTo("REJECTED");
        assertThat(imports.get(0).fileName()).isEqualTo("fel.csv");
        assertThat(imports.get(0).sha256()).hasSize(64);
        assertThat(imports.get(0).importedBy()).isEqualTo("controller");
    }

    @Test
    void theSameFiguresAgainChangeNothingInAnyAcceptedShape() {
        List<FinanceTable> before = tables();
        for (byte[] same : List.of(FinanceTestFiles.demo(), FinanceTestFiles.demoXlsx(),
                FinanceTestFiles.demoReshaped())) {
            FinanceImportResult result = financeImport.importFile(context, "samma", same);
            assertThat(result.unchanged()).as("unchanged: " + result).isTrue();
            assertThat(result.rows()).isEqualTo(162);
            assertThat(result.levels()).containsExactly("KS", "ÖKL", "ÖKF", "ÖKG", "ÖKA");
        }
        assertThat(tables()).isEqualTo(before);
        var imports = finance.imports(context);
        assertThat(imports.get(0).result()).isEqualTo("UNCHANGED");
        assertThat(finance.summary(context).balancedBudget().loadedBy()).isEqualTo("system");
    }

    @Test
    void theOptionalHeadingsComeFromTheFileAndAreCheckedWithLineAndColumn() {
        List<FinanceTable> tables = tables();
        FinanceTable summary = table(tables, FinanceCut.SUMMARY, "KS");
        assertThat(summary.prevPeriodDate()).isEqualTo(LocalDate.of(2023, 8, 31));
        assertThat(FinanceColumns.columns(FinanceCut.SUMMARY, context.period(), summary.prevPeriodDate(),
                (key, args) -> messages.get(key, args)).get(0).header()).isEqualTo("Utfall 230831");
        assertThat(table(tables, FinanceCut.UNIT, "ÖKL").rowHeading()).isEqualTo("RN3");
        FinanceTable common = table(tables, FinanceCut.UNIT, "ÖKG");
        assertThat(common.rowHeading()).isEqualTo("RN5");
        assertThat(common.groupHeading()).isEqualTo("RN2");
        assertThat(common.lines().get(0).groupLabel()).isEqualTo("KGE Kommungemensamt Övrigt");
        assertThat(table(tables, FinanceCut.ACCOUNT_GROUP, "ÖKL").rowHeading()).isEqualTo("KONTOGRUPP SUM");

        rejected(FinanceTestFiles.withField(2, 13, "2023-02-30"), 2, "utfall_fg_period_datum", "inte ett datum");
        rejected(FinanceTestFiles.withField(2, 13, "230831"), 2, "utfall_fg_period_datum", "ÅÅÅÅ-MM-DD");
        int noGroup = FinanceTestFiles.demoCsv().lines().toList().indexOf(FinanceTestFiles.demoCsv().lines()
                .filter(l -> l.startsWith("ÖKL;kontogrupp;;")).findFirst().orElseThrow()) + 1;
        rejected(FinanceTestFiles.withField(noGroup, 14, "Namn"), noGroup, "grupp_namn", "Gruppnamn utan grupp");

        // one summary line without its date: no date is printed over figures the file does not date
        financeImport.importFile(context, "utan-datum.csv", FinanceTestFiles.withField(3, 13, ""));
        FinanceTable undated = table(tables(), FinanceCut.SUMMARY, "KS");
        assertThat(undated.prevPeriodDate()).isNull();
        assertThat(FinanceColumns.columns(FinanceCut.SUMMARY, context.period(), undated.prevPeriodDate(),
                (key, args) -> messages.get(key, args)).get(0).header()).isEqualTo("Utfall samma period förra året");
    }

    private static FinanceTable table(List<FinanceTable> tables, FinanceCut cut, String level) {
        return tables.stream().filter(t -> t.cut() == cut && t.levelCode().equals(level)).findFirst().orElseThrow();
    }

    @Test
    void aFileReplacesOnlyTheLevelsItContains() {
        String only = FinanceTestFiles.demoCsv().lines()
                .filter(l -> l.startsWith("niva") || l.startsWith("ÖKA;"))
                .filter(l -> !l.startsWith("ÖKA;investering;;S:ÖKA;"))
                .reduce("", (a, b) -> a + b + "\n");
        FinanceImportResult result = financeImport.importFile(context, "oka.csv", only.getBytes(StandardCharsets.UTF_8));
        assertThat(result.levels()).containsExactly("ÖKA");
        assertThat(result.removed()).isEqualTo(1);
        assertThat(result.added() + result.changed()).isZero();
        assertThat(finance.summary(context).netDeviation()).isEqualTo(-48_999_000L);
    }

    @Test
    void theBalancedBudgetGoalFollowsTheFigures() {
        FinanceImportResult preview = financeImport.preview(context, "halv.csv", FinanceTestFiles.withNetDeviation("-0.5"));
        assertThat(preview.goalStatus()).isEqualTo("Uppfylls");
        assertThat(preview.changed()).isEqualTo(2);
        assertThat(goal().status()).as("preview changes nothing").isEqualTo("Uppfylls ej");

        FinanceImportResult result = financeImport.importFile(context, "halv.csv", FinanceTestFiles.withNetDeviation("-0.5"));
        assertThat(result.goalStatus()).isEqualTo("Uppfylls");
        assertThat(FinanceFormat.percent1(result.deviationPercent())).isEqualTo("-0,5 %");
        FollowUpRow goal = goal();
        assertThat(goal.status()).isEqualTo("Uppfylls");
        assertThat(goal.comment()).isEqualTo("Helårsprognosen indikerar ingen negativ budgetavvikelse större än 1 %.");
        assertThat(goal.updatedBy()).isEqualTo("Conny Controller");
        assertThat(finance.summary(context).balancedBudget().status()).isEqualTo("Uppfylls");

        financeImport.importFile(context, "original.csv", FinanceTestFiles.demo());
        assertThat(goal().status()).isEqualTo("Uppfylls ej");
        assertThat(goal().comment()).isEqualTo("Helårsprognosen indikerar en negativ budgetavvikelse större än 1 %.");
        assertThat(finance.summary(context).balancedBudget().loadedBy()).isEqualTo("controller");
    }

    @Test
    void theDerivedGoalCannotBeSetByHand() {
        signIn("sekretariat");
        FollowUpRow goal = goal();
        assertThatThrownBy(() -> followUp.save(context, goal.id(), new FollowUpChange("Uppfylls", "För hand", goal.version())))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(messages.of((DomainException) e))
                        .isEqualTo("Målet härleds från ekonomin och kan inte sättas för hand."));
    }

    @Test
    void onlyControllersImport() {
        for (String user : List.of("politiker", "tjansteperson", "sekretariat", "admin")) {
            signIn(user);
            assertThatThrownBy(() -> financeImport.importFile(context, "x.csv", FinanceTestFiles.demo()))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> financeImport.preview(context, "x.csv", FinanceTestFiles.demo()))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThat(finance.summary(context).netDeviation()).as(user + " reads").isEqualTo(-48_999_000L);
        }
    }

    @Test
    void checksFindDisagreeingCutsAndSums() {
        // ÖKL's first unit forecast +100 tkr: its unit total now differs from the account groups and from "Summa KLP"
        byte[] content = FinanceTestFiles.withField(7, FinanceTestFiles.FORECAST, String.valueOf(-3_103_000 + 100_000));
        FinanceImportResult result = financeImport.importFile(context, "avvikande.csv", content);
        assertThat(result.warnings()).extracting(FinanceFinding::message)
                .anyMatch(m -> m.startsWith("ÖKL: totalen per Kontogrupp skiljer sig från totalen per Enhet för Helårsprognos"))
                .anyMatch(m -> m.startsWith("ÖKL, tabellen per Enhet: summaraden ”Summa KLP” visar")
                        && m.contains("i Helårsprognos") && m.contains("(skillnad -100 tkr)"))
                .noneMatch(m -> m.contains("S:KLP")); // in tkr and without internal row codes
        assertThat(finance.summary(context).findings()).hasSize(result.warnings().size());
    }

    private FollowUpRow goal() {
        return followUp.overview(context).rows().stream().filter(FollowUpRow::derivedFromFinance).findFirst()
                .orElseThrow();
    }
}
