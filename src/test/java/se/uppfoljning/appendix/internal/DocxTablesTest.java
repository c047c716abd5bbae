package se.uppfoljning.appendix.internal;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Word renderer writes table body rows as WordprocessingML text (not through POI): every text comes back exactly
 * as POI reads it, whatever characters it holds (markup characters, "]]>", texts XMLBeans would save as CDATA, spaces
 * at either end, line breaks), with the row's spanning, bold and shading, and the bytes stay reproducible.
 */
class DocxTablesTest {

    static final List<String> TEXTS = List.of(
            "Vatten & avlopp <VA> \"nämnd\" 'x' a > b", " inledande blanksteg", "avslutande blanksteg ",
            "rad ett\nrad två\n\nrad fyra", "]]> och ]]]> i texten", "&&&&&&<<<<<< fler än fem tecken att skydda",
            "&&&&&]]>]]> och en lång text efter dem", "tab\tinne", "😀 العربية 中文 ሰላም", "");

    static AppendixDocument document() {
        List<Column> columns = List.of(new Column("Namn", 40), new Column("Belopp", 20), new Column("Kommentar", 40));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (String text : TEXTS) {
            rows.add(List.of(text, "-1 234", text));
        }
        rows.add(List.of("Raden spänner över två kolumner", "sista cellen & resten"));
        return new AppendixDocument("Prov", "Nämnd", "Delår", LocalDate.of(2024, 8, 31), "Sida {0} av {1}", List.of(
                new Table(columns, rows),
                AppendixDocument.amounts(columns, rows, Set.of(1, TEXTS.size()))));
    }

    @Test
    void everyCellReadsBackAsWritten() throws IOException {
        byte[] bytes = DocxRenderer.render(document());
        assertThat(DocxRenderer.render(document())).isEqualTo(bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertThat(doc.getTables()).hasSize(2);
            for (XWPFTable table : doc.getTables()) {
                boolean amounts = table == doc.getTables().get(1);
                assertThat(table.getRows()).hasSize(TEXTS.size() + 2);
                for (int r = 0; r < TEXTS.size(); r++) {
                    List<XWPFTableCell> cells = table.getRow(r + 1).getTableCells();
                    assertThat(cells).hasSize(3);
                    assertThat(cells.get(0).getText()).isEqualTo(TEXTS.get(r));
                    // amounts keep their thousands separator unbroken
                    assertThat(cells.get(1).getText()).isEqualTo(amounts ? "-1\u00a0234" : "-1 234");
                    assertThat(cells.get(2).getText()).isEqualTo(amounts ? TEXTS.get(r).replace(' ', '\u00a0') : TEXTS.get(r));
                    boolean strong = amounts && r == 1;
                    assertThat(cells.get(0).getParagraphs().get(0).getRuns().get(0).isBold()).isEqualTo(strong);
                    assertThat(cells.get(0).getColor()).isEqualTo(strong ? "E6E6E6" : null);
                    assertThat(cells.get(1).getParagraphs().get(0).getAlignment().name())
                            .isEqualTo(amounts ? "RIGHT" : "LEFT");
                }
                List<XWPFTableCell> last = table.getRow(TEXTS.size() + 1).getTableCells();
                assertThat(last).hasSize(2);
                assertThat(last.get(1).getText().replace('\u00a0', ' ')).isEqualTo("sista cellen & resten");
                assertThat(last.get(1).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(2);
                assertThat(table.getRow(TEXTS.size() + 1).getCtRow().getTrPr().sizeOfCantSplitArray()).isEqualTo(1);
                assertThat(last.get(0).getParagraphs().get(0).getRuns().get(0).isBold()).isEqualTo(amounts);
            }
        }
    }
}
