package se.uppfoljning.appendix.internal;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PageSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.base.fonts.DocumentFonts;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
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
        return render(document, false);
    }

    /**
     * {@code archival}: also PDF/A-2a (Swedish public archives take PDF/A): sRGB output intent and XMP metadata
     * written here from the same fixed values as the document information, so the bytes stay reproducible.
     */
    public static byte[] render(AppendixDocument document, boolean archival) {
        String html = HtmlRenderer.render(document);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("Uppföljning")
                // Arabic and Persian names and texts: split into direction runs and drawn right to left (Unicode
                // bidi), letters joined (Arabic shaping); the page itself stays left to right
                .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                .useUnicodeBidiReorderer(new ICUBidiReorderer())
                .defaultTextDirection(BaseRendererBuilder.TextDirection.LTR)
                .usePageSupplier(new Pages());
        if (archival) {
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A)
                    .useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
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
                if (archival) {
                    info.setProducer("Uppföljning");
                    info.setCreator(null);
                    info.setKeywords(null);
                    var metadata = new PDMetadata(pdf);
                    metadata.importXMPMetadata(xmp(document, date).getBytes(StandardCharsets.UTF_8));
                    pdf.getDocumentCatalog().setMetadata(metadata);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                pdf.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PDF generation failed", e);
        }
    }

    /**
     * Pages whose resources keep one background artifact property list for all. With PDF/UA tagging openhtmltopdf
     * marks every box it paints as a background artifact with a property list of its own (type and bounding box) in
     * the page's resources – about four per table cell, most around nothing at all – and every page stays in memory
     * until the document is saved: a large report held some 200 000 of them (over 100 MB), and adding each one
     * scanned the page's list. PDFBox adds a property list under the key of an equal one already there, so the page's
     * property dictionary takes every background artifact as equal to one shared list, whose bounding box is the
     * whole page (it encloses every artifact on the page).
     */
    private static final class Pages implements PageSupplier {

        private static final COSName SHARED = COSName.getPDFName("Bg");

        @Override
        public PDPage requestPage(PDDocument doc, float pageWidth, float pageHeight, int pageNumber, int shadowPageNumber) {
            PDRectangle size = new PDRectangle(pageWidth, pageHeight);
            PDPage page = new PDPage(size);
            COSDictionary background = new COSDictionary();
            background.setItem(COSName.TYPE, COSName.BACKGROUND);
            background.setItem(COSName.BBOX, size.getCOSArray());
            COSDictionary properties = new COSDictionary() {
                @Override
                public boolean containsValue(Object value) {
                    return isBackground(value) || super.containsValue(value);
                }

                @Override
                public COSName getKeyForValue(Object value) {
                    return isBackground(value) ? SHARED : super.getKeyForValue(value);
                }
            };
            properties.setItem(SHARED, background);
            COSDictionary resources = new COSDictionary();
            resources.setItem(COSName.PROPERTIES, properties);
            page.getCOSObject().setItem(COSName.RESOURCES, resources);
            doc.addPage(page);
            return page;
        }

        private static boolean isBackground(Object value) {
            return value instanceof COSDictionary d && COSName.BACKGROUND.equals(d.getCOSName(COSName.TYPE));
        }
    }

    /**
     * XMP equal to the document information (PDF/A requires both to agree), PDF/A-2a and PDF/UA-1 identification, and
     * the extension schema PDF/A requires for the PDF/UA identification.
     */
    private static String xmp(AppendixDocument document, Calendar date) {
        String when = date.toInstant().toString();
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                <pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>
                <pdfuaid:part>1</pdfuaid:part>
                <dc:format>application/pdf</dc:format>
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
                <xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate>
                <pdf:Producer>Uppföljning</pdf:Producer>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>part</pdfaProperty:name>
                <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                <pdfaProperty:category>internal</pdfaProperty:category>
                <pdfaProperty:description>Part of ISO 14289 the file follows</pdfaProperty:description>
                </rdf:li></rdf:Seq></pdfaSchema:property>
                </rdf:li></rdf:Bag></pdfaExtension:schemas>
                </rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(HtmlRenderer.escape(document.title()), HtmlRenderer.escape(document.committee()),
                HtmlRenderer.escape(document.period()), when, when);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
