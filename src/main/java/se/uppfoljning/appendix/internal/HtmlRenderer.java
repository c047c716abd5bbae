package se.uppfoljning.appendix.internal;

import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Block;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Heading;
import se.uppfoljning.appendix.AppendixDocument.Paragraph;
import se.uppfoljning.appendix.AppendixDocument.Run;
import se.uppfoljning.appendix.AppendixDocument.Table;
import se.uppfoljning.base.fonts.DocumentFonts;

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
                .append("<style>\n").append(css(document)).append("</style>\n</head>\n<body>\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                html.append("<h").append(h.level()).append('>').append(text(h.text()))
                        .append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                paragraph(html, p);
            } else if (block instanceof Table t) {
                table(html, t);
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void paragraph(StringBuilder html, Paragraph p) {
        html.append("<p>");
        for (Run run : p.runs()) {
            if (run.italic()) {
                html.append("<em>").append(text(run.text())).append("</em>");
            } else {
                html.append(text(run.text()));
            }
        }
        html.append("</p>\n");
    }

    private static void table(StringBuilder html, Table t) {
        List<Column> columns = t.columns();
        html.append(columns.size() > DENSE_COLUMNS ? "<table class=\"dense\">\n<colgroup>" : "<table>\n<colgroup>");
        for (Column c : columns) {
            html.append("<col style=\"width:").append(c.widthPercent()).append("%\"/>");
        }
        html.append("</colgroup>\n<thead><tr>");
        for (Column c : columns) {
            html.append("<th scope=\"col\">").append(text(c.header())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            html.append("<tr>");
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
