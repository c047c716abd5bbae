package se.uppfoljning.appendix;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Heading;
import se.uppfoljning.appendix.AppendixDocument.Paragraph;
import se.uppfoljning.appendix.AppendixDocument.Run;
import se.uppfoljning.appendix.AppendixDocument.Table;
import se.uppfoljning.appendix.internal.DocxRenderer;
import se.uppfoljning.appendix.internal.HtmlRenderer;
import se.uppfoljning.appendix.internal.PdfRenderer;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renderers on their own: markup in the data stays text, and an appendix file is never empty. */
class AppendixRenderingTest {

    static final String HOSTILE = "Åtgärd <script>alert('x')</script> & \"citat\" – ÅÄÖ åäö";

    static AppendixDocument document() {
        return new AppendixDocument("Bilaga 2: Test & <prov>", "Nämnd \"A\"", "Period 1", LocalDate.of(2024, 3, 31),
                "Sida {0} av {1}", List.of(new Heading(1, "Bilaga 2: Test & <prov>"),
                Paragraph.ofMarkedText("Avser *prognos* för mål."),
                new Table(List.of(new Column("Nämndmål", 38), new Column("Prognos måluppfyllelse", 17),
                        new Column("Kommentar", 45)), List.of(List.of("1.1 " + HOSTILE, "", HOSTILE)))));
    }

    @Test
    void asterisksMarkItalics() {
        assertThat(Paragraph.ofMarkedText("Avser *prognos* för *mål*.").runs()).containsExactly(
                new Run("Avser ", false), new Run("prognos", true), new Run(" för ", false), new Run("mål", true),
                new Run(".", false));
    }

    @Test
    void markupInTheDataIsEscapedInTheHtml() {
        String html = HtmlRenderer.render(document());
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;citat&quot;")
                .contains("<td></td>", "<em>prognos</em>", "<th scope=\"col\">Nämndmål</th>");
    }

    @Test
    void wordAndPdfCarryTheTextUnchanged() throws Exception {
        AppendixDocument document = document();
        WordContent word = WordContent.of(DocxRenderer.render(document));
        assertThat(word.tables().get(0).get(1)).containsExactly("1.1 " + HOSTILE, "", HOSTILE);
        try (PDDocument pdf = Loader.loadPDF(PdfRenderer.render(document))) {
            String text = AppendixPdfTest.compact(new PDFTextStripper().getText(pdf));
            assertThat(text).contains(AppendixPdfTest.compact(HOSTILE));
        }
    }

    @Test
    void anAppendixFileIsNeverEmpty() {
        assertThatThrownBy(() -> new AppendixFile("Bilaga 2.pdf", "application/pdf", new byte[0]))
                .isInstanceOf(IllegalStateException.class);
    }
}
