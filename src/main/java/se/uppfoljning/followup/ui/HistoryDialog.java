package se.uppfoljning.followup.ui;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.HistoryEntry;
import se.uppfoljning.followup.PreviousEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who changed a row when during the period, and what changed: the status only when it changed, and the comment
 * with the added words marked and the removed ones struck through. The previous period's values come first, so the
 * reader sees where the period started.
 */
class HistoryDialog extends Dialog {

    private static final Pattern WORDS = Pattern.compile("\\S+\\s*|\\s+");

    final Grid<HistoryEntry> grid = new Grid<>();

    HistoryDialog(FollowUpRow row, String periodName, List<HistoryEntry> history, Optional<PreviousEntry> previous) {
        setId("history-dialog");
        setHeaderTitle(getTranslation("history.title", row.printedText()));
        setWidth("min(75rem, 95vw)");
        Paragraph period = new Paragraph(getTranslation("history.period", periodName));
        period.setId("history-period");
        period.addClassName("entry-meta");
        add(period);
        previous.ifPresent(p -> {
            Paragraph before = new Paragraph(getTranslation("history.previous", p.periodName(), statusText(p.status()),
                    p.comment().isBlank() ? getTranslation("history.noComment") : p.comment()));
            before.setId("history-previous");
            before.addClassName("entry-meta");
            add(before);
        });
        grid.setId("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(h -> ErrorMessages.time(h.changedAt())).setHeader(getTranslation("history.when"))
                .setKey("when").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::changedBy).setHeader(getTranslation("history.who")).setKey("who")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::statusChange).setHeader(getTranslation("history.status")).setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::commentChange)).setHeader(getTranslation("history.comment"))
                .setKey("comment").setFlexGrow(1);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        if (history.isEmpty()) {
            add(new Paragraph(getTranslation("history.empty")));
        } else {
            Paragraph legend = new Paragraph(getTranslation("history.legend"));
            legend.addClassName("entry-meta");
            add(grid, legend);
        }
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("history-close");
        getFooter().add(close);
    }

    /** "Påbörjat → Pågår" when the status changed, "Pågår (oförändrad)" when only the comment did. */
    String statusChange(HistoryEntry h) {
        if (Objects.equals(h.oldStatus(), h.newStatus())) {
            return getTranslation("history.unchanged", statusText(h.newStatus()));
        }
        return statusText(h.oldStatus()) + " → " + statusText(h.newStatus());
    }

    private Span commentChange(HistoryEntry h) {
        Span cell = new Span();
        String before = h.oldComment() == null ? "" : h.oldComment();
        String after = h.newComment() == null ? "" : h.newComment();
        if (before.equals(after)) {
            cell.setText(getTranslation("history.commentUnchanged"));
            cell.addClassName("history-unchanged");
            return cell;
        }
        for (Element part : marked(before, after)) {
            cell.getElement().appendChild(part);
        }
        return cell;
    }

    /** The new comment as text nodes, with {@code <ins>} around added words and {@code <del>} around removed ones. */
    static List<Element> marked(String before, String after) {
        List<String> oldWords = words(before);
        List<String> newWords = words(after);
        List<Element> parts = new ArrayList<>();
        int position = 0; // in newWords
        for (AbstractDelta<String> delta : DiffUtils.diff(oldWords, newWords).getDeltas()) {
            int start = delta.getTarget().getPosition();
            if (start > position) {
                parts.add(Element.createText(String.join("", newWords.subList(position, start))));
            }
            if (delta.getType() == DeltaType.DELETE || delta.getType() == DeltaType.CHANGE) {
                parts.add(new Element("del").setText(String.join("", delta.getSource().getLines())));
            }
            if (delta.getType() == DeltaType.INSERT || delta.getType() == DeltaType.CHANGE) {
                parts.add(new Element("ins").setText(String.join("", delta.getTarget().getLines())));
            }
            position = start + delta.getTarget().size();
        }
        if (position < newWords.size()) {
            parts.add(Element.createText(String.join("", newWords.subList(position, newWords.size()))));
        }
        return parts;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private String statusText(String status) {
        return status == null ? getTranslation("status.notAssessed") : status;
    }
}
