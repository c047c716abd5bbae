package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.drafts.ui.DraftKeeper;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.PreviousEntry;
import se.uppfoljning.followup.StatusOption;
import se.uppfoljning.structure.ItemKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Edits (or, for those who may not edit, shows) a row's status and comment. A refused save keeps the dialog open
 * with the user's text in it, and says why.
 */
class EntryDialog extends Dialog {

    private static final String NOT_ASSESSED = "";

    final Select<String> status = new Select<>();
    final TextArea comment = new TextArea();
    final Div error = new Div();
    final Button save = new Button();
    final Button ready = new Button();

    /** Saves the change; returns the refusal's text, or empty when saved. */
    interface SaveHandler extends Function<FollowUpChange, Optional<String>> {
    }

    /** Marks the row ready (true) or takes the mark away (false); returns the refusal's text, or empty when done. */
    interface ReadyHandler extends Function<Boolean, Optional<String>> {
    }

    EntryDialog(FollowUpRow row, List<StatusOption> options, SaveHandler handler) {
        this(row, options, handler, null, Optional.empty(), null);
    }

    /**
     * {@code previous}: the entry of the period before, shown for comparison; {@code drafts} (may be null) keeps the
     * typed text while the user types and offers an earlier draft.
     */
    EntryDialog(FollowUpRow row, List<StatusOption> options, SaveHandler handler, ReadyHandler readyHandler,
                Optional<PreviousEntry> previous, DraftKeeper drafts) {
        setId("entry-dialog");
        setHeaderTitle(row.printedText());
        setWidth("min(46rem, 95vw)");

        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        Paragraph meta = new Paragraph(getTranslation("entry.owner", nullToEmpty(row.owner()))
                + (row.targetText() == null ? "" : " · " + getTranslation("entry.target", row.targetText()))
                + (row.version() == 0 ? "" : " · " + getTranslation("entry.lastSaved", nullToEmpty(row.updatedBy()),
                ErrorMessages.time(row.updatedAt()))));
        meta.addClassName("entry-meta");
        content.add(meta);
        if (row.derivedFromFinance()) {
            Paragraph derived = new Paragraph(getTranslation("entry.derivedFromFinance"));
            derived.addClassName("entry-meta");
            content.add(derived);
        }

        // what was reported last time, to build on (carried drafts show it in the fields already)
        previous.filter(p -> !row.fromPreviousPeriod()).ifPresent(p -> {
            Paragraph before = new Paragraph(getTranslation("entry.previous", p.periodName(),
                    p.status() == null ? getTranslation("status.notAssessed") : p.status(),
                    p.comment().isBlank() ? getTranslation("history.noComment") : p.comment()));
            before.setId("entry-previous");
            before.addClassName("entry-previous");
            content.add(before);
        });

        List<String> labels = new ArrayList<>();
        labels.add(NOT_ASSESSED);
        options.forEach(o -> labels.add(o.label()));
        status.setId("entry-status");
        status.setLabel(getTranslation(row.kind() == ItemKind.ASSIGNMENT
                ? "entry.statusAssignment" : "entry.statusGoal"));
        status.setItems(labels);
        status.setItemLabelGenerator(l -> l.isEmpty() ? getTranslation("status.notAssessed") : l);
        status.setValue(row.status() == null ? NOT_ASSESSED : row.status());
        status.setWidthFull();

        comment.setId("entry-comment");
        comment.setLabel(getTranslation("entry.comment"));
        comment.setValue(row.comment());
        comment.setWidthFull();
        comment.setMinHeight("10rem");
        comment.setMaxLength(FollowUpService.MAX_COMMENT_LENGTH);
        // the value reaches the server (and the draft) every second while the user types
        comment.setValueChangeMode(ValueChangeMode.TIMEOUT);
        comment.setValueChangeTimeout(1000);
        comment.setHelperText(getTranslation("entry.commentLength", Messages.integer(row.comment().length()),
                Messages.integer(FollowUpService.MAX_COMMENT_LENGTH)));
        comment.addValueChangeListener(e -> comment.setHelperText(getTranslation("entry.commentLength",
                Messages.integer(e.getValue().length()), Messages.integer(FollowUpService.MAX_COMMENT_LENGTH))));

        error.setId("entry-error");
        error.addClassName("entry-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        content.add(status, comment, error);
        add(content);

        if (row.ready()) {
            Paragraph readyInfo = new Paragraph(getTranslation("followUp.readyBy", nullToEmpty(row.readyBy()),
                    ErrorMessages.time(row.readyAt())));
            readyInfo.setId("entry-ready-info");
            readyInfo.addClassName("entry-meta");
            content.addComponentAtIndex(1, readyInfo);
        }
        Button cancel = new Button(getTranslation(row.editable() ? "action.cancel" : "action.close"), e -> close());
        cancel.setId("entry-cancel");
        if (row.mayMarkReady() && readyHandler != null) {
            boolean mark = !row.ready();
            ready.setId("entry-ready");
            ready.setText(getTranslation(mark ? "entry.markReady" : "entry.unmarkReady"));
            ready.setIcon(VaadinIcon.CHECK.create());
            ready.addClickListener(e -> {
                boolean unsaved = !status.getValue().equals(row.status() == null ? NOT_ASSESSED : row.status())
                        || !comment.getValue().equals(row.comment());
                if (unsaved && mark) {
                    showError(getTranslation("entry.saveBeforeReady"));
                    return;
                }
                readyHandler.apply(mark).ifPresentOrElse(this::showError, this::close);
            });
            getFooter().add(ready);
        }
        if (row.editable()) {
            save.setText(getTranslation("action.save"));
            save.setId("entry-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
            save.setTooltipText(getTranslation("entry.saveShortcut"));
            save.addClickListener(e -> handler.apply(new FollowUpChange(status.getValue(), comment.getValue(), row.version()))
                    .ifPresentOrElse(this::showError, this::close));
            getFooter().add(cancel, save);
            if (drafts != null) {
                drafts.field("status", status).field("comment", comment);
                drafts.offer().ifPresent(offer -> content.addComponentAtIndex(0, offer));
            }
        } else {
            status.setReadOnly(true);
            comment.setReadOnly(true);
            getFooter().add(cancel);
        }
    }

    /** Puts another feature's part (the indicator's values and proposed assessment) right under the status. */
    void addBesideStatus(Component component) {
        status.getParent().map(VerticalLayout.class::cast)
                .ifPresent(content -> content.addComponentAtIndex(content.indexOf(status) + 1, component));
    }

    private void showError(String message) {
        error.removeAll();
        error.add(new Span(message));
        error.setVisible(true);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "–" : s;
    }
}
