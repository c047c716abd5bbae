package se.uppfoljning.indicators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.SwedishComponents;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.Numbers;
import se.uppfoljning.indicators.ValueImport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * "Importera mätvärden": upload a CSV or XLSX of values, see what it would add or change (or every bad row with its
 * line and column), then confirm. Nothing is written before the confirmation.
 */
class ValueImportDialog extends Dialog {

    final MemoryBuffer buffer = new MemoryBuffer();
    final Upload upload = new Upload(buffer);
    final Paragraph summary = new Paragraph();
    final Grid<ErrorDetail> errors = new Grid<>();
    final Grid<ValueImport.Line> lines = new Grid<>();
    final Button confirm = new Button();

    private final IndicatorService indicators;
    private final String committee;
    private final int planYear;
    private byte[] pendingFile;
    private String pendingName;

    ValueImportDialog(IndicatorService indicators, String committee, int planYear, Runnable afterwards) {
        this.indicators = indicators;
        this.committee = committee;
        this.planYear = planYear;
        setId("indicators-import-dialog");
        setHeaderTitle(getTranslation("indicators.import.title"));
        setWidth("min(52rem, 95vw)");
        upload.setId("indicators-import-upload");
        SwedishComponents.upload(upload);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize((int) IndicatorService.MAX_VALUE_FILE_BYTES);
        upload.setDropLabel(new Span(getTranslation("indicators.import.drop")));
        upload.addSucceededListener(e -> {
            try {
                preview(e.getFileName(), buffer.getInputStream().readAllBytes());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        upload.addFileRejectedListener(e -> ErrorMessages.showError(e.getErrorMessage()));
        summary.setId("indicators-import-summary");
        errors.setId("indicators-import-errors");
        errors.addColumn(d -> d.line() == null ? "" : String.valueOf(d.line())).setHeader(getTranslation("import.line"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(d -> d.column() == null ? "" : d.column()).setHeader(getTranslation("import.column"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(ErrorDetail::message).setHeader(getTranslation("import.message")).setFlexGrow(1);
        errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        errors.setAllRowsVisible(true);
        errors.setVisible(false);
        lines.setId("indicators-import-lines");
        lines.addColumn(l -> String.valueOf(l.line())).setHeader(getTranslation("import.line")).setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(ValueImport.Line::number).setHeader(getTranslation("structure.number")).setAutoWidth(true);
        lines.addColumn(l -> String.valueOf(l.year())).setHeader(getTranslation("indicators.ui.year"))
                .setAutoWidth(true);
        lines.addColumn(l -> getTranslation("indicators.gender." + l.gender()))
                .setHeader(getTranslation("indicators.ui.gender")).setAutoWidth(true);
        lines.addColumn(l -> (l.oldValue() == null ? "" : Numbers.format(l.oldValue()) + " → ")
                        + Numbers.format(l.newValue())
                        + (l.preliminary() ? " (" + getTranslation("indicators.ui.preliminary").toLowerCase(Locale.ROOT) + ")" : ""))
                .setHeader(getTranslation("indicators.ui.value")).setFlexGrow(1);
        lines.addColumn(l -> getTranslation("indicators.import.outcome." + l.outcome().name()))
                .setHeader(getTranslation("indicators.import.outcome")).setAutoWidth(true);
        lines.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        lines.setAllRowsVisible(true);
        lines.setVisible(false);
        confirm.setText(getTranslation("indicators.import.confirm"));
        confirm.setId("indicators-import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> {
            try {
                ValueImport result = indicators.importValues(committee, planYear, pendingName, pendingFile);
                ErrorMessages.showSuccess(getTranslation("indicators.import.done", describe(result)));
                afterwards.run();
                close();
            } catch (RuntimeException ex) {
                ErrorMessages.showError(ErrorMessages.describe(this, ex));
            }
        });
        add(new Paragraph(getTranslation("indicators.import.help", String.valueOf(planYear))), upload, summary,
                errors, lines);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }

    /** Checks the file and shows what importing it would do; nothing is written. */
    void preview(String fileName, byte[] content) {
        pendingFile = null;
        confirm.setEnabled(false);
        lines.setVisible(false);
        try {
            ValueImport result = indicators.previewValues(committee, planYear, fileName, content);
            errors.setVisible(false);
            summary.setText(getTranslation("indicators.import.preview", fileName, describe(result)));
            lines.setItems(result.lines());
            lines.setVisible(true);
            pendingFile = content;
            pendingName = fileName;
            confirm.setEnabled(result.added() + result.revised() > 0);
        } catch (ValidationException e) {
            summary.setText(ErrorMessages.describe(this, new ValidationException(e.messageKey(), List.of(),
                    e.arguments())));
            errors.setItems(e.details());
            errors.setVisible(!e.details().isEmpty());
        } catch (RuntimeException e) {
            summary.setText(ErrorMessages.describe(this, e));
            errors.setVisible(false);
        }
    }

    private String describe(ValueImport r) {
        return getTranslation("indicators.import.result", r.rows(), r.added(), r.revised(), r.unchanged());
    }
}
