package se.uppfoljning.appendix;

import se.uppfoljning.appendix.internal.DocxRenderer;
import se.uppfoljning.appendix.internal.HtmlRenderer;
import se.uppfoljning.appendix.internal.PdfRenderer;

import java.util.concurrent.Semaphore;

/**
 * The door to the document model's renderers for other features (the whole report): Word, PDF and the HTML of the
 * preview, from an {@link AppendixDocument}. Pure functions of the document: the same document gives the same bytes.
 */
public final class DocumentRenderers {

    /**
     * Rendering is CPU-bound and memory-hungry: at most one per core (at least two) for the appendices and the
     * whole report together, the rest wait their turn.
     */
    private static final Semaphore RENDERING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()),
            true);

    private DocumentRenderers() {
    }

    /**
     * Word, or PDF/UA-1 ({@code archival}: PDF/A-2a as well), within the limit of renderings at a time.
     *
     * @throws IllegalStateException when the thread is interrupted while it waits for its turn
     */
    public static byte[] render(AppendixDocument document, AppendixFormat format, boolean archival) {
        try {
            RENDERING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to render", e);
        }
        try {
            return format == AppendixFormat.DOCX ? DocxRenderer.render(document)
                    : PdfRenderer.render(document, archival);
        } finally {
            RENDERING.release();
        }
    }

    public static String html(AppendixDocument document) {
        return HtmlRenderer.render(document);
    }
}
