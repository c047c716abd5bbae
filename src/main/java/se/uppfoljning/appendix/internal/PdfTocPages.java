package se.uppfoljning.appendix.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The page numbers of a rendered PDF's table of contents, read from the PDF itself: each contents line is a link
 * (its alternative text, the annotation's {@code /Contents}, is the heading as printed – see {@link HtmlRenderer}) to
 * its heading, and the page the link goes to is the page the contents print (CSS {@code target-counter}, counted from
 * the first page). Reading the result keeps this apart from how the PDF is laid out.
 */
public final class PdfTocPages {

    private PdfTocPages() {
    }

    /**
     * For each of {@code entries} (the headings as printed, in contents order) its 1-based page; the links are matched
     * in document order, so equal headings get their own pages. Throws IllegalStateException when an entry has no link.
     */
    public static List<Integer> pages(byte[] pdf, List<String> entries) {
        List<Integer> pages = new ArrayList<>(entries.size());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            outer:
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (pages.size() == entries.size()) {
                        break outer;
                    }
                    if (annotation instanceof PDAnnotationLink link
                            && entries.get(pages.size()).equals(link.getContents())) {
                        int target = targetPage(document, link);
                        if (target > 0) {
                            pages.add(target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the PDF's contents failed", e);
        }
        if (pages.size() != entries.size()) {
            throw new IllegalStateException("No contents link for \"" + entries.get(pages.size()) + "\"");
        }
        return pages;
    }

    private static int targetPage(PDDocument document, PDAnnotationLink link) throws IOException {
        PDDestination destination = link.getDestination();
        if (destination == null) {
            PDAction action = link.getAction();
            destination = action instanceof PDActionGoTo goTo ? goTo.getDestination() : null;
        }
        if (destination instanceof PDNamedDestination named) {
            destination = document.getDocumentCatalog().findNamedDestinationPage(named);
        }
        if (destination instanceof PDPageDestination target) {
            PDPage page = target.getPage();
            return page != null ? document.getPages().indexOf(page) + 1 : target.getPageNumber() + 1;
        }
        return -1;
    }
}
