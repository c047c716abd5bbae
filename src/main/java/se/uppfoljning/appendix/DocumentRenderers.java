package se.uppfoljning.appendix;

import se.uppfoljning.appendix.internal.DocxRenderer;
import se.uppfoljning.appendix.internal.HtmlRenderer;
import se.uppfoljning.appendix.internal.PdfRenderer;

/**
 * The door to the document model's renderers for other features (the whole report): Word, PDF and the HTML of the
 * preview, from an {@link AppendixDocument}. Pure functions of the document: the same document gives the same bytes.
 */
public final class DocumentRenderers {

    private DocumentRenderers() {
    }

    public static byte[] docx(AppendixDocument document) {
        return DocxRenderer.render(document);
    }

    /** {@code archival}: PDF/A-2a as well as PDF/UA-1. */
    public static byte[] pdf(AppendixDocument document, boolean archival) {
        return PdfRenderer.render(document, archival);
    }

    public static String html(AppendixDocument document) {
        return HtmlRenderer.render(document);
    }
}
