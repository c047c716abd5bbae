package se.uppfoljning.report.internal;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Block;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section's Markdown as blocks of the document model: paragraphs with italic and bold runs, headings (unnumbered
 * subheadings, not in the contents), bulleted and numbered lists, pipe tables, footnotes ("text[^1]" and a line
 * "[^1]: note"; Word footnotes, endnotes at the section's end in the PDF). HTML in the text is not interpreted
 * (shown as typed), so a section can never inject markup into the preview or the PDF.
 */
public final class MarkdownBlocks {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .build();

    /** A footnote definition line "[^label]: note" (with its line end). */
    private static final Pattern NOTE = Pattern.compile("(?m)^ {0,3}\\[\\^([^\\]\\s]+)]:[ \\t]+(\\S.*)$\\R?");
    /** A footnote reference "[^label]". */
    private static final Pattern REFERENCE = Pattern.compile("\\[\\^([^\\]\\s]+)]");

    private MarkdownBlocks() {
    }

    /**
     * The blocks of a section's text; its Markdown headings (any number of #) become unnumbered subheadings at
     * {@code headingLevel} (one below the section's own heading, so the structure never skips a level: PDF/UA).
     */
    public static List<Block> parse(String markdown, int headingLevel) {
        List<Block> blocks = new ArrayList<>();
        Map<String, String> notes = new HashMap<>();
        Node document = PARSER.parse(withoutNotes(markdown == null ? "" : markdown, notes));
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            block(n, blocks, Math.max(1, Math.min(3, headingLevel)));
        }
        return notes.isEmpty() ? blocks : withFootnotes(blocks, notes);
    }

    /**
     * The text without its footnote definitions (lines "[^label]: note", one line each), which go into {@code notes}
     * by label; commonmark 0.27 has no footnotes extension that resolves from Maven Central, hence this pass.
     */
    private static String withoutNotes(String markdown, Map<String, String> notes) {
        Matcher m = NOTE.matcher(markdown);
        StringBuilder rest = new StringBuilder(markdown.length());
        while (m.find()) {
            notes.putIfAbsent(m.group(1), m.group(2).strip());
            m.appendReplacement(rest, "");
        }
        return m.appendTail(rest).toString();
    }

    /**
     * The references "[^label]" in paragraphs and list items as footnote runs (a label without a note stays text),
     * and, after the section's blocks, the place of its notes in the PDF ({@link AppendixDocument.Notes}).
     */
    private static List<Block> withFootnotes(List<Block> blocks, Map<String, String> notes) {
        List<Block> out = new ArrayList<>(blocks.size() + 1);
        for (Block b : blocks) {
            if (b instanceof AppendixDocument.Paragraph p) {
                out.add(references(p, notes));
            } else if (b instanceof AppendixDocument.ListBlock l) {
                out.add(new AppendixDocument.ListBlock(l.ordered(),
                        l.items().stream().map(i -> references(i, notes)).toList()));
            } else {
                out.add(b);
            }
        }
        out.add(new AppendixDocument.Notes());
        return out;
    }

    private static AppendixDocument.Paragraph references(AppendixDocument.Paragraph p, Map<String, String> notes) {
        List<Run> runs = new ArrayList<>();
        for (Run r : p.runs()) {
            Matcher m = REFERENCE.matcher(r.text());
            int from = 0;
            while (m.find()) {
                String note = notes.get(m.group(1));
                if (note != null) {
                    if (m.start() > from) {
                        runs.add(new Run(r.text().substring(from, m.start()), r.italic(), r.bold()));
                    }
                    runs.add(Run.footnote(note));
                    from = m.end();
                }
            }
            if (from < r.text().length()) {
                runs.add(from == 0 ? r : new Run(r.text().substring(from), r.italic(), r.bold()));
            }
        }
        return new AppendixDocument.Paragraph(runs);
    }

    /**
     * A section's heading as printed: its text without footnote references (for the contents) and, when it has a
     * reference "[^label]" whose note is defined in the section's {@code body} (a line "[^label]: note" – in a text
     * section's Markdown or, for a generated block, in the block section's text), its runs with the footnote; else
     * {@code runs} is null. A label without a note stays text.
     */
    public record HeadingText(String text, List<Run> runs) {
    }

    public static HeadingText heading(String heading, String body) {
        Map<String, String> notes = new HashMap<>();
        withoutNotes(body == null ? "" : body, notes);
        if (notes.isEmpty() || !REFERENCE.matcher(heading).find()) {
            return new HeadingText(heading, null);
        }
        List<Run> runs = references(new AppendixDocument.Paragraph(List.of(new Run(heading, false))), notes).runs();
        if (runs.stream().noneMatch(r -> r.note() != null)) {
            return new HeadingText(heading, null);
        }
        return new HeadingText(runs.stream().map(Run::text).reduce("", String::concat), runs);
    }

    /** The rows of the first pipe table in the text, header row first, each as its cells' plain text. */
    public static List<List<String>> table(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableBlock t) {
                return rows(t);
            }
        }
        return List.of();
    }

    private static void block(Node n, List<Block> blocks, int headingLevel) {
        if (n instanceof Paragraph p) {
            blocks.add(paragraph(p));
        } else if (n instanceof Heading h) {
            blocks.add(new AppendixDocument.Heading(headingLevel, null, plain(h), false));
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            List<AppendixDocument.Paragraph> items = new ArrayList<>();
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    List<Run> runs = new ArrayList<>();
                    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                        if (!runs.isEmpty()) {
                            runs.add(new Run(" ", false));
                        }
                        runs.addAll(c instanceof Paragraph p ? paragraph(p).runs() : List.of(new Run(plain(c), false)));
                    }
                    items.add(new AppendixDocument.Paragraph(runs));
                }
            }
            blocks.add(new AppendixDocument.ListBlock(n instanceof OrderedList, items));
        } else if (n instanceof TableBlock t) {
            List<List<String>> rows = rows(t);
            if (!rows.isEmpty()) {
                int width = 100 / rows.get(0).size();
                List<Column> columns = rows.get(0).stream().map(h -> new Column(h, width)).toList();
                blocks.add(new AppendixDocument.Table(columns, rows.subList(1, rows.size())));
            }
        } else if (n instanceof BlockQuote q) {
            for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                block(c, blocks, headingLevel);
            }
        } else {
            // code blocks, HTML blocks, rules: their text as a paragraph, never markup
            String text = plain(n).strip();
            if (!text.isEmpty()) {
                blocks.add(new AppendixDocument.Paragraph(List.of(new Run(text, false))));
            }
        }
    }

    private static List<List<String>> rows(TableBlock t) {
        List<List<String>> rows = new ArrayList<>();
        for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(plain(cell).strip());
                        }
                    }
                    rows.add(cells);
                }
            }
            if (part instanceof TableHead && rows.isEmpty()) {
                rows.add(List.of());
            }
        }
        return rows;
    }

    private static AppendixDocument.Paragraph paragraph(Node p) {
        List<Run> runs = new ArrayList<>();
        inline(p, false, false, runs);
        return new AppendixDocument.Paragraph(merge(runs));
    }

    private static void inline(Node parent, boolean italic, boolean bold, List<Run> runs) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                runs.add(new Run(t.getLiteral(), italic, bold));
            } else if (n instanceof Code c) {
                runs.add(new Run(c.getLiteral(), italic, bold));
            } else if (n instanceof HtmlInline h) {
                runs.add(new Run(h.getLiteral(), italic, bold));
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                runs.add(new Run(" ", italic, bold));
            } else if (n instanceof Emphasis) {
                inline(n, true, bold, runs);
            } else if (n instanceof StrongEmphasis) {
                inline(n, italic, true, runs);
            } else {
                inline(n, italic, bold, runs);
            }
        }
    }

    /** Adjacent runs of the same style as one (the parser splits text at every special character). */
    private static List<Run> merge(List<Run> runs) {
        List<Run> merged = new ArrayList<>();
        for (Run r : runs) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).italic() == r.italic()
                    && merged.get(merged.size() - 1).bold() == r.bold()) {
                Run last = merged.remove(merged.size() - 1);
                merged.add(new Run(last.text() + r.text(), r.italic(), r.bold()));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    static String plain(Node n) {
        StringBuilder out = new StringBuilder();
        collect(n, out);
        return out.toString();
    }

    private static void collect(Node n, StringBuilder out) {
        if (n instanceof Text t) {
            out.append(t.getLiteral());
        } else if (n instanceof Code c) {
            out.append(c.getLiteral());
        } else if (n instanceof FencedCodeBlock f) {
            out.append(f.getLiteral());
        } else if (n instanceof IndentedCodeBlock f) {
            out.append(f.getLiteral());
        } else if (n instanceof HtmlBlock h) {
            out.append(h.getLiteral());
        } else if (n instanceof HtmlInline h) {
            out.append(h.getLiteral());
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            out.append(' ');
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            collect(c, out);
        }
    }
}
