package se.uppfoljning.appendix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An appendix as a sequence of headings, paragraphs and tables, with every text already in Swedish: what the Word,
 * PDF and HTML renderers turn into bytes. Built by {@link AppendixService} from the stored data.
 *
 * @param title        the document title (also the first heading and the file's title property)
 * @param committee    the committee's name, printed in the page header
 * @param period       the period's name, printed in the page header
 * @param date         the date the document carries (the period's end), used for fixed timestamps
 * @param pageLabel    the footer's page numbering, "Sida {0} av {1}"
 */
public record AppendixDocument(String title, String committee, String period, LocalDate date, String pageLabel,
                               List<Block> blocks) {

    public AppendixDocument {
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A heading; level 1 is the document title, 2 a strategic area, 3 a strategic goal. */
    public record Heading(int level, String text) implements Block {
    }

    /** A paragraph of runs, some in italics. */
    public record Paragraph(List<Run> runs) implements Block {

        public Paragraph {
            runs = List.copyOf(runs);
        }

        public String text() {
            return runs.stream().map(Run::text).reduce("", String::concat);
        }

        /** A paragraph from text where *asterisks* mark italics. */
        public static Paragraph ofMarkedText(String marked) {
            List<Run> runs = new ArrayList<>();
            String[] parts = marked.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                if (!parts[i].isEmpty()) {
                    runs.add(new Run(parts[i], i % 2 == 1));
                }
            }
            return new Paragraph(runs);
        }
    }

    public record Run(String text, boolean italic) {
    }

    /** A column: its header text and its share of the text width in percent. */
    public record Column(String header, int widthPercent) {
    }

    /**
     * A table whose first row holds the column headers and repeats on every page. A body row with fewer cells than
     * columns lets its last cell span the remaining columns (Bilaga 1's comment row).
     */
    public record Table(List<Column> columns, List<List<String>> rows) implements Block {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
