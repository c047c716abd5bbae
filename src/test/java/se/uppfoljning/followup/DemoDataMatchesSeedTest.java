package se.uppfoljning.followup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SeedReport;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.structure.StructureImportResult;
import se.uppfoljning.structure.StructureImportService;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data is the seed's Bilaga 2, word for word and in the report's order. */
class DemoDataMatchesSeedTest extends AbstractIntegrationTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    MeasureService measures;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
        signIn("politiker");
    }

    @Test
    void everyRowOfBilaga2ComesOutWordForWordInOrder() {
        List<SeedReport.Row> seed = SeedReport.bilaga2Rows();
        assertThat(seed).hasSize(52);

        FollowUpOverview overview = followUp.overview("ks", "2024-dr1");
        List<SeedReport.Row> demo = new ArrayList<>();
        for (AreaSection area : overview.areas()) {
            for (GoalSection goal : area.goals()) {
                String table = goal.kind() == ItemKind.INDICATOR ? "Kommunövergripande indikatorer" : "Nämndmål";
                String heading = "Strategiskt mål " + goal.number() + ": " + goal.text();
                goal.rows().forEach(r -> demo.add(new SeedReport.Row(area.name(), heading, table, r.printedText(),
                        r.status() == null ? "" : r.status(), r.comment())));
            }
            for (AssignmentSection section : area.assignments()) {
                String table = (section.carriedOver() ? "Kvarstående uppdrag från ÖSB " : "Uppdrag ÖSB ") + section.osbYear();
                section.rows().forEach(r -> demo.add(new SeedReport.Row(area.name(), null, table, r.printedText(),
                        r.status() == null ? "" : r.status(), r.comment())));
            }
        }
        assertThat(demo).containsExactlyElementsOf(seed);
    }

    @Test
    void areasAndStrategicGoalsComeInTheReportsOrder() {
        FollowUpOverview overview = followUp.overview("ks", "2024-dr1");
        List<String> headings = new ArrayList<>();
        for (AreaSection area : overview.areas()) {
            headings.add(area.name());
            area.goals().forEach(g -> headings.add("Strategiskt mål " + g.number() + ": " + g.text()));
        }
        assertThat(headings).containsExactlyElementsOf(SeedReport.bilaga2Headings());
    }

    @Test
    void everyRowHasAnOwningDepartmentAndSafetyAssignmentsBelongToSakerhetsavdelningen() {
        FollowUpOverview overview = followUp.overview("ks", "2024-dr1");
        assertThat(overview.rows()).allSatisfy(r -> assertThat(r.owner()).isNotBlank());
        assertThat(overview.rows()).filteredOn(r -> r.text().contains("narkotikateam") || r.text().contains("säkerhetsavdelning"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.owner()).isEqualTo("Säkerhetsavdelningen"));
        assertThat(overview.rows()).filteredOn(r -> "2.1".equals(r.number())).singleElement()
                .satisfies(r -> assertThat(r.owner()).isEqualTo("HR-avdelningen"));
        assertThat(overview.rows()).filteredOn(r -> "14.1".equals(r.number()) || "14.2".equals(r.number()))
                .hasSize(2).allSatisfy(r -> assertThat(r.owner()).isEqualTo("Näringslivsavdelningen"));
    }

    @Test
    void bilaga1sFourMeasuresAreStored() {
        var context = periods.context("ks", "2024-dr1");
        List<se.uppfoljning.measures.Measure> stored = measures.measures(context);
        assertThat(stored).extracting(se.uppfoljning.measures.Measure::number).containsExactly(1, 2, 3, 4);
        assertThat(stored.get(0).diaryNumber()).isEqualTo("Ks 1503/2022");
        assertThat(stored.get(0).forecastEffect()).isEqualTo(5_800_000L);
        assertThat(stored.get(1).totalEffect()).isEqualTo(2_200_000L);
        assertThat(stored.get(2).decision()).isEqualTo("KS 2023-03-14");
        assertThat(stored.get(3).forecastEffect()).isNull();
        assertThat(stored.get(3).expectedEffect()).isEqualTo("Ekonomi i balans på sikt.");
    }

    @Test
    void importingTheDemoFileAgainChangesNothing() throws Exception {
        signIn("sekretariat");
        var context = periods.context("ks", "2024-dr1");
        byte[] file = new org.springframework.core.io.ClassPathResource("demo/ks-2024-dr1.csv").getInputStream().readAllBytes();
        StructureImportResult again = importService.importFile(context, "ks-2024-dr1.csv", file, false);
        assertThat(again).isEqualTo(new StructureImportResult(52, 0, 0, 0));
    }

    @Autowired
    StructureImportService importService;
}
