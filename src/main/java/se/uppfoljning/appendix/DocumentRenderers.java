package se.uppfoljning.appendix;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.uppfoljning.appendix.internal.DocxRenderer;
import se.uppfoljning.appendix.internal.HtmlRenderer;
import se.uppfoljning.appendix.internal.PdfRenderer;
import se.uppfoljning.appendix.internal.PdfTocPages;

import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.Semaphore;

/**
 * The door to the document model's renderers for other features (the whole report): Word, PDF and the HTML of the
 * preview, from an {@link AppendixDocument}. Pure functions of the document: the same document gives the same bytes.
 */
public final class DocumentRenderers {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderers.class);

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

    /**
     * The document with its table of contents' page numbers taken from {@code pdf}, the PDF rendered from this
     * document: for a Word file whose contents field shows the PDF's page numbers before Word updates it. A document
     * without contents is returned as it is, and so is one whose PDF lacks a contents line it expects (logged): the
     * Word field then shows no numbers until it is updated, and the decision that asked for them is not stopped.
     */
    public static AppendixDocument withTocPages(AppendixDocument document, byte[] pdf) {
        List<String> entries = document.blocks().stream()
                .filter(b -> b instanceof AppendixDocument.Heading h && h.inToc())
                .map(b -> ((AppendixDocument.Heading) b).printed()).toList();
        List<AppendixDocument.Block> blocks = new ArrayList<>(document.blocks());
        boolean changed = false;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof AppendixDocument.TableOfContents toc) {
                try {
                    blocks.set(i, new AppendixDocument.TableOfContents(toc.heading(), PdfTocPages.pages(pdf, entries)));
                    changed = true;
                } catch (IllegalStateException e) {
                    log.warn("Word contents without page numbers: {}", e.getMessage());
                }
            }
        }
        return !changed ? document : new AppendixDocument(document.title(), document.committee(), document.period(),
                document.date(), document.pageLabel(), blocks);
    }

    public static String html(AppendixDocument document) {
        return HtmlRenderer.render(document);
    }
}
