package se.uppfoljning.appendix.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Heading;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table-heavy PDF keeps one background artifact property list per page, not one per painted box (openhtmltopdf makes
 * about four per table cell, which held over 100 MB for a large report): every page's property dictionary stays small,
 * and its background artifact encloses the page.
 */
class PdfArtifactsTest {

    @Test
    void oneBackgroundArtifactListPerPage() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < 300; r++) {
            rows.add(List.of("Rad " + r, "-1 234", "5 678", "97 %"));
        }
        List<Column> columns = List.of(new Column("Enhet", 40), new Column("Utfall", 20), new Column("Budget", 20),
                new Column("Andel", 20));
        AppendixDocument document = new AppendixDocument("Prov", "Nämnd", "Delår", LocalDate.of(2024, 8, 31),
                "Sida {0} av {1}", List.of(new Heading(1, "Prov"), AppendixDocument.amounts(columns, rows, Set.of(9))));
        try (PDDocument pdf = Loader.loadPDF(PdfRenderer.render(document, true))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
            for (PDPage page : pdf.getPages()) {
                COSDictionary properties = page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
                // 300 rows of four cells on a handful of pages: one shared background list and the running header and
                // footer's pagination artifacts
                assertThat(properties.size()).isLessThanOrEqualTo(4);
                int backgrounds = 0;
                for (COSName key : properties.keySet()) {
                    COSDictionary list = properties.getCOSDictionary(key);
                    if (COSName.BACKGROUND.equals(list.getCOSName(COSName.TYPE))) {
                        backgrounds++;
                        COSArray box = list.getCOSArray(COSName.BBOX);
                        assertThat(box.toFloatArray()).containsExactly(page.getMediaBox().getCOSArray().toFloatArray());
                    }
                }
                assertThat(backgrounds).isEqualTo(1);
            }
        }
    }
}
