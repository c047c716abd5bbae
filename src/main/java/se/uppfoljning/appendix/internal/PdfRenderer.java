package se.uppfoljning.appendix.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.base.fonts.DocumentFonts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * An appendix as a tagged PDF/UA-1: the shipped fonts ({@link DocumentFonts}) embedded, language sv-SE, title
 * shown instead of the file name, headings and table headers in the structure tree. The same data gives the same
 * bytes: dates are the document's date and the file identifier is derived from the content.
 */
public final class PdfRenderer {

    private PdfRenderer() {
    }

    public static byte[] render(AppendixDocument document) {
        String html = HtmlRenderer.render(document);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("Uppföljning")
                // Arabic and Persian names and texts: split into direction runs and drawn right to left (Unicode
                // bidi), letters joined (Arabic shaping); the page itself stays left to right
                .useUnicodeBidiSplitter(new com.openhtmltopdf.bidi.support.ICUBidiSplitter.ICUBidiSplitterFactory())
                .useUnicodeBidiReorderer(new com.openhtmltopdf.bidi.support.ICUBidiReorderer())
                .defaultTextDirection(com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection.LTR);
        // every shipped face, subset-embedded; the CSS lists the families in fallback order
        for (DocumentFonts.Face face : DocumentFonts.FACES) {
            byte[] bytes = face.bytes();
            builder.useFont(() -> new ByteArrayInputStream(bytes), face.family(), face.weight(),
                    face.italic() ? FontStyle.ITALIC : FontStyle.NORMAL, true);
        }
        builder.useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .withHtmlContent(html, null);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            try (PDDocument pdf = renderer.createPDFKeepOpen()) {
                Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
                date.setTimeInMillis(document.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
                PDDocumentInformation info = pdf.getDocumentInformation();
                info.setTitle(document.title());
                info.setAuthor(document.committee());
                info.setSubject(document.period());
                info.setCreationDate(date);
                info.setModificationDate(date);
                byte[] id = Arrays.copyOf(sha256(html), 16);
                COSArray ids = new COSArray();
                ids.add(new COSString(id));
                ids.add(new COSString(id));
                pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                pdf.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PDF generation failed", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
