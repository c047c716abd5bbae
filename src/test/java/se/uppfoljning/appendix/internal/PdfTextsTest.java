package se.uppfoljning.appendix.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Heading;
import se.uppfoljning.appendix.AppendixDocument.Paragraph;
import se.uppfoljning.appendix.AppendixDocument.Table;
import se.uppfoljning.appendix.RealWorldTexts;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF renderer draws every character of real-world texts (emoji, mathematical letters, Chinese, Arabic, Persian,
 * Tigrinya) with the shipped fonts, and long words and addresses wrap inside their table cell.
 */
class PdfTextsTest {

    static AppendixDocument document() {
        List<List<String>> rows = new ArrayList<>();
        for (String text : RealWorldTexts.ALL) {
            rows.add(List.of("1.1 Ett uppdrag", "Delvis uppfyllt", text));
        }
        return new AppendixDocument("Bilaga 2: Prov", "Kommunstyrelsen", "Delår 2 2024", LocalDate.of(2024, 8, 31),
                "Sida {0} av {1}", List.of(
                new Heading(1, "Bilaga 2: Prov"),
                Paragraph.ofMarkedText("Inledning med *kursiv* " + RealWorldTexts.EMOJI),
                new Heading(2, RealWorldTexts.NAMES),
                new Table(List.of(new Column("Uppdrag", 40), new Column("Prognos", 15), new Column("Kommentar", 45)),
                        rows),
                // Bilaga 1's shape: seven narrow columns, the comment row spanning six of them
                new Table(List.of(new Column("Åtgärd 1", 27), new Column("Beslutsdatum (om aktuellt)", 14),
                        new Column("Diarienummer (om aktuellt)", 14), new Column("Prognos effekt under året, mnkr", 9),
                        new Column("Beräknad total effekt, mnkr", 10), new Column("Hittills uppnådd effekt, mnkr", 9),
                        new Column("Beskriv förväntad effekt", 17)), List.of(
                        List.of(RealWorldTexts.LONG_WORD, "KS 2023-03-14", "KS 2023/1234", "5,8", "12,0", "−2,1",
                                RealWorldTexts.MATH),
                        List.of("Kommentar:", RealWorldTexts.LONG_URL + " " + RealWorldTexts.CHINESE)))));
    }

    @Test
    void everyCharacterIsInTheTextLayer() throws IOException {
        byte[] pdf = PdfRenderer.render(document());
        java.nio.file.Files.write(java.nio.file.Path.of("target/tmp/real-world-texts.pdf"), pdf);
        String text = se.uppfoljning.appendix.AppendixRealWorldTextsTest.sortedText(pdf);
        for (String expected : RealWorldTexts.ALL) {
            se.uppfoljning.appendix.AppendixRealWorldTextsTest.assertEveryWordIn(text, expected);
        }
        assertThat(text).doesNotContain("#");
        assertThat(se.uppfoljning.appendix.AppendixRealWorldTextsTest.text(pdf))
                .contains(RealWorldTexts.LONG_WORD, se.uppfoljning.appendix.AppendixRealWorldTextsTest.compact(RealWorldTexts.LONG_URL));
    }

    /** The seed report's own texts, shaped as the two appendices, render (guards the font fallback and wrapping rules). */
    @Test
    void seedTextsRender() throws IOException {
        List<se.uppfoljning.appendix.AppendixDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, "Bilaga 2"));
        blocks.add(Paragraph.ofMarkedText(se.uppfoljning.SeedReport.bilaga2Introduction()));
        String heading = null;
        List<List<String>> rows = new ArrayList<>();
        for (se.uppfoljning.SeedReport.Row row : se.uppfoljning.SeedReport.bilaga2Rows()) {
            if (!row.tableHeading().equals(heading)) {
                if (!rows.isEmpty()) {
                    blocks.add(new Table(List.of(new Column("Mål", 38), new Column("Prognos", 17), new Column("Kommentar", 45)), rows));
                }
                blocks.add(new Heading(row.strategicGoal() == null ? 2 : 3, row.tableHeading()));
                heading = row.tableHeading();
                rows = new ArrayList<>();
            }
            rows.add(List.of(row.text(), row.status(), row.comment()));
        }
        rows.add(List.of("Utan status och kommentar", "", ""));
        blocks.add(new Table(List.of(new Column("Mål", 38), new Column("Prognos", 17), new Column("Kommentar", 45)), rows));
        for (se.uppfoljning.SeedReport.Measure m : se.uppfoljning.SeedReport.bilaga1Measures()) {
            List<Column> columns = new ArrayList<>();
            int[] widths = {27, 14, 14, 9, 10, 9, 17};
            for (int i = 0; i < m.header().size(); i++) {
                columns.add(new Column(m.header().get(i), widths[i]));
            }
            blocks.add(new Table(columns, List.of(m.cells(), List.of("Kommentar:", m.comment()))));
            blocks.add(new Table(columns, List.of(List.of("", "", "", "", "", "", ""), List.of("Kommentar:", ""))));
        }
        byte[] pdf = PdfRenderer.render(new AppendixDocument("Seed", "KS", "DR1", LocalDate.of(2024, 4, 30), "Sida {0} av {1}", blocks));
        assertThat(pdf.length).isPositive();
    }
}
