package se.uppfoljning.finance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.finance.FinanceTestFiles;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The finance view in a mocked browser: what everyone sees, and the controller's upload → preview → confirm. */
class FinanceViewTest extends KaribuTest {

    @BeforeEach
    void reset() {
        testData.reset();
        testData.copyDr1FiguresAndMeasuresToDr2();
    }

    @Test
    void everyoneSeesTheCalculationTablesChartAndExport() {
        login("politiker");
        UI.getCurrent().navigate("ekonomi");
        assertThat(_get(Span.class, s -> s.withId("balanced-status")).getText()).isEqualTo("Uppfylls ej");
        assertThat(_get(Paragraph.class, s -> s.withId("balanced-comment")).getText())
                .isEqualTo("Helårsprognosen indikerar en negativ budgetavvikelse större än 1 %.");
        String calculation = _find(ListItem.class).stream().map(ListItem::getText).reduce("", String::concat);
        assertThat(calculation).contains("Helårsprognos, netto: -924 381 tkr", "Helårsbudget, netto: -875 382 tkr",
                "Avvikelse: -48 999 tkr (-49,0 mnkr)", "Avvikelse i procent av budget: -5,6 %", "större än 1 %",
                "av system");
        Section summary = _get(Section.class, s -> s.withId("table-KS-sammanstallning"));
        String cells = _find(summary, NativeTableCell.class).stream().map(NativeTableCell::getText)
                .reduce("", (a, b) -> a + "|" + b);
        assertThat(cells).contains("|Nettokostnad|-511 417|-856 560|-227 400|-837 253|-875 382|-38 129|-924 381|-48 999 ▼");
        // the summary at the top: a picture of forecast against budget and the limit
        assertThat(_get(com.vaadin.flow.component.html.Div.class, s -> s.withId("balanced-picture")).getElement()
                .getOuterHTML()).contains("<svg", "Gräns:", "-884 136 tkr");
        // one tab per cut; the unit tab holds its tables and the chart that draws them
        var tabs = _get(com.vaadin.flow.component.tabs.TabSheet.class, s -> s.withId("finance-tabs"));
        tabs.setSelectedIndex(1);
        Section oka = _get(Section.class, s -> s.withId("table-ÖKA-enhet"));
        String okaCells = _find(oka, NativeTableCell.class).stream().map(NativeTableCell::getText)
                .reduce("", (a, b) -> a + "|" + b);
        assertThat(okaCells).contains("|KAA Staben|-75 611|-18 168|-19 552|1 384|93 %|-78 601|-76 969|-1 632 ▼");
        _get(Section.class, s -> s.withId("deviation-chart"));
        // a politician sees whether the figures are consistent, not the controllers' findings
        assertThat(_get(Paragraph.class, s -> s.withId("finance-consistent")).getText())
                .startsWith("Kontrollen av siffrorna hittade 2 avvikelser");
        _get(Anchor.class, s -> s.withId("export-xlsx"));
        _assertNone(Upload.class);
    }

    @Test
    void controllerUploadsPreviewsAndConfirms() {
        login("controller");
        UI.getCurrent().navigate("ekonomi");
        _get(Upload.class, s -> s.withId("finance-upload"));
        FinanceView view = _get(FinanceView.class);

        view.previewFile("fel.csv", FinanceTestFiles.withField(5, 7, "tio"));
        assertThat(_get(Paragraph.class, s -> s.withId("import-error")).getText())
                .contains("Ingenting har sparats", "Rad 5, utfall_ack");

        view.previewFile("halv.csv", FinanceTestFiles.withNetDeviation("-0.5"));
        assertThat(_get(ListItem.class, s -> s.withId("preview-goal-status")).getText())
                .isEqualTo("Ekonomi i balans blir: Uppfylls");
        assertThat(_get(Span.class, s -> s.withId("balanced-status")).getText()).as("not yet").isEqualTo("Uppfylls ej");
        _get(Button.class, s -> s.withId("import-confirm")).click();
        assertThat(_get(Span.class, s -> s.withId("balanced-status")).getText()).isEqualTo("Uppfylls");
        assertThat(_get(Paragraph.class, s -> s.withId("balanced-comment")).getText())
                .isEqualTo("Helårsprognosen indikerar ingen negativ budgetavvikelse större än 1 %.");
    }
}
