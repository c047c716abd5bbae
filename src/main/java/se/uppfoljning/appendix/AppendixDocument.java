package se.uppfoljning.appendix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    public sealed interface Block permits Heading, Paragraph, Table, ListBlock, TitlePage, TableOfContents, PageBreak,
            PreviewLink, Notes {
    }

    /**
     * Where the notes of the footnote references ({@link Run#note()}) since the previous {@code Notes} block are
     * printed in the PDF and the preview (endnotes at a section's end, in small text); Word prints nothing here, its
     * notes are real footnotes at the foot of the page.
     */
    public record Notes() implements Block {
    }

    /**
     * A link of the browser preview only (to the finance view, to a section's editor): the HTML renderer prints it
     * with {@code target="_top"}, the Word renderer leaves it out; documents for Word or PDF never carry one.
     */
    public record PreviewLink(String href, String text) implements Block {
    }

    /**
     * A heading; level 1 is the document title (a chapter of the whole report), 2 a strategic area (a numbered
     * section), 3 a strategic goal (an unnumbered subheading). {@code number} ("2.1", or null) is printed before the
     * text; {@code inToc} puts it in the table of contents. {@code runs}: the text as printed when it carries a footnote
     * reference ({@link Run#note()}; its note printed at the next {@link Notes}), else null; {@code text} is then the
     * text without the reference (the contents and the PDF's links show it).
     */
    public record Heading(int level, String number, String text, boolean inToc, List<Run> runs) implements Block {

        public Heading {
            runs = runs == null ? null : List.copyOf(runs);
        }

        public Heading(int level, String number, String text, boolean inToc) {
            this(level, number, text, inToc, null);
        }

        public Heading(int level, String text) {
            this(level, null, text, level <= 2);
        }

        /** As printed: "2.1 Analys av verksamhetens prognos". */
        public String printed() {
            return number == null || number.isBlank() ? text : number + " " + text;
        }
    }

    /** A bulleted or numbered list; each item a paragraph. */
    public record ListBlock(boolean ordered, List<Paragraph> items) implements Block {

        public ListBlock {
            items = List.copyOf(items);
        }
    }

    /** The report's title page: title, committee and, once decided, "Beslutad av …, den …" (or null). */
    public record TitlePage(String title, String committee, String decided) implements Block {
    }

    /**
     * The table of contents of the headings marked {@code inToc}: a Word TOC field (updated by Word and LibreOffice)
     * and, in the PDF, page numbers computed by the layout. {@code pages}: the page of each entry in order, as the PDF
     * laid it out ({@link DocumentRenderers#tocPages}), for the Word field's shown result before Word updates it; empty:
     * the Word field shows the entries without page numbers until it is updated.
     */
    public record TableOfContents(String heading, List<Integer> pages) implements Block {

        public TableOfContents {
            pages = List.copyOf(pages);
        }

        public TableOfContents(String heading) {
            this(heading, List.of());
        }
    }

    /** The next block starts on a new page. */
    public record PageBreak() implements Block {
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

    /**
     * A run of text; a run with a {@code note} (its text, else null) is a footnote reference: the renderers number it
     * (1, 2 … through the document) and print the number, not {@code text} (empty).
     */
    public record Run(String text, boolean italic, boolean bold, String note) {

        public Run(String text, boolean italic, boolean bold) {
            this(text, italic, bold, null);
        }

        public Run(String text, boolean italic) {
            this(text, italic, false);
        }

        /** A footnote reference whose note reads {@code note}. */
        public static Run footnote(String note) {
            return new Run("", false, false, note);
        }
    }

    /** A column: its header text and its share of the text width in percent. */
    public record Column(String header, int widthPercent) {
    }

    /**
     * A table whose first row holds the column headers and repeats on every page. A body row with fewer cells than
     * columns lets its last cell span the remaining columns (Bilaga 1's comment row). {@code labelColumns}: in a
     * {@code numeric} table, how many columns of text come before the amounts (1, or 2 with a group column).
     */
    public record Table(List<Column> columns, List<List<String>> rows, boolean numeric,
                        Set<Integer> strongRows, int labelColumns) implements Block {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            strongRows = Set.copyOf(strongRows);
        }

        public Table(List<Column> columns, List<List<String>> rows, boolean numeric, Set<Integer> strongRows) {
            this(columns, rows, numeric, strongRows, 1);
        }

        public Table(List<Column> columns, List<List<String>> rows) {
            this(columns, rows, false, Set.of());
        }
    }

    /**
     * A table of amounts: every column after the first right-aligned, the rows at {@code strongRows} (indices into
     * {@code rows}: subtotals and totals) in bold.
     */
    public static Table amounts(List<Column> columns, List<List<String>> rows, Set<Integer> strongRows) {
        return new Table(columns, rows, true, strongRows);
    }

    /** A table of amounts after {@code labelColumns} columns of text (a group column and the rows' labels). */
    public static Table amounts(List<Column> columns, List<List<String>> rows, Set<Integer> strongRows,
                                int labelColumns) {
        return new Table(columns, rows, true, strongRows, labelColumns);
    }
}
