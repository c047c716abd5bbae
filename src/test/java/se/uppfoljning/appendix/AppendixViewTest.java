package se.uppfoljning.appendix;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.SeedReport;
import se.uppfoljning.measures.Measure;
import se.uppfoljning.periods.PeriodService;

import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The appendix view: the secretariat previews and keeps measures; every role downloads complete files. */
class AppendixViewTest extends KaribuTest {

    @Autowired
    AppendixService appendices;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private Anchor waitForDownload(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            MockVaadin.clientRoundtrip();
            List<Anchor> found = _find(Anchor.class, spec -> spec.withId(id));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No download link " + id);
    }

    @Test
    void secretariatPreviewsBilaga2WithTheSeedsRows() {
        login("sekretariat");
        UI.getCurrent().navigate("bilagor");
        _click(_get(Button.class, spec -> spec.withId("bilaga-2-preview")));
        IFrame preview = _get(IFrame.class, spec -> spec.withId("appendix-preview"));
        assertThat(preview.isVisible()).isTrue();
        String html = preview.getElement().getAttribute("srcdoc");
        assertThat(html).contains("lang=\"sv-SE\"", "<h1>Bilaga 2: Uppföljning av strategiska mål och uppdrag</h1>",
                "<em>kommer att vara genomfört</em>");
        for (SeedReport.Row row : SeedReport.bilaga2Rows()) {
            assertThat(html).contains("<td>" + escape(row.text()) + "</td><td>" + escape(row.status()) + "</td><td>"
                    + escape(row.comment()) + "</td>");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void politicianDownloadsTheSameWordFileTheServiceGivesButHasNoPreviewOrEditor() throws Exception {
        login("politiker");
        // in the open period a politician is offered no drafts to create
        UI.getCurrent().navigate("bilagor", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("namnd", "ks", "period", "2024-dr2")));
        _assertNone(Button.class, spec -> spec.withId("bilaga-2-docx"));
        // the decided period (where a politician starts) offers the stored files
        UI.getCurrent().navigate("bilagor", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("namnd", "ks", "period", "2024-dr1")));
        _assertNone(Button.class, spec -> spec.withId("bilaga-2-preview"));
        _assertNone(Button.class, spec -> spec.withId("measure-add"));
        _click(_get(Button.class, spec -> spec.withId("bilaga-2-docx")));
        Anchor link = waitForDownload("bilaga-2-docx-download");
        assertThat(link.getText()).contains("Bilaga 2 Uppföljning av strategiska mål och uppdrag - Kommunstyrelsen");
        byte[] downloaded = DownloadKt._download(link);
        byte[] expected = appendices.generate(periods.context("ks", "2024-dr1"), AppendixKind.BILAGA_2,
                AppendixFormat.DOCX).content();
        assertThat(downloaded).isEqualTo(expected);
        assertThat(WordContent.of(downloaded).rows()).containsExactlyElementsOf(SeedReport.bilaga2Rows());
    }

    @Test
    void theDecidedPeriodOffersTheStoredFileWithItsChecksum() throws Exception {
        login("politiker");
        UI.getCurrent().navigate("bilagor");
        @SuppressWarnings("unchecked")
        var period = (com.vaadin.flow.component.select.Select<se.uppfoljning.periods.ReportingPeriod>)
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("period-select"));
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(period,
                period.getListDataView().getItems().filter(p -> p.slug().equals("2024-dr1")).findFirst().orElseThrow());
        UI.getCurrent().navigate("bilagor");
        _click(_get(Button.class, spec -> spec.withId("bilaga-2-docx")));
        byte[] downloaded = DownloadKt._download(waitForDownload("bilaga-2-docx-download"));
        String stored = appendices.generate(periods.context("ks", "2024-dr1"), AppendixKind.BILAGA_2,
                AppendixFormat.DOCX).sha256();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(downloaded)))
                .isEqualTo(stored);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("bilaga-2-docx-sha256"))
                .getElement().getTextRecursively()).isEqualTo("Beslutad version (lagrad vid beslutet), SHA-256: " + stored);
        // shown before anything is fetched, apart from the link text
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withId("bilaga-2-docx-stored-sha256")).getElement().getTextRecursively()).endsWith(stored);
    }

    @Test
    void pdfDownloadIsAPdf() throws Exception {
        login("tjansteperson");
        UI.getCurrent().navigate("bilagor", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("namnd", "ks", "period", "2024-dr1")));
        _click(_get(Button.class, spec -> spec.withId("bilaga-1-pdf")));
        byte[] pdf = DownloadKt._download(waitForDownload("bilaga-1-pdf-download"));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretariatAddsAMeasureWithSwedishValidation() {
        testData.copyDr1FiguresAndMeasuresToDr2(); // the view opens the open period 2024-dr2
        login("sekretariat");
        UI.getCurrent().navigate("bilagor");
        Grid<Measure> grid = _get(Grid.class, spec -> spec.withId("measure-grid"));
        assertThat(_size(grid)).isEqualTo(4);

        _click(_get(Button.class, spec -> spec.withId("measure-add")));
        _get(TextArea.class, spec -> spec.withId("measure-description")).setValue("Översyn av licenser");
        TextField forecast = _get(TextField.class, spec -> spec.withId("measure-forecast"));
        forecast.setValue("1,25");
        _click(_get(Button.class, spec -> spec.withId("measure-save")));
        assertThat(forecast.isInvalid()).isTrue();
        assertThat(forecast.getErrorMessage()).isEqualTo("Ange beloppet i mnkr med högst en decimal, till exempel 5,8.");
        assertThat(_size(grid)).isEqualTo(4);

        forecast.setValue("1,2");
        _click(_get(Button.class, spec -> spec.withId("measure-save")));
        assertThat(_size(grid)).isEqualTo(5);
        _assertNone(TextField.class, spec -> spec.withId("measure-forecast"));

        _click((Button) GridKt._getCellComponent(grid, 0, "actions"));
        TextField total = _get(TextField.class, spec -> spec.withId("measure-total"));
        assertThat(total.getValue()).isEqualTo("5,8");
        _get(TextArea.class, spec -> spec.withId("measure-comment")).setValue("Uppdaterad i vyn.");
        _click(_get(Button.class, spec -> spec.withId("measure-save")));
        Measure first = GridKt._get(grid, 0);
        assertThat(first.comment()).isEqualTo("Uppdaterad i vyn.");
        assertThat(first.totalEffect()).isEqualTo(5_800_000L);
    }
}
