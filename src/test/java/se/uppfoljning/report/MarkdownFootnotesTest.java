package se.uppfoljning.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Block;
import se.uppfoljning.appendix.AppendixDocument.Heading;
import se.uppfoljning.appendix.AppendixDocument.Paragraph;
import se.uppfoljning.appendix.AppendixDocument.Run;
import se.uppfoljning.appendix.internal.DocxRenderer;
import se.uppfoljning.appendix.internal.PdfRenderer;
import se.uppfoljning.report.internal.MarkdownBlocks;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown footnotes ("text[^1]" and "[^1]: note") in a section: real footnotes in Word (the footnotes part holds
 * the note, the paragraph a reference), endnotes after the section's text in the PDF, which stays PDF/UA-1 and
 * PDF/A-2a.
 */
class MarkdownFootnotesTest {

    private static final String SECTION = """
            Nettokostnaden ökar[^rs] jämfört med *budget*[^2].

            - en punkt[^rs]
            - en punkt med [^okänd] kvar som text

            [^rs]: Från och med år 2022 redovisas RS-koden separat.
            [^2]: Budgeten efter omfördelning.
            """;

    private static AppendixDocument document() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, "Delårsrapport"));
        blocks.add(new Heading(2, "1 Ekonomi"));
        blocks.addAll(MarkdownBlocks.parse(SECTION, 3));
        blocks.add(new Heading(2, "2 Verksamhet"));
        blocks.add(Paragraph.ofMarkedText("Nästa avsnitt."));
        return new AppendixDocument("Delårsrapport", "Kommunstyrelsen", "Delår 1 2024", LocalDate.of(2024, 3, 31),
                "Sida {0} av {1}", blocks);
    }

    @Test
    void referencesBecomeFootnoteRunsAndTheDefinitionsLeaveTheText() {
        List<Block> blocks = MarkdownBlocks.parse(SECTION, 3);
        Paragraph first = (Paragraph) blocks.get(0);
        assertThat(first.runs()).extracting(Run::note).containsExactly(null, "Från och med år 2022 redovisas "
                + "RS-koden separat.", null, null, "Budgeten efter omfördelning.", null);
        assertThat(first.text()).isEqualTo("Nettokostnaden ökar jämfört med budget.");
        AppendixDocument.ListBlock list = (AppendixDocument.ListBlock) blocks.get(1);
        assertThat(list.items().get(0).runs()).extracting(Run::note).contains("Från och med år 2022 redovisas "
                + "RS-koden separat.");
        assertThat(list.items().get(1).text()).isEqualTo("en punkt med [^okänd] kvar som text");
        assertThat(blocks).hasSize(3).last().isInstanceOf(AppendixDocument.Notes.class);
        assertThat(MarkdownBlocks.parse("Utan fotnoter.", 3)).hasSize(1);
    }

    @Test
    void aHeadingsReferenceTakesItsNoteFromTheSectionsText() {
        MarkdownBlocks.HeadingText h = MarkdownBlocks.heading("SCB:s RS-kod[^rs])", "[^rs]: Räkenskapssammandraget.\n");
        assertThat(h.text()).isEqualTo("SCB:s RS-kod)");
        assertThat(h.runs()).extracting(Run::note).containsExactly(null, "Räkenskapssammandraget.", null);
        // a label without a note in the section stays text, and a heading without references has no runs
        assertThat(MarkdownBlocks.heading("RS-kod[^x])", "[^rs]: Not.\n"))
                .isEqualTo(new MarkdownBlocks.HeadingText("RS-kod[^x])", null));
        assertThat(MarkdownBlocks.heading("Kommunledning", "[^rs]: Not.\n").runs()).isNull();
    }

    @Test
    void wordHasRealFootnotes() throws Exception {
        byte[] docx = DocxRenderer.render(document());
        Files.createDirectories(Path.of("target/tmp"));
        Files.write(Path.of("target/tmp/footnotes.docx"), docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> notes = doc.getFootnotes().stream().map(XWPFFootnote::getParagraphs)
                    .map(ps -> ps.get(0).getText().strip()).toList();
            assertThat(notes).containsExactly("Från och med år 2022 redovisas RS-koden separat.",
                    "Budgeten efter omfördelning.", "Från och med år 2022 redovisas RS-koden separat.");
            String body = doc.getDocument().xmlText();
            assertThat(body.split("footnoteReference ", -1)).hasSize(4);
            assertThat(body).doesNotContain("[^rs]", "[^2]", "redovisas RS-koden").contains("[^okänd]");
        }
    }

    @Test
    void pdfHasTheNotesAfterTheSectionAndStaysAccessible() throws Exception {
        ReportDocumentTest.veraPdf();
        byte[] pdf = PdfRenderer.render(document(), true);
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).doesNotContain("[^rs]", "[^2]");
        Files.createDirectories(Path.of("target/tmp"));
        Files.write(Path.of("target/tmp/footnotes.pdf"), pdf);
        int notes = text.indexOf("1 Från och med år 2022 redovisas RS-koden separat.");
        assertThat(notes).isGreaterThan(text.indexOf("kvar som text"));
        assertThat(text.indexOf("2 Budgeten efter omfördelning.")).isGreaterThan(notes);
        assertThat(text.indexOf("3 Från och med år 2022")).isGreaterThan(notes)
                .isLessThan(text.indexOf("2 Verksamhet"));
        // the references' superscript numbers (the stripper orders them by their raised baseline, not in the line)
        assertThat(text.substring(0, text.indexOf("kvar som text"))).contains("1", "budget2", "en punkt3");
        assertThat(ReportDocumentTest.failedRules(pdf, ReportDocumentTest.pdfUa1, PDFAFlavour.PDFUA_1))
                .as("PDF/UA-1").isEmpty();
        assertThat(ReportDocumentTest.failedRules(pdf, ReportDocumentTest.pdfA2a, PDFAFlavour.PDFA_2_A))
                .as("PDF/A-2a").isEmpty();
    }
}
