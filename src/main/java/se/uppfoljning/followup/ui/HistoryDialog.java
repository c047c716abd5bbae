package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.HistoryEntry;

import java.util.List;

/** Who changed a row when, and from what to what. */
class HistoryDialog extends Dialog {

    final Grid<HistoryEntry> grid = new Grid<>();

    HistoryDialog(FollowUpRow row, List<HistoryEntry> history) {
        setId("history-dialog");
        setHeaderTitle(getTranslation("history.title", row.printedText()));
        setWidth("min(70rem, 95vw)");
        grid.setId("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(h -> ErrorMessages.time(h.changedAt())).setHeader(getTranslation("history.when"))
                .setKey("when").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::changedBy).setHeader(getTranslation("history.who")).setKey("who")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> statusText(h.oldStatus()) + " → " + statusText(h.newStatus()))
                .setHeader(getTranslation("history.status")).setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> h.oldComment() == null ? "" : h.oldComment()).setHeader(getTranslation("history.oldComment"))
                .setKey("oldComment").setFlexGrow(1);
        grid.addColumn(HistoryEntry::newComment).setHeader(getTranslation("history.newComment")).setKey("newComment")
                .setFlexGrow(1);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        if (history.isEmpty()) {
            add(new Paragraph(getTranslation("history.empty")));
        } else {
            add(grid);
        }
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("history-close");
        getFooter().add(close);
    }

    private String statusText(String status) {
        return status == null ? getTranslation("status.notAssessed") : status;
    }
}
