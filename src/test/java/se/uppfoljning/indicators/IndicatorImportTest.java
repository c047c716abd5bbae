package se.uppfoljning.indicators;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.appendix.AppendixService;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.indicators.kolada.KoladaClient;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.PeriodService;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Measured values from a spreadsheet (source IMPORT), and the values in Bilaga 2 with their source credited. */
class IndicatorImportTest extends AbstractIntegrationTest {

    private static final String HEADER = "nummer;ar;varde;kon;preliminar\n";

    @Autowired
    IndicatorService indicators;
    @Autowired
    OrganisationService organisation;
    @Autowired
    PeriodService periods;
    @Autowired
    AppendixService appendices;
    @Autowired
    KoladaClient koladaClient;

    private long item141;
    private String otherDepartmentsNumber;

    @BeforeEach
    void setUp() {
        testData.reset();
        item141 = testData.ksItemId("14.1");
        otherDepartmentsNumber = (String) testData.db().fetchValue("select i.number from follow_up_item i "
                + "join committee c on c.id = i.committee_id join department d on d.id = i.department_id "
                + "where c.slug = 'ks' and i.plan_year = 2024 and i.kind <> 'ASSIGNMENT' and i.number is not null "
                + "and d.name <> 'Näringslivsavdelningen' order by i.id limit 1");
        testData.addNaringslivOfficial();
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private int auditLines() {
        return testData.db().fetchCount(testData.db().selectFrom("audit_log")
                .where("action = 'indicators.valuesChanged'"));
    }

    @Test
    void anOfficialImportsTheDepartmentsValuesAfterAPreviewAndARevisionKeepsTheOldValue() {
        signIn("naringsliv");
        byte[] file = csv("14.1;2023;73;;nej\n14.1;2024;76;T;ja\n14.1;2024;74,5;K;ja\n");

        ValueImport preview = indicators.previewValues("ks", 2024, "nki.csv", file);
        assertThat(preview.added()).isEqualTo(3);
        assertThat(preview.lines()).extracting(ValueImport.Line::line).containsExactly(2, 3, 4);
        assertThat(indicators.detail("ks", item141).values()).isEmpty(); // a preview writes nothing

        ValueImport done = indicators.importValues("ks", 2024, "nki.csv", file);
        assertThat(done.added()).isEqualTo(3);
        IndicatorDetail detail = indicators.detail("ks", item141);
        assertThat(detail.values()).extracting(v -> v.year() + v.gender() + "=" + v.value().toPlainString()
                        + (v.preliminary() ? "p" : "") + ":" + v.source() + ":" + v.sourceRef())
                .containsExactly("2023T=73:IMPORT:nki.csv", "2024T=76p:IMPORT:nki.csv", "2024K=74.5p:IMPORT:nki.csv");
        assertThat(detail.proposal().outcome()).isEqualTo(Proposal.Outcome.MET); // 76 against "minst 75"
        assertThat(auditLines()).isEqualTo(1);

        // the final figure for 2024 arrives: revised, the preliminary one stays in the history; the rest unchanged
        ValueImport revised = indicators.importValues("ks", 2024, "nki-slutlig.xlsx.csv",
                csv("14.1;2023;73;;\n14.1;2024;74;;nej\n"));
        assertThat(revised.revised()).isEqualTo(1);
        assertThat(revised.unchanged()).isEqualTo(1);
        assertThat(revised.lines()).extracting(ValueImport.Line::outcome)
                .containsExactly(ValueImport.Outcome.UNCHANGED, ValueImport.Outcome.REVISED);
        IndicatorDetail after = indicators.detail("ks", item141);
        assertThat(after.totals()).extracting(v -> v.value().toPlainString()).containsExactly("73", "74");
        assertThat(after.history()).anySatisfy(h -> {
            assertThat(h.year()).isEqualTo(2024);
            assertThat(h.oldValue()).isEqualByComparingTo("76");
            assertThat(h.newValue()).isEqualByComparingTo("74");
        });
        assertThat(after.proposal().outcome()).isEqualTo(Proposal.Outcome.NOT_MET);
    }

    @Test
    void badRowsAreRefusedWithLineAndColumnAndNothingIsWritten() {
        signIn("naringsliv");
        byte[] file = csv("14.1;2023;73;;\n"            // fine, but the file as a whole is refused
                + "99.9;2023;1;;\n"                    // no such item
                + otherDepartmentsNumber + ";2023;1;;\n" // another department's item
                + "14.1;tjugo;1;;\n"                   // year
                + "14.1;2022;mycket;;\n"               // value
                + "14.1;2022;1;X;\n"                   // gender
                + "14.1;2021;1;;kanske\n"              // preliminary
                + "14.1;2023;74;;\n");                 // the same value twice
        ValidationException refusal = catchThrowableOfType(ValidationException.class,
                () -> indicators.importValues("ks", 2024, "fel.csv", file));
        assertThat(refusal.details()).extracting(d -> d.line() + ":" + d.column())
                .containsExactly("3:nummer", "4:nummer", "5:ar", "6:varde", "7:kon", "8:preliminar", "9:ar");
        assertThat(refusal.details()).extracting(ErrorDetail::message)
                .contains("Nämnden har ingen post med numret 99.9 för ÖSB 2024.", "Samma post, år och kön finns redan på rad 2.");
        assertThat(indicators.detail("ks", item141).values()).isEmpty();
        assertThat(auditLines()).isZero();

        ValidationException columns = catchThrowableOfType(ValidationException.class,
                () -> indicators.previewValues("ks", 2024, "fel.csv", "nummer;varde\n14.1;3\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(columns.details()).isNotEmpty();
    }

    @Test
    void aPoliticianMayNotImport() {
        signIn("politiker");
        long ks = organisation.committee("ks").id();
        assertThat(indicators.rights(ks)).isEqualTo(new IndicatorRights(false, false));
        assertThatThrownBy(() -> indicators.importValues("ks", 2024, "x.csv", csv("14.1;2023;73;;\n")))
                .isInstanceOf(AccessDeniedException.class);
        signIn("tjansteperson"); // an official imports their departments' values; fetching from Kolada is the secretariat's
        assertThat(indicators.rights(ks)).isEqualTo(new IndicatorRights(true, false));
        signIn("sekretariat");
        assertThat(indicators.rights(ks)).isEqualTo(new IndicatorRights(true, true));
        assertThat(indicators.importValues("ks", 2024, "x.csv", csv(otherDepartmentsNumber + ";2023;73;;\n"))
                .added()).isEqualTo(1); // the secretariat enters every department's values
    }

    @Test
    void bilaga2ShowsTheLatestValueWithTheTargetAndCreditsKolada() {
        String line = "Senaste värde: 76 (2024, preliminärt) · målvärde: minst 75 NKI";
        signIn("naringsliv");
        indicators.saveValue("ks", item141, new ValueChange(2024, "T", new BigDecimal("76"), true, 0));
        AppendixDocument document = appendices.document(periods.context("ks", "2024-dr2"), AppendixKind.BILAGA_2);
        List<List<String>> rows = document.blocks().stream()
                .filter(AppendixDocument.Table.class::isInstance).map(AppendixDocument.Table.class::cast)
                .flatMap(t -> t.rows().stream()).toList();
        int at = rows.indexOf(List.of(line));
        assertThat(at).isPositive();
        assertThat(rows.get(at - 1).get(0)).startsWith("14.1 ");
        assertThat(rows).filteredOn(r -> r.size() == 1 && r.get(0).startsWith("Senaste värde")).hasSize(1);

        // a later year's value stays out of the period's documents: 2024-dr2 shows what was known for 2024
        indicators.saveValue("ks", item141, new ValueChange(2025, "T", new BigDecimal("80"), false, 0));
        assertThat(appendices.document(periods.context("ks", "2024-dr2"), AppendixKind.BILAGA_2).blocks().stream()
                .filter(AppendixDocument.Table.class::isInstance).map(AppendixDocument.Table.class::cast)
                .flatMap(t -> t.rows().stream())).contains(List.of(line))
                .noneMatch(r -> r.size() == 1 && r.get(0).startsWith("Senaste värde: 80"));

        // a value from Kolada is credited
        try (RecordedKolada kolada = RecordedKolada.servingFor(koladaClient)) {
            signIn("sekretariat");
            IndicatorTarget t = indicators.detail("ks", item141).target().orElseThrow();
            indicators.setTarget("ks", item141, new TargetChange(t.kind().word(), t.value(), t.unit(), null,
                    "U07451", "1880", null, t.version()));
            kolada.route("/data/kpi/U07451/municipality/1880/year/", "municipality-page1.json")
                    .route("/data/kpi/U07451/municipality/1880/year/2017,2018,2019,2020,2021,2022,2023,2024,2025,2026?page=2",
                            "municipality-page2.json");
            indicators.refreshCommittee("ks");
        }
        AppendixDocument credited = appendices.document(periods.context("ks", "2024-dr2"), AppendixKind.BILAGA_2);
        assertThat(credited.blocks().stream().filter(AppendixDocument.Table.class::isInstance)
                .map(AppendixDocument.Table.class::cast).flatMap(t -> t.rows().stream()))
                .contains(List.of("Senaste värde: 76,5 (2024) · målvärde: minst 75 NKI · Källa: Kolada"));
    }
}
