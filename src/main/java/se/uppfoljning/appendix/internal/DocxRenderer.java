package se.uppfoljning.appendix.internal;

import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An appendix as a Word document: built-in heading styles (so Word's navigation pane shows the structure), tables
 * with a repeating header row and fixed column widths, A4, committee and period in the page header, page numbers
 * in the footer, title and language sv-SE in the properties. Byte-reproducible: every timestamp is the document's
 * date, and the ZIP entries carry a fixed time.
 */
public final class DocxRenderer {

    /** A4 in twentieths of a point, with 2 cm side margins. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN = 1134;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final String FONT = "Arial";
    private static final String LANGUAGE = "sv-SE";
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    /** Suffix of the heading styles of headings left out of the contents ("Heading2NotInToc"). */
    private static final String NOT_IN_TOC = "NotInToc";

    private DocxRenderer() {
    }

    public static byte[] render(AppendixDocument document) {
        List<String> tableRows = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            properties(doc, document);
            page(doc, document);
            boolean pageBreakBefore = false;
            for (Block block : document.blocks()) {
                XWPFParagraph first = null;
                if (block instanceof Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    // a heading left out of the contents (an unnumbered subheading of a chapter) must not be
                    // picked up by the TOC field when Word or LibreOffice updates it
                    p.setStyle("Heading" + h.level() + (h.inToc() || h.level() > 2 ? "" : NOT_IN_TOC));
                    if (h.runs() == null) {
                        p.createRun().setText(h.printed());
                    } else {
                        if (h.number() != null && !h.number().isBlank()) {
                            p.createRun().setText(h.number() + " ");
                        }
                        paragraph(p, h.runs()); // a footnote reference in the heading
                    }
                    first = p;
                } else if (block instanceof Paragraph p) {
                    first = doc.createParagraph();
                    paragraph(first, p.runs());
                } else if (block instanceof Table t) {
                    if (pageBreakBefore) {
                        doc.createParagraph().setPageBreak(true);
                        pageBreakBefore = false;
                    }
                    table(doc, t, tableRows);
                } else if (block instanceof ListBlock l) {
                    int n = 1;
                    for (Paragraph item : l.items()) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setIndentationLeft(360);
                        p.setIndentationHanging(360);
                        p.createRun().setText((l.ordered() ? n++ + "." : "\u2022") + "\t");
                        paragraph(p, item.runs());
                        first = first == null ? p : first;
                    }
                } else if (block instanceof TitlePage t) {
                    first = titlePage(doc, t);
                } else if (block instanceof TableOfContents toc) {
                    first = toc(doc, toc, document.blocks());
                } else if (block instanceof PageBreak) {
                    pageBreakBefore = true;
                    continue;
                }
                if (first != null && pageBreakBefore) {
                    first.setPageBreak(true);
                }
                // the title page is a page of its own, as in the PDF (page-break-after)
                pageBreakBefore = block instanceof TitlePage;
            }
            if (document.blocks().stream().anyMatch(b -> b instanceof TableOfContents)) {
                doc.enforceUpdateFields(); // Word (and LibreOffice) fill in the contents' page numbers on opening
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.write(out);
            return withFixedZipTimes(out.toByteArray(), tableRows);
        } catch (IOException e) {
            throw new UncheckedIOException("Word generation failed", e);
        }
    }

    private static void paragraphStyle(CTStyles ct, String id, String name, int halfPoints, boolean bold, int indent) {
        CTStyle s = ct.addNewStyle();
        s.setType(STStyleType.PARAGRAPH);
        s.setStyleId(id);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal("Normal");
        s.addNewNext().setVal("Normal");
        CTPPrGeneral pPr = s.addNewPPr();
        if (indent > 0) {
            pPr.addNewInd().setLeft(BigInteger.valueOf(indent));
        }
        pPr.addNewSpacing().setAfter(BigInteger.valueOf(bold ? 240 : 60));
        CTRPr r = s.addNewRPr();
        if (bold) {
            r.addNewB();
        }
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        r.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }

    private static void paragraph(XWPFParagraph p, List<Run> runs) {
        for (Run run : runs) {
            if (run.note() != null) {
                footnote(p, run.note());
                continue;
            }
            XWPFRun r = p.createRun();
            r.setText(run.text());
            if (run.italic()) {
                r.setItalic(true);
            }
            if (run.bold()) {
                r.setBold(true);
            }
        }
    }

    /** A real Word footnote: the note in the footnotes part, a superscript reference mark in the paragraph. */
    private static void footnote(XWPFParagraph p, String note) {
        XWPFFootnote footnote = p.getDocument().createFootnote();
        // the note's first paragraph gets POI's footnote mark run
        XWPFParagraph text = footnote.createParagraph();
        text.setStyle("FootnoteText"); // 8 pt, also the number LibreOffice draws before the note
        text.getCTP().getRList().forEach(DocxRenderer::superscript);
        XWPFRun noteRun = text.createRun();
        noteRun.setText(" " + note);
        noteRun.setFontSize(8);
        p.addFootnoteReference(footnote);
        // POI's mark runs name a character style the document lacks: superscript set directly
        superscript(p.getCTP().getRArray(p.getCTP().sizeOfRArray() - 1));
    }

    private static void superscript(CTR r) {
        (r.isSetRPr() ? r.getRPr() : r.addNewRPr()).addNewVertAlign().setVal(STVerticalAlignRun.SUPERSCRIPT);
    }

    private static XWPFParagraph titlePage(XWPFDocument doc, TitlePage t) {
        XWPFParagraph title = doc.createParagraph();
        title.setSpacingBefore(4800);
        title.setStyle("Title");
        title.createRun().setText(t.title());
        XWPFParagraph committee = doc.createParagraph();
        XWPFRun c = committee.createRun();
        c.setText(t.committee());
        c.setFontSize(16);
        if (t.decided() != null) {
            XWPFParagraph decided = doc.createParagraph();
            decided.createRun().setText(t.decided());
        }
        return title;
    }

    /**
     * A TOC field over the heading levels 1–2 ("TOC \\o 1-2 \\h \\z \\u") whose shown result lists the headings,
     * with the PDF's page numbers when the document carries them ({@link TableOfContents#pages()}, the decided report)
     * and without otherwise; Word and LibreOffice update it (the document asks for an update of fields on opening).
     */
    private static XWPFParagraph toc(XWPFDocument doc, TableOfContents toc, List<Block> blocks) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle("TOCHeading");
        heading.createRun().setText(toc.heading());
        List<Heading> entries = blocks.stream().filter(b -> b instanceof Heading h && h.inToc())
                .map(b -> (Heading) b).toList();
        XWPFParagraph p = doc.createParagraph();
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        var instr = p.createRun().getCTR().addNewInstrText();
        instr.setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
        instr.setSpace(SpaceAttribute.Space.PRESERVE);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                p = doc.createParagraph();
            }
            p.setStyle("TOC" + entries.get(i).level());
            p.createRun().setText(entries.get(i).printed());
            if (i < toc.pages().size()) {
                // the page the PDF printed, after a dotted right tab, until Word updates the field
                CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
                CTTabStop stop = (pPr.isSetTabs() ? pPr.getTabs() : pPr.addNewTabs()).addNewTab();
                stop.setVal(STTabJc.RIGHT);
                stop.setLeader(STTabTlc.DOT);
                stop.setPos(BigInteger.valueOf(TEXT_WIDTH));
                XWPFRun page = p.createRun();
                page.addTab();
                page.setText(String.valueOf(toc.pages().get(i)));
            }
        }
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        return heading;
    }

    private static void table(XWPFDocument doc, Table t, List<String> tableRows) {
        List<Column> columns = t.columns();
        int[] widths = columns.stream().mapToInt(c -> TEXT_WIDTH * c.widthPercent() / 100).toArray();
        XWPFTable table = doc.createTable();
        CTTblPr tblPr = table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr() : table.getCTTbl().addNewTblPr();
        tblPr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblWidth tblW = tblPr.isSetTblW() ? tblPr.getTblW() : tblPr.addNewTblW();
        tblW.setType(STTblWidth.DXA);
        tblW.setW(BigInteger.valueOf(TEXT_WIDTH));
        tblPr.addNewTblCaption().setVal(columns.get(0).header());
        if (columns.size() > HtmlRenderer.DENSE_COLUMNS) {
            // 1 mm cell margins as the PDF's padding (Word's default 1.9 mm breaks "Bokslut" in a ten-column table)
            var margins = tblPr.addNewTblCellMar();
            for (CTTblWidth side : List.of(margins.addNewLeft(), margins.addNewRight())) {
                side.setType(STTblWidth.DXA);
                side.setW(BigInteger.valueOf(57));
            }
        }
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }

        XWPFTableRow header = table.getRow(0);
        CTTrPr headerPr = trPr(header);
        headerPr.addNewTblHeader();
        headerPr.addNewCantSplit();
        List<String> headers = columns.stream().map(Column::header).toList();
        fill(header, headers, widths, true, t.numeric() ? t.labelColumns() : 0);
        // The body rows (up to thousands of cells per table) are written as WordprocessingML text and spliced in when
        // the package is rewritten: building them through POI/XMLBeans cost most of a large report's time. The marker
        // is an XML comment, which no text of the document can produce (text is escaped).
        StringBuilder rows = new StringBuilder(t.rows().size() * widths.length * 200);
        for (int r = 0; r < t.rows().size(); r++) {
            rowXml(rows, t.rows().get(r), widths, t.strongRows().contains(r), t.numeric() ? t.labelColumns() : 0);
        }
        try (XmlCursor cursor = table.getCTTbl().newCursor()) {
            cursor.toEndToken();
            cursor.insertComment(ROWS_MARKER + tableRows.size());
        }
        tableRows.add(rows.toString());
        // Word joins tables that follow each other directly: keep them apart with a small paragraph.
        XWPFParagraph gap = doc.createParagraph();
        gap.setSpacingAfter(0);
    }

    private static CTTrPr trPr(XWPFTableRow row) {
        return row.getCtRow().isSetTrPr() ? row.getCtRow().getTrPr() : row.getCtRow().addNewTrPr();
    }

    /** {@code labelColumns}: in a table of amounts the columns of text before the amounts; 0 for a table of text. */
    private static void fill(XWPFTableRow row, List<String> texts, int[] widths, boolean header, int labelColumns) {
        boolean numeric = labelColumns > 0;
        while (row.getTableCells().size() > texts.size()) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        while (row.getTableCells().size() < texts.size()) {
            row.addNewTableCell();
        }
        for (int i = 0; i < texts.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            int span = i == texts.size() - 1 ? widths.length - i : 1;
            int width = 0;
            for (int c = i; c < i + span; c++) {
                width += widths[c];
            }
            CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            CTTblWidth tcW = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
            tcW.setType(STTblWidth.DXA);
            tcW.setW(BigInteger.valueOf(width));
            if (span > 1) {
                tcPr.addNewGridSpan().setVal(BigInteger.valueOf(span));
            }
            if (header) {
                cell.setColor("E6E6E6");
            }
            XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            if (numeric && i >= labelColumns) {
                p.setAlignment(ParagraphAlignment.RIGHT);
            }
            String cellText = texts.get(i) == null ? "" : texts.get(i);
            if (numeric && i >= labelColumns && !header) {
                // an amount never breaks at its thousands separator (a heading does break between its words: with
                // no-break spaces LibreOffice split "Ack Mars Förb i %" inside "Förb")
                cellText = cellText.replace(' ', '\u00a0');
            }
            String[] lines = cellText.split("\n", -1);
            XWPFRun run = p.createRun();
            if (header) {
                run.setBold(true);
            }
            if (widths.length > HtmlRenderer.DENSE_COLUMNS) {
                run.setFontSize(numeric ? 7 : 8);
            }
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    run.addBreak();
                }
                run.setText(lines[l], l);
            }
        }
    }

    /** The comment marking where a table's body rows go: followed by the table's index in the document. */
    private static final String ROWS_MARKER = "uppfoljning-table-rows-";

    /**
     * One body row as WordprocessingML, exactly the markup {@link #fill} makes through POI for a row that cannot split
     * over pages (a header-like row: shaded and bold), so both ways give the same bytes.
     */
    private static void rowXml(StringBuilder xml, List<String> texts, int[] widths, boolean strong, int labelColumns) {
        boolean numeric = labelColumns > 0;
        xml.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (int i = 0; i < texts.size(); i++) {
            int span = i == texts.size() - 1 ? widths.length - i : 1;
            int width = 0;
            for (int c = i; c < i + span; c++) {
                width += widths[c];
            }
            xml.append("<w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"").append(width).append("\"/>");
            if (span > 1) {
                xml.append("<w:gridSpan w:val=\"").append(span).append("\"/>");
            }
            if (strong) {
                xml.append("<w:shd w:color=\"auto\" w:val=\"clear\" w:fill=\"E6E6E6\"/>");
            }
            xml.append("</w:tcPr><w:p><w:pPr><w:spacing w:after=\"0\"/>");
            if (numeric && i >= labelColumns) {
                xml.append("<w:jc w:val=\"right\"/>");
            }
            xml.append("</w:pPr><w:r>");
            boolean dense = widths.length > HtmlRenderer.DENSE_COLUMNS;
            if (strong || dense) {
                xml.append("<w:rPr>");
                if (strong) {
                    xml.append("<w:b w:val=\"on\"/>");
                }
                if (dense) {
                    xml.append("<w:sz w:val=\"").append(numeric ? 14 : 16).append("\"/>");
                }
                xml.append("</w:rPr>");
            }
            String cellText = texts.get(i) == null ? "" : texts.get(i);
            if (numeric && i >= labelColumns) {
                cellText = cellText.replace(' ', '\u00a0');
            }
            String[] lines = cellText.split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    xml.append("<w:br/>");
                }
                textXml(xml, lines[l]);
            }
            xml.append("</w:r></w:p></w:tc>");
        }
        xml.append("</w:tr>");
    }

    /**
     * A w:t element as XMLBeans saves it for POI's {@code XWPFRun.setText}: spaces kept at either end; '<', '&' and the
     * '>' of "]]>" escaped, or, in a text longer than 32 characters with more than 5 '<' and '&', the text as CDATA;
     * a carriage return as a character reference and a character XML cannot hold as '?'.
     */
    private static void textXml(StringBuilder xml, String text) {
        if (text.isEmpty()) {
            xml.append("<w:t/>");
            return;
        }
        boolean preserve = Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1));
        xml.append(preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>");
        int entities = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '<' || text.charAt(i) == '&') {
                entities++;
            }
        }
        boolean cdata = text.length() > 32 && entities > 5;
        if (cdata) {
            xml.append("<![CDATA[");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cdata) {
                xml.append(c == '>' && escaped(text, i) ? "]]>><![CDATA[" : badXmlChar(c) ? "?" : String.valueOf(c));
            } else if (escaped(text, i)) {
                xml.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
            } else if (c == '\r') {
                xml.append("&#13;");
            } else {
                xml.append(badXmlChar(c) ? '?' : c);
            }
        }
        xml.append(cdata ? "]]></w:t>" : "</w:t>");
    }

    private static boolean escaped(String text, int i) {
        char c = text.charAt(i);
        return c == '<' || c == '&' || c == '>' && i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']';
    }

    private static boolean badXmlChar(char c) {
        return !(Character.isSurrogate(c) || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c == 0x9 || c == 0xA || c == 0xD);
    }

    private static void styles(XWPFDocument doc) {
        CTStyles ct = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = ct.addNewDocDefaults();
        CTRPr rPr = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = rPr.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        rPr.addNewSz().setVal(BigInteger.valueOf(20));
        rPr.addNewSzCs().setVal(BigInteger.valueOf(20));
        rPr.addNewLang().setVal(LANGUAGE);
        defaults.addNewPPrDefault().addNewPPr().addNewSpacing().setAfter(BigInteger.valueOf(120));

        CTStyle normal = ct.addNewStyle();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(true);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();

        int[] sizes = {32, 26, 21};
        for (int level = 1; level <= 3; level++) {
            CTStyle s = ct.addNewStyle();
            s.setType(STStyleType.PARAGRAPH);
            s.setStyleId("Heading" + level);
            s.addNewName().setVal("heading " + level);
            s.addNewBasedOn().setVal("Normal");
            s.addNewNext().setVal("Normal");
            s.addNewUiPriority().setVal(BigInteger.valueOf(9));
            s.addNewQFormat();
            CTPPrGeneral pPr = s.addNewPPr();
            pPr.addNewKeepNext();
            pPr.addNewKeepLines();
            var spacing = pPr.addNewSpacing();
            spacing.setBefore(BigInteger.valueOf(level == 1 ? 0 : 240));
            spacing.setAfter(BigInteger.valueOf(120));
            pPr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            CTRPr hr = s.addNewRPr();
            hr.addNewB();
            hr.addNewBCs();
            hr.addNewSz().setVal(BigInteger.valueOf(sizes[level - 1]));
            hr.addNewSzCs().setVal(BigInteger.valueOf(sizes[level - 1]));
        }
        for (int level = 1; level <= 2; level++) {
            // the heading's look without its outline level, so the TOC field (built-in heading styles, outline
            // levels) leaves it out when Word or LibreOffice updates it: for headings the contents leave out
            CTStyle s = ct.addNewStyle();
            s.setType(STStyleType.PARAGRAPH);
            s.setStyleId("Heading" + level + NOT_IN_TOC);
            s.addNewName().setVal("Heading " + level + " (not in contents)");
            s.addNewBasedOn().setVal("Heading" + level);
            s.addNewNext().setVal("Normal");
            s.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(9));
        }
        paragraphStyle(ct, "FootnoteText", "footnote text", 16, false, 0);
        CTStyle reference = ct.addNewStyle(); // the style POI's footnote marks name
        reference.setType(STStyleType.CHARACTER);
        reference.setStyleId("FootnoteReference");
        reference.addNewName().setVal("footnote reference");
        reference.addNewRPr().addNewVertAlign().setVal(STVerticalAlignRun.SUPERSCRIPT);
        paragraphStyle(ct, "Title", "Title", 48, true, 0);
        paragraphStyle(ct, "TOCHeading", "TOC Heading", 32, true, 0);
        paragraphStyle(ct, "TOC1", "toc 1", 20, false, 0);
        paragraphStyle(ct, "TOC2", "toc 2", 20, false, 220);
        XWPFStyles styles = doc.createStyles();
        styles.setStyles(ct);
    }

    private static void properties(XWPFDocument doc, AppendixDocument d) {
        Optional<Date> date = Optional.of(Date.from(d.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        PackageProperties core = doc.getProperties().getCoreProperties().getUnderlyingProperties();
        core.setTitleProperty(d.title());
        core.setSubjectProperty(d.committee() + " – " + d.period());
        core.setCreatorProperty(d.committee());
        core.setLastModifiedByProperty(d.committee());
        core.setLanguageProperty(LANGUAGE);
        core.setCreatedProperty(date);
        core.setModifiedProperty(date);
    }

    private static void page(XWPFDocument doc, AppendixDocument d) {
        CTBody body = doc.getDocument().getBody();
        CTSectPr sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1247));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        margins.setGutter(BigInteger.ZERO);

        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph h = header.createParagraph();
        h.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun hr = h.createRun();
        hr.setText(d.committee() + " · " + d.period());
        hr.setFontSize(8);

        if (d.blocks().stream().anyMatch(b -> b instanceof TitlePage)) {
            // the title page carries no running header and no page number: a different first page, left empty
            sect.addNewTitlePg();
            doc.createHeader(HeaderFooterType.FIRST).createParagraph();
            doc.createFooter(HeaderFooterType.FIRST).createParagraph();
        }

        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph f = footer.createParagraph();
        f.setAlignment(ParagraphAlignment.CENTER);
        String[] parts = d.pageLabel().split("\\{0}|\\{1}", -1);
        text(f, parts[0]);
        field(f, "PAGE");
        text(f, parts.length > 1 ? parts[1] : "");
        field(f, "NUMPAGES");
        text(f, parts.length > 2 ? parts[2] : "");
    }

    private static void text(XWPFParagraph p, String text) {
        if (!text.isEmpty()) {
            XWPFRun run = p.createRun();
            run.setText(text);
            run.setFontSize(8);
        }
    }

    private static void field(XWPFParagraph p, String instruction) {
        // every run of the field in 8 pt: LibreOffice draws the computed number in the begin run's size
        XWPFRun begin = p.createRun();
        begin.setFontSize(8);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        instr.setFontSize(8);
        var text = instr.getCTR().addNewInstrText();
        text.setStringValue(" " + instruction + " ");
        text.setSpace(SpaceAttribute.Space.PRESERVE);
        XWPFRun separate = p.createRun();
        separate.setFontSize(8);
        separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        XWPFRun shown = p.createRun();
        shown.setText("1");
        shown.setFontSize(8);
        XWPFRun end = p.createRun();
        end.setFontSize(8);
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /**
     * The same entries in the same order, each with a fixed time, so equal content gives equal bytes; the tables' body
     * rows replace their markers in the main document part.
     */
    private static byte[] withFixedZipTimes(byte[] zip, List<String> tableRows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ZIP_TIME);
                z.putNextEntry(copy);
                if (entry.getName().equals("word/document.xml") && !tableRows.isEmpty()) {
                    spliceRows(in.readAllBytes(), tableRows, z);
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Writes the document part with each {@code <!--marker n-->} replaced by table n's rows. */
    private static void spliceRows(byte[] xml, List<String> tableRows, OutputStream out) throws IOException {
        byte[] open = ("<!--" + ROWS_MARKER).getBytes(StandardCharsets.US_ASCII);
        int from = 0;
        int found = 0;
        for (int i = indexOf(xml, open, 0); i >= 0; i = indexOf(xml, open, from)) {
            int end = indexOf(xml, "-->".getBytes(StandardCharsets.US_ASCII), i);
            int n = Integer.parseInt(new String(xml, i + open.length, end - i - open.length, StandardCharsets.US_ASCII));
            out.write(xml, from, i - from);
            out.write(tableRows.get(n).getBytes(StandardCharsets.UTF_8));
            from = end + 3;
            found++;
        }
        if (found != tableRows.size()) {
            throw new IllegalStateException("Table rows lost: " + found + " of " + tableRows.size() + " markers found");
        }
        out.write(xml, from, xml.length - from);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
