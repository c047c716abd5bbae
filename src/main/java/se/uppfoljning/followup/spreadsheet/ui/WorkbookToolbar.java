package se.uppfoljning.followup.spreadsheet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.followup.spreadsheet.WorkbookExport;
import se.uppfoljning.periods.CommitteeContext;

import java.io.ByteArrayInputStream;

/** The overview's spreadsheet round trip: "Exportera till Excel" for everyone, "Importera från Excel" for editors. */
public class WorkbookToolbar extends HorizontalLayout {

    private final FollowUpWorkbookService workbooks;
    final Anchor export = new Anchor();
    final Button importButton = new Button();
    private Registration clickRegistration;

    public WorkbookToolbar(FollowUpWorkbookService workbooks) {
        this.workbooks = workbooks;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("workbook-toolbar");
        export.setId("workbook-export");
        export.setText(getTranslation("workbook.export"));
        importButton.setId("workbook-import");
        importButton.setText(getTranslation("workbook.import"));
        importButton.setIcon(VaadinIcon.UPLOAD.create());
        importButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        setVisible(false);
        add(export, importButton);
    }

    /** Shows the actions for the context; {@code onImported} runs after an import has changed entries. */
    public void show(CommitteeContext context, Runnable onImported) {
        export.setHref(DownloadHandler.fromInputStream(e -> {
            WorkbookExport file = workbooks.export(context);
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                    WorkbookExport.MEDIA_TYPE, file.content().length);
        }));
        importButton.setVisible(workbooks.mayImport(context));
        if (clickRegistration != null) {
            clickRegistration.remove();
        }
        clickRegistration = importButton.addClickListener(
                e -> new WorkbookImportDialog(workbooks, context, onImported).open());
        setVisible(true);
    }
}
