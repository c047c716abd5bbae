package se.uppfoljning.appendix;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SeedReport;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF appendices carry the seed's text in order and are tagged, in Swedish, with embedded fonts. */
class AppendixPdfTest extends AbstractIntegrationTest {

    @Autowired
    AppendixService appendices;
    @Autowired
    PeriodService periods;

    CommitteeContext context;

    @BeforeEach
    void setUp() {
        testData.reset();
        signIn("politiker");
        context = periods.context("ks", "2024-dr1");
    }

    private byte[] pdf(AppendixKind kind) {
        return appendices.generate(context, kind, AppendixFormat.PDF).content();
    }

    /** The text as PDFBox extracts it, without any whitespace: line breaks inside cells then do not matter. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return compact(new PDFTextStripper().getText(document));
        }
    }

    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Asserts that the parts appear in this order, each directly or later after the previous one. */
    static void assertInOrder(String text, List<String> parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(compact(part), at);
            assertThat(found).as("\"%s\" after position %d", part, at).isGreaterThanOrEqualTo(0);
            at = found + compact(part).length();
        }
    }

    @Test
    void bilaga2sRowsAndHeadingsAreInThePdfWordForWordInOrder() throws IOException {
        byte[] pdf = pdf(AppendixKind.BILAGA_2);
        String text = text(pdf);
        List<SeedReport.Row> seed = SeedReport.bilaga2Rows();
        assertThat(seed).hasSize(52);
        for (SeedReport.Row row : seed) {
            // each row's three cells follow each other directly: the row is one unit of text
            assertThat(text).contains(compact(row.text() + row.status() + row.comment()));
        }
        List<String> order = new ArrayList<>();
        order.add("Bilaga 2: Uppföljning av strategiska mål och uppdrag");
        // italic runs are painted after the line's upright text: read the one-column introduction by position
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper byPosition = new PDFTextStripper();
            byPosition.setSortByPosition(true);
            byPosition.setEndPage(1);
            assertThat(compact(byPosition.getText(document)))
                    .contains(compact(SeedReport.bilaga2Introduction().replace("*", "")));
        }
        String area = null;
        String goal = null;
        String table = null;
        for (SeedReport.Row row : seed) {
            if (!row.area().equals(area)) {
                order.add(row.area());
                area = row.area();
            }
            if (row.strategicGoal() != null && !row.strategicGoal().equals(goal)) {
                order.add(row.strategicGoal());
                goal = row.strategicGoal();
            }
            if (!row.tableHeading().equals(table) || row.strategicGoal() != null && order.get(order.size() - 1).equals(goal)) {
                order.add(row.tableHeading());
                table = row.tableHeading();
            }
            order.add(row.text() + row.status() + row.comment());
        }
        assertInOrder(text, order);
    }

    @Test
    void bilaga1sFourMeasuresAreInThePdf() throws IOException {
        String text = text(pdf(AppendixKind.BILAGA_1));
        List<String> order = new ArrayList<>();
        order.add("Bilaga 1: Planerade och vidtagna åtgärder");
        for (SeedReport.Measure measure : SeedReport.bilaga1Measures()) {
            order.add(String.join("", AppendixWordTest.printedHeader(measure.header())));
            order.add(String.join("", measure.cells()));
            order.add("Kommentar:" + measure.comment());
        }
        assertThat(order).hasSize(13);
        assertInOrder(text, order);
    }

    @Test
    void pdfIsTaggedInSwedishWithTitleAndEmbeddedFonts() throws IOException {
        for (AppendixKind kind : AppendixKind.values()) {
            try (PDDocument document = Loader.loadPDF(pdf(kind))) {
                var catalog = document.getDocumentCatalog();
                assertThat(catalog.getMarkInfo()).isNotNull();
                assertThat(catalog.getMarkInfo().isMarked()).isTrue();
                assertThat(catalog.getLanguage()).isEqualTo("sv-SE");
                assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo(appendices.title(kind));
                assertThat(catalog.getMetadata()).as("XMP metadata").isNotNull();
                assertThat(catalog.getStructureTreeRoot()).isNotNull();

                List<String> types = new ArrayList<>();
                collectTypes(catalog.getStructureTreeRoot(), types);
                assertThat(types).contains("H1", "Table", "TH", "TD", "TR");
                if (kind == AppendixKind.BILAGA_2) {
                    assertThat(types).contains("H2", "H3");
                    assertThat(types.stream().filter("H3"::equals).count()).isEqualTo(16);
                }

                int fonts = 0;
                for (PDPage page : document.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                        assertThat(font.getName()).contains("DejaVuSans");
                        fonts++;
                    }
                }
                assertThat(fonts).isPositive();
            }
        }
    }

    private static void collectTypes(PDStructureNode node, List<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                collectTypes(element, types);
            }
        }
    }

    @Test
    void samePdfBytesForTheSameData() {
        assertThat(pdf(AppendixKind.BILAGA_2)).isEqualTo(pdf(AppendixKind.BILAGA_2));
        assertThat(pdf(AppendixKind.BILAGA_1)).isEqualTo(pdf(AppendixKind.BILAGA_1));
    }
}
