package se.uppfoljning.appendix.internal;

import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Block;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Heading;
import se.uppfoljning.appendix.AppendixDocument.ListBlock;
import se.uppfoljning.appendix.AppendixDocument.PageBreak;
import se.uppfoljning.appendix.AppendixDocument.TableOfContents;
import se.uppfoljning.appendix.AppendixDocument.TitlePage;
import se.uppfoljning.appendix.AppendixDocument.Paragraph;
import se.uppfoljning.appendix.AppendixDocument.Run;
import se.uppfoljning.appendix.AppendixDocument.Table;
import se.uppfoljning.base.fonts.DocumentFonts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An appendix as well-formed XHTML: the input of the PDF renderer and, unchanged, the browser preview. Headings are
 * h1–h3, tables have a thead of th scope="col" (repeated on every PDF page), the language is sv-SE.
 */
public final class HtmlRenderer {

    private static final String FONT = "'" + DocumentFonts.PRIMARY_FAMILY + "'";

    /** Tables with more columns than this (Bilaga 1's seven) use a smaller type so their headers fit unbroken. */
    static final int DENSE_COLUMNS = 4;

    private HtmlRenderer() {
    }

    public static String render(AppendixDocument document) {
        StringBuilder html = new StringBuilder(8192 + document.blocks().size() * 600);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"sv-SE\" xml:lang=\"sv-SE\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(escape(document.title())).append("</title>\n")
                .append("<meta name=\"author\" content=\"").append(escape(document.committee())).append("\"/>\n")
                .append("<meta name=\"subject\" content=\"").append(escape(document.period())).append("\"/>\n")
                .append("<style>\n").append(css(document));
        if (document.blocks().stream().anyMatch(b -> b instanceof TitlePage)) {
            // the title page carries no running header and no page number
            html.append("@page :first { @top-right { content: none; } @bottom-center { content: none; } }\n");
        }
        html.append("</style>\n</head>\n<body>\n");
        // headings get anchors only in a document with a table of contents (the appendices' bytes stay as they were)
        boolean anchors = document.blocks().stream().anyMatch(b -> b instanceof TableOfContents);
        List<Block> blocks = document.blocks();
        Footnotes notes = new Footnotes();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof Heading h) {
                html.append("<h").append(h.level());
                if (anchors) {
                    html.append(" id=\"h").append(i).append('"');
                }
                html.append('>');
                if (h.runs() == null) {
                    html.append(text(h.printed()));
                } else {
                    // a footnote reference in the heading
                    html.append(h.number() == null || h.number().isBlank() ? "" : text(h.number() + " "));
                    runs(html, new Paragraph(h.runs()), notes);
                }
                html.append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                paragraph(html, p, notes);
            } else if (block instanceof Table t) {
                table(html, t);
            } else if (block instanceof ListBlock l) {
                html.append(l.ordered() ? "<ol>\n" : "<ul>\n");
                for (Paragraph item : l.items()) {
                    html.append("<li>");
                    runs(html, item, notes);
                    html.append("</li>\n");
                }
                html.append(l.ordered() ? "</ol>\n" : "</ul>\n");
            } else if (block instanceof TitlePage t) {
                html.append("<div class=\"title-page\">\n<p class=\"title\">").append(text(t.title()))
                        .append("</p>\n<p class=\"committee\">").append(text(t.committee())).append("</p>\n");
                if (t.decided() != null) {
                    html.append("<p class=\"decided\">").append(text(t.decided())).append("</p>\n");
                }
                html.append("</div>\n");
            } else if (block instanceof TableOfContents toc) {
                toc(html, toc, blocks);
            } else if (block instanceof PageBreak) {
                html.append("<div class=\"page-break\"></div>\n");
            } else if (block instanceof AppendixDocument.PreviewLink link) {
                html.append("<p class=\"preview-link\" style=\"font-size: 8pt; margin: 0 0 4pt 0\"><a href=\"").append(escape(link.href()))
                        .append("\" target=\"_top\">").append(text(link.text())).append("</a></p>\n");
            } else if (block instanceof AppendixDocument.Notes) {
                notes.print(html);
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void paragraph(StringBuilder html, Paragraph p, Footnotes notes) {
        html.append("<p>");
        runs(html, p, notes);
        html.append("</p>\n");
    }

    /**
     * Footnotes as endnotes: references numbered through the document, each a superscript link (its title, the note, the
     * link's alternative text in the tagged PDF) to its note, printed in small text at the next {@code Notes} block.
     */
    private static final class Footnotes {

        private int count;
        private final List<String> pending = new ArrayList<>();

        void reference(StringBuilder html, String note) {
            pending.add(note);
            int n = ++count;
            html.append("<a class=\"fnref\" id=\"fnref").append(n).append("\" href=\"#fn").append(n)
                    .append("\" title=\"").append(escape(note)).append("\"><sup>").append(n).append("</sup></a>");
        }

        void print(StringBuilder html) {
            if (pending.isEmpty()) {
                return;
            }
            int first = count - pending.size() + 1;
            html.append("<div class=\"footnotes\" style=\"font-size: 8pt\">\n");
            for (int i = 0; i < pending.size(); i++) {
                html.append("<p id=\"fn").append(first + i).append("\"><sup>").append(first + i).append("</sup> ")
                        .append(text(pending.get(i))).append("</p>\n");
            }
            html.append("</div>\n");
            pending.clear();
        }
    }

    private static void runs(StringBuilder html, Paragraph p, Footnotes notes) {
        for (Run run : p.runs()) {
            if (run.note() != null) {
                notes.reference(html, run.note());
                continue;
            }
            String t = text(run.text());
            if (run.bold()) {
                t = "<strong>" + t + "</strong>";
            }
            if (run.italic()) {
                t = "<em>" + t + "</em>";
            }
            html.append(t);
        }
    }

    /**
     * The contents: one line per heading marked for it, linked to the heading; the PDF's layout fills in the page
     * (CSS target-counter), the browser preview shows the links only.
     */
    private static void toc(StringBuilder html, TableOfContents toc, List<Block> blocks) {
        html.append("<nav class=\"toc\">\n<h1>").append(text(toc.heading())).append("</h1>\n");
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Heading h && h.inToc()) {
                html.append("<p class=\"toc").append(h.level()).append("\"><a href=\"#h").append(i)
                        .append("\" title=\"").append(escape(h.printed())).append("\">")
                        .append(text(h.printed())).append("</a></p>\n");
            }
        }
        html.append("</nav>\n");
    }

    private static void table(StringBuilder html, Table t) {
        List<Column> columns = t.columns();
        String classes = (columns.size() > DENSE_COLUMNS ? "dense" : "") + (t.numeric() ? " amounts" : "")
                + (t.numeric() && t.labelColumns() == 2 ? " grouped" : "");
        html.append(classes.isEmpty() ? "<table>\n<colgroup>" : "<table class=\"" + classes.strip() + "\">\n<colgroup>");
        for (Column c : columns) {
            html.append("<col style=\"width:").append(c.widthPercent()).append("%\"/>");
        }
        html.append("</colgroup>\n<thead><tr>");
        for (Column c : columns) {
            html.append("<th scope=\"col\">").append(text(c.header())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            html.append(t.strongRows().contains(r) ? "<tr class=\"sum\">" : "<tr>");
            for (int i = 0; i < row.size(); i++) {
                int span = i == row.size() - 1 ? columns.size() - i : 1;
                html.append(span > 1 ? "<td colspan=\"" + span + "\">" : "<td>").append(text(row.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String css(AppendixDocument d) {
        String running = cssString(d.committee() + " · " + d.period());
        String[] page = d.pageLabel().split("\\{0}|\\{1}", -1);
        String pageCounter = cssString(page[0]) + " counter(page) " + cssString(page.length > 1 ? page[1] : "")
                + " counter(pages) " + cssString(page.length > 2 ? page[2] : "");
        return """
                @page { size: A4; margin: 22mm 18mm 20mm 18mm;
                  @top-right { content: %s; font-family: %s; font-size: 8pt; color: #404040; }
                  @bottom-center { content: %s; font-family: %s; font-size: 8pt; color: #404040; } }
                body { font-family: %s, sans-serif; font-size: 9pt; line-height: 1.3; color: #000; }
                @media screen { body { max-width: 180mm; margin: 1.5em auto; padding: 0 1em; } }
                h1 { font-size: 16pt; margin: 0 0 10pt 0; }
                h2 { font-size: 13pt; margin: 16pt 0 6pt 0; page-break-after: avoid; }
                h3 { font-size: 10.5pt; margin: 10pt 0 4pt 0; page-break-after: avoid; }
                p { margin: 0 0 8pt 0; }
                table { width: 100%%; border-collapse: collapse; table-layout: fixed; margin: 0 0 10pt 0; -fs-table-paginate: paginate; }
                th, td { border: 0.5pt solid #808080; padding: 3pt 4pt; text-align: left; vertical-align: top; }
                p, td { word-wrap: break-word; }
                th { background-color: #e6e6e6; font-weight: bold; }
                table.dense th, table.dense td { font-size: 8pt; padding: 2pt 3pt; }
                tr { page-break-inside: avoid; }
                table.amounts td + td, table.amounts th + th { text-align: right; }
                table.amounts td + td { white-space: nowrap; }
                table.dense.amounts th, table.dense.amounts td { font-size: 7pt; padding: 1.5pt 2pt; }
                tr.sum td { font-weight: bold; }
                table.amounts.grouped td:first-child + td, table.amounts.grouped th:first-child + th { text-align: left; white-space: normal; }
                ol, ul { margin: 0 0 8pt 0; }
                .title-page { page-break-after: always; padding-top: 60mm; }
                .title-page .title { font-size: 24pt; font-weight: bold; margin-bottom: 14pt; }
                .title-page .committee { font-size: 16pt; }
                .page-break { page-break-after: always; }
                nav.toc { page-break-after: always; }
                nav.toc p { margin: 0 0 3pt 0; }
                nav.toc p.toc2 { margin-left: 12pt; }
                nav.toc a { color: #000; text-decoration: none; }
                @media print { nav.toc a::after { content: leader('.') target-counter(attr(href), page); } }
                """.formatted(running, FONT, pageCounter, FONT, FONT);
    }

    private static String cssString(String text) {
        return "\"" + escape(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    /**
     * Text of the document body, escaped; a run of characters the primary font lacks is set in the first shipped font
     * that has them (emoji, Arabic, Chinese…). Per run rather than as a CSS fallback list: a list makes openhtmltopdf
     * lay out every line with the tallest font's metrics, and its tagging then fails on some page breaks.
     */
    static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        String open = null;
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String family = DocumentFonts.familyFor(cp);
            if (family == null || family.equals(DocumentFonts.PRIMARY_FAMILY)) {
                // stay in the open fallback run while its font has the character: a change of font is a break
                // opportunity for the layout, which would split "𝑥ᵢ" over two lines
                family = open != null && cp > ' ' && !Character.isWhitespace(cp) && DocumentFonts.covers(open, cp)
                        ? open : null;
            }
            if (!Objects.equals(family, open)) {
                out.append(escape(text.substring(start, i)));
                if (open != null) {
                    out.append("</span>");
                }
                if (family != null) {
                    out.append("<span style=\"font-family: '").append(family).append("'\">");
                }
                open = family;
                start = i;
            }
            i = next;
        }
        out.append(escape(text.substring(start)));
        if (open != null) {
            out.append("</span>");
        }
        return out.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\n' && c != '\t' ? " " : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
