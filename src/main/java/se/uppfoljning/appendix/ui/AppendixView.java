package se.uppfoljning.appendix.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.appendix.AppendixService;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.drafts.ui.DraftKeeper;
import se.uppfoljning.measures.Measure;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.measures.Mnkr;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Bilaga 1 and Bilaga 2: every member downloads them as Word or PDF; the secretariat also previews them (the HTML
 * the PDF is made from) and keeps Bilaga 1's measures. A document is produced whole before it is offered.
 */
@Route(value = "bilagor", layout = MainLayout.class)
@PermitAll
public class AppendixView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AppendixView.class);

    private final AppendixService appendices;
    private final MeasureService measures;
    private final SelectedContext selected;
    private final DraftService drafts;
    private CommitteeContext context;
    final IFrame preview = new IFrame();
    final Grid<Measure> measureGrid = new Grid<>();
    final Paragraph measuresEmpty = new Paragraph();

    public AppendixView(AppendixService appendices, MeasureService measures, SelectedContext selected,
                        DraftService drafts) {
        this.drafts = drafts;
        this.appendices = appendices;
        this.measures = measures;
        this.selected = selected;
        addClassName("appendix-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CommitteeContext> current = selected.current();
        if (current.isEmpty()) {
            add(new H2(getTranslation("followUp.noCommittee")));
            return;
        }
        context = current.get();
        H2 title = new H2(getTranslation("appendix.title"));
        title.setId("view-title");
        boolean decided = context.period().isLocked();
        add(title, new Paragraph(context.committee().name() + " · " + context.period().name()),
                new Paragraph(getTranslation(decided ? "appendix.intro.decided"
                        : isSecretariat() ? "appendix.intro" : "appendix.intro.draft")));
        preview.setId("appendix-preview");
        preview.setWidthFull();
        preview.setHeight("75vh");
        preview.setVisible(false);
        add(appendixSection(AppendixKind.BILAGA_1), appendixSection(AppendixKind.BILAGA_2));
        add(measureSection());
    }

    private boolean isSecretariat() {
        return appendices.mayEdit(context);
    }

    private Section appendixSection(AppendixKind kind) {
        Section section = new Section();
        section.setId(kind.slug());
        section.addClassName("appendix-section");
        section.add(new H3(appendices.title(kind)));
        Div status = new Div();
        status.setId(kind.slug() + "-status");
        status.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(Alignment.BASELINE);
        if (isSecretariat()) {
            Button show = new Button(getTranslation("appendix.preview"), VaadinIcon.EYE.create(), e -> showPreview(kind));
            show.setId(kind.slug() + "-preview");
            actions.add(show);
        }
        boolean decided = context.period().isLocked();
        // a decided period's appendices are stored files anyone may fetch; drafts are made by the secretariat
        for (AppendixFormat format : decided || isSecretariat() ? AppendixFormat.values() : new AppendixFormat[0]) {
            String label = format == AppendixFormat.DOCX ? (decided ? "appendix.fetchWord" : "appendix.createWord")
                    : (decided ? "appendix.fetchPdf" : "appendix.createPdf");
            Button create = new Button(getTranslation(label), VaadinIcon.FILE_TEXT.create());
            create.setId(kind.slug() + "-" + format.extension());
            create.addThemeVariants(format == AppendixFormat.DOCX ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            create.addClickListener(e -> generate(kind, format, create, status));
            actions.add(create);
        }
        section.add(actions, status);
        if (decided) {
            for (AppendixFormat format : AppendixFormat.values()) {
                appendices.storedSha256(context, kind, format).ifPresent(sha -> {
                    Paragraph checksum = new Paragraph(getTranslation("appendix.checksum", format.extension().toUpperCase()));
                    Span code = new Span(sha);
                    code.addClassName("checksum");
                    checksum.add(code);
                    checksum.setId(kind.slug() + "-" + format.extension() + "-stored-sha256");
                    checksum.addClassName("checksum-line");
                    section.add(checksum);
                });
            }
        }
        return section;
    }

    private void showPreview(AppendixKind kind) {
        try {
            preview.setSrcdoc(appendices.previewHtml(context, kind));
            preview.setTitle(getTranslation("appendix.previewFrame", appendices.title(kind)));
            preview.setVisible(true);
            // right below the button that asked for it
            getChildren().filter(c -> c.getId().filter(kind.slug()::equals).isPresent()).findFirst()
                    .ifPresent(section -> ((Section) section).add(preview));
            preview.scrollIntoView();
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
    }

    /** Generates in the background with a progress bar; offers the file only when it is complete. */
    private void generate(AppendixKind kind, AppendixFormat format, Button button, Div status) {
        UI ui = UI.getCurrent();
        String name = appendices.fileName(context, kind, format);
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidth("12rem");
        Span text = new Span(getTranslation("appendix.generating", name));
        status.removeAll();
        status.add(text, bar);
        button.setEnabled(false);
        ui.setPollInterval(300);
        appendices.generateAsync(context, kind, format).whenComplete((file, failure) -> ui.access(() -> {
            ui.setPollInterval(-1);
            button.setEnabled(true);
            status.removeAll();
            if (failure != null) {
                log.error("Generation of {} {} failed", kind, format, failure);
                Span error = new Span(getTranslation("appendix.error"));
                error.setId(kind.slug() + "-error");
                error.addClassName("entry-error");
                error.getElement().setAttribute("role", "alert");
                status.add(error);
                ErrorMessages.showError(getTranslation("appendix.error"));
            } else {
                status.add(downloadLink(kind, format, file));
                if (context.period().isLocked()) {
                    // the decided report is a public record: its checksum lets anyone verify a copy
                    Paragraph checksum = new Paragraph(getTranslation("appendix.storedChecksum", ""));
                    Span code = new Span(file.sha256());
                    code.addClassName("checksum");
                    checksum.add(code);
                    checksum.setId(kind.slug() + "-" + format.extension() + "-sha256");
                    checksum.addClassName("checksum-line");
                    status.add(checksum);
                }
            }
        }));
    }

    private Anchor downloadLink(AppendixKind kind, AppendixFormat format, AppendixFile file) {
        byte[] content = file.content();
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(content), file.fileName(), file.contentType(), content.length));
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("appendix.download", file.fileName()));
        link.setId(kind.slug() + "-" + format.extension() + "-download");
        return link;
    }

    private Section measureSection() {
        Section section = new Section();
        section.setId("measures");
        section.add(new H3(getTranslation("measures.title")));
        measureGrid.setId("measure-grid");
        measureGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        measureGrid.setAllRowsVisible(true);
        measureGrid.addColumn(Measure::number).setHeader(getTranslation("measures.number")).setFlexGrow(0).setWidth("4rem");
        measureGrid.addColumn(Measure::description).setHeader(getTranslation("measures.description")).setFlexGrow(4)
                .setWidth("20rem");
        measureGrid.addColumn(Measure::decision).setHeader(getTranslation("measures.decision")).setFlexGrow(1);
        measureGrid.addColumn(Measure::diaryNumber).setHeader(getTranslation("measures.diaryNumber")).setFlexGrow(1);
        measureGrid.addColumn(m -> Mnkr.format(m.forecastEffect())).setHeader(getTranslation("measures.forecastEffect")).setFlexGrow(1);
        measureGrid.addColumn(m -> Mnkr.format(m.totalEffect())).setHeader(getTranslation("measures.totalEffect")).setFlexGrow(1);
        measureGrid.addColumn(m -> Mnkr.format(m.achievedEffect())).setHeader(getTranslation("measures.achievedEffect")).setFlexGrow(1);
        boolean editable = isSecretariat() && !context.period().isLocked();
        if (editable) {
            measureGrid.addComponentColumn(m -> {
                Button edit = new Button(getTranslation("action.edit"), e -> openDialog(m));
                edit.setId("measure-edit-" + m.number());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return edit;
            }).setKey("actions").setHeader(getTranslation("grid.actions")).setFlexGrow(0).setAutoWidth(true);
        }
        refreshMeasures();
        measureGrid.setWidthFull();
        section.setWidthFull();
        section.add(measureGrid, measuresEmpty);
        measuresEmpty.setId("measures-empty");
        measuresEmpty.addClassName("empty-state");
        measuresEmpty.setText(getTranslation(editable ? "measures.empty.secretariat" : "measures.empty"));
        measuresEmpty.setVisible(measureGrid.getListDataView().getItemCount() == 0);
        measureGrid.setVisible(!measuresEmpty.isVisible());
        if (editable) {
            Button add = new Button(getTranslation("measures.add"), VaadinIcon.PLUS.create(), e -> openDialog(null));
            add.setId("measure-add");
            section.add(add);
        }
        return section;
    }

    private void refreshMeasures() {
        measureGrid.setItems(measures.measures(context));
        measuresEmpty.setVisible(measureGrid.getListDataView().getItemCount() == 0);
        measureGrid.setVisible(!measuresEmpty.isVisible());
    }

    private void openDialog(Measure measure) {
        DraftKeeper draft = new DraftKeeper(drafts, DraftKey.measure(context, measure == null ? null : measure.id()));
        MeasureDialog dialog = new MeasureDialog(measure, changed -> {
            try {
                Measure saved = measure == null ? measures.create(context, changed) : measures.save(context, changed);
                refreshMeasures();
                ErrorMessages.showSuccess(getTranslation("measures.saved", String.valueOf(saved.number())));
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(ErrorMessages.describe(this, e));
            }
        }, draft);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("appendix.pageTitle");
    }
}
