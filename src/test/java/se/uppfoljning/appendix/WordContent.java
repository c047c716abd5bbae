package se.uppfoljning.appendix;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import se.uppfoljning.SeedReport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What a generated Word file says: its headings by level, its paragraphs, its tables, and Bilaga 2's rows. */
public record WordContent(XWPFDocument document, List<String> headings1, List<String> headings, List<String> paragraphs,
                   List<List<List<String>>> tables, List<SeedReport.Row> rows) {

    public static WordContent of(byte[] docx) {
        try {
            XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
            List<String> h1 = new ArrayList<>();
            List<String> headings = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            List<List<List<String>>> tables = new ArrayList<>();
            List<SeedReport.Row> rows = new ArrayList<>();
            String area = null;
            String goal = null;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String style = p.getStyle();
                    if ("Heading1".equals(style)) {
                        h1.add(p.getText());
                    } else if ("Heading2".equals(style)) {
                        area = p.getText();
                        goal = null;
                        headings.add(p.getText());
                    } else if ("Heading3".equals(style)) {
                        goal = p.getText();
                        headings.add(p.getText());
                    } else if (!p.getText().isBlank()) {
                        paragraphs.add(p.getText());
                    }
                } else if (element instanceof XWPFTable t) {
                    List<List<String>> table = new ArrayList<>();
                    for (XWPFTableRow row : t.getRows()) {
                        table.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
                    }
                    tables.add(table);
                    String heading = table.get(0).get(0);
                    boolean goalTable = heading.equals("Nämndmål") || heading.equals("Kommunövergripande indikatorer");
                    for (List<String> cells : table.subList(1, table.size())) {
                        if (cells.size() == 3) {
                            rows.add(new SeedReport.Row(area, goalTable ? goal : null, heading, cells.get(0),
                                    cells.get(1), cells.get(2)));
                        }
                    }
                }
            }
            return new WordContent(document, h1, headings, paragraphs, tables, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
