package se.uppfoljning.followup.spreadsheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.ui.Confirmation;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.SwedishComponents;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.followup.spreadsheet.WorkbookChange;
import se.uppfoljning.followup.spreadsheet.WorkbookExport;
import se.uppfoljning.followup.spreadsheet.WorkbookImport;
import se.uppfoljning.periods.CommitteeContext;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Import of an edited follow-up spreadsheet: upload → the changes it would make (or its bad rows) → "Genomför
 * ändringarna" with a confirmation. The service validates again when applying; nothing is written before that.
 */
class WorkbookImportDialog extends Dialog {

    private final FollowUpWorkbookService workbooks;
    private final CommitteeContext context;
    private final Runnable onImported;

    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Paragraph summary = new Paragraph();
    final Grid<WorkbookChange> changes = new Grid<>();
    final Grid<ErrorDetail> errors = new Grid<>();
    final Button apply = new Button();
    private String pendingName;
    private byte[] pendingContent;

    WorkbookImportDialog(FollowUpWorkbookService workbooks, CommitteeContext context, Runnable onImported) {
        this.workbooks = workbooks;
        this.context = context;
        this.onImported = onImported;
        setId("workbook-import-dialog");
        setHeaderTitle(getTranslation("workbook.import"));
        setWidth("min(72rem, 95vw)");
        setResizable(true);

        UI ui = UI.getCurrent();
        upload = new Upload(UploadHandler.inMemory((metadata, data) ->
                ui.access(() -> preview(metadata.fileName(), data))));
        upload.setId("workbook-upload");
        SwedishComponents.upload(upload);
        Button choose = new Button(getTranslation("workbook.import.choose"));
        upload.setUploadButton(choose);
        upload.setDropLabel(new Span(getTranslation("workbook.import.drop")));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) FollowUpWorkbookService.MAX_BYTES);
        upload.setAcceptedFileTypes(".xlsx", WorkbookExport.MEDIA_TYPE);
        upload.addFileRejectedListener(e -> ErrorMessages.showError(
                getTranslation("workbook.import.rejected", e.getErrorMessage())));
        // the upload request itself carries no UI changes: show the indicator as soon as the browser starts sending
        upload.getElement().addEventListener("upload-start", e -> progress.setVisible(true));

        progress.setId("workbook-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("workbook.import.working"));

        summary.setId("workbook-summary");
        summary.getElement().setAttribute("aria-live", "polite");

        changes.setId("workbook-changes");
        changes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        changes.addColumn(WorkbookChange::row).setHeader(getTranslation("workbook.grid.row")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(WorkbookChange::printedText).setHeader(getTranslation("workbook.grid.item")).setFlexGrow(3);
        changes.addColumn(c -> status(c.oldStatus())).setHeader(getTranslation("workbook.grid.oldStatus")).setAutoWidth(true);
        changes.addColumn(c -> status(c.newStatus())).setHeader(getTranslation("workbook.grid.newStatus")).setAutoWidth(true);
        changes.addColumn(c -> getTranslation(c.commentChanged() ? "workbook.grid.commentChanged" : "workbook.grid.commentSame"))
                .setHeader(getTranslation("workbook.grid.comment")).setAutoWidth(true);
        changes.setAllRowsVisible(false);
        changes.setHeight("22rem");
        changes.setVisible(false);

        errors.setId("workbook-errors");
        errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        errors.addColumn(d -> d.line() == null ? "" : String.valueOf(d.line())).setHeader(getTranslation("workbook.grid.row"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(d -> d.column() == null ? "" : d.column()).setHeader(getTranslation("workbook.grid.column"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(ErrorDetail::message).setHeader(getTranslation("workbook.grid.message")).setFlexGrow(1);
        errors.setHeight("22rem");
        errors.setVisible(false);

        apply.setId("workbook-apply");
        apply.setText(getTranslation("workbook.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> confirm());
        Button cancel = new Button(getTranslation("workbook.cancel"), e -> close());
        cancel.setId("workbook-cancel");
        getFooter().add(cancel, apply);

        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("workbook.import.help")), upload, progress,
                summary, changes, errors);
        body.setPadding(false);
        add(body);
    }

    /** Validates the file and shows what it would change, or why it cannot be applied. */
    void preview(String fileName, byte[] content) {
        progress.setVisible(false);
        pendingName = null;
        pendingContent = null;
        apply.setEnabled(false);
        changes.setVisible(false);
        errors.setVisible(false);
        try {
            WorkbookImport result = workbooks.preview(context, fileName, content);
            summary.setText(result.changes().isEmpty() ? getTranslation("workbook.preview.none")
                    : getTranslation("workbook.preview.summary", fileName, String.valueOf(result.rows()),
                    String.valueOf(result.changes().size())));
            changes.setItems(result.changes());
            changes.setVisible(!result.changes().isEmpty());
            if (!result.changes().isEmpty()) {
                pendingName = fileName;
                pendingContent = content;
                apply.setEnabled(true);
            }
        } catch (DomainException e) {
            showErrors(e);
        } catch (AccessDeniedException e) {
            summary.setText(ErrorMessages.describe(this, e));
        }
    }

    private void showErrors(DomainException e) {
        summary.setText(getTranslation(e.messageKey(), e.arguments())
                + (e.details().isEmpty() ? "" : " " + getTranslation("workbook.preview.errors")));
        List<ErrorDetail> details = e.details();
        errors.setItems(details);
        errors.setVisible(!details.isEmpty());
    }

    private void confirm() {
        if (pendingContent == null) {
            return;
        }
        Confirmation.of("workbook-confirm", getTranslation("workbook.apply.confirm.header"),
                getTranslation("workbook.apply.confirm.text", String.valueOf(changes.getListDataView().getItemCount()),
                        context.period().name()),
                getTranslation("workbook.apply.confirm.button"), false, this::applyChanges).open();
    }

    void applyChanges() {
        apply.setEnabled(false);
        try {
            WorkbookImport result = workbooks.apply(context, pendingName, pendingContent);
            ErrorMessages.showSuccess(getTranslation("workbook.applied", String.valueOf(result.changes().size()),
                    pendingName));
            close();
            onImported.run();
        } catch (DomainException e) {
            // someone saved after the preview, or the period was decided meanwhile: nothing was applied
            pendingContent = null;
            changes.setVisible(false);
            showErrors(e);
        }
    }

    private String status(String label) {
        return label == null ? getTranslation("status.notAssessed") : label;
    }
}
