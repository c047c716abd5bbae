package se.uppfoljning.report.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.base.ui.Confirmation;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.SwedishComponents;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.report.BlockType;
import se.uppfoljning.report.ReportImportService;
import se.uppfoljning.report.ReportSection;
import se.uppfoljning.report.ReportRights;
import se.uppfoljning.report.ReportService;
import se.uppfoljning.report.SectionHistoryEntry;
import se.uppfoljning.report.SectionState;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The whole report: its outline with each section's state, a section's editor (Markdown with a live preview,
 * history, named editors), the whole report's preview and its downloads. A stale save is refused with the typed text
 * left in the editor.
 */
@Route(value = "rapport", layout = MainLayout.class)
@PermitAll
public class ReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ReportView.class);
    private static final DateTimeFormatter TIME = SwedishFormat.DATE_TIME;

    private final ReportService reports;
    private final ReportImportService imports;
    private final SelectedContext selected;
    private CommitteeContext context;
    private ReportRights rights;

    final Grid<ReportSection> outline = new Grid<>();
    final Div editor = new Div();
    final TextArea text = new TextArea();
    final Markdown preview = new Markdown();
    final Paragraph completeness = new Paragraph();
    final IFrame whole = new IFrame();
    private ReportSection current;

    public ReportView(ReportService reports, ReportImportService imports, SelectedContext selected) {
        this.reports = reports;
        this.imports = imports;
        this.selected = selected;
        addClassName("report-view");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CommitteeContext> chosen = selected.current();
        if (chosen.isEmpty()) {
            add(new H2(getTranslation("followUp.noCommittee")));
            return;
        }
        context = chosen.get();
        rights = reports.rights(context);
        H2 title = new H2(getTranslation("report.view.title"));
        title.setId("view-title");
        add(title, new Paragraph(context.committee().name() + " · " + context.period().name()));
        if (context.period().isLocked()) {
            Paragraph locked = new Paragraph(getTranslation("report.view.locked"));
            locked.setId("report-locked");
            add(locked);
        }
        completeness.setId("report-completeness");
        add(completeness, downloads());
        if (rights.mayRunReport()) {
            add(importSection());
        }
        outline.setId("report-outline");
        outline.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        outline.addColumn(this::label).setHeader(getTranslation("report.view.outline")).setFlexGrow(3);
        outline.addColumn(s -> getTranslation("report.view.state." + stateOf(s))).setHeader(getTranslation("report.view.stateHeader"))
                .setFlexGrow(1);
        outline.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
        outline.setHeight("60vh");
        editor.setId("report-editor");
        editor.add(new Paragraph(getTranslation("report.view.selectSection")));
        Div outlineBox = new Div();
        if (rights.mayRunReport()) {
            outlineBox.add(outlineActions());
        }
        outlineBox.add(outline);
        SplitLayout split = new SplitLayout(outlineBox, editor);
        split.setSplitterPosition(35);
        split.setWidthFull();
        add(split);
        Button showWhole = new Button(getTranslation("report.view.wholePreview"), VaadinIcon.EYE.create(),
                e -> showWhole());
        showWhole.setId("report-preview-whole");
        whole.setId("report-whole-preview");
        whole.setTitle(getTranslation("report.view.wholePreview"));
        whole.setWidthFull();
        whole.setHeight("80vh");
        whole.setVisible(false);
        add(showWhole, whole);
        refresh();
        // the whole preview links each section here (?avsnitt=ID): open it in the editor
        event.getLocation().getQueryParameters().getParameters().getOrDefault("avsnitt", List.of()).stream()
                .findFirst().flatMap(id -> outline.getListDataView().getItems()
                        .filter(sec -> String.valueOf(sec.id()).equals(id)).findFirst())
                .ifPresent(sec -> {
                    outline.select(sec);
                    outline.scrollToItem(sec);
                });
    }

    final Button addSection = new Button();
    final Button moveUp = new Button();
    final Button moveDown = new Button();
    final Button removeSection = new Button();

    /**
     * The outline's own changes (secretariat, open period): a new section after the selected one, the selected one
     * up or down a place, or removed after a question. Buttons, so the keyboard reaches every one of them.
     */
    private HorizontalLayout outlineActions() {
        addSection.setText(getTranslation("report.view.addSection"));
        addSection.setIcon(VaadinIcon.PLUS.create());
        addSection.setId("section-add");
        addSection.addClickListener(e -> addDialog().open());
        moveUp.setText(getTranslation("report.view.moveUp"));
        moveUp.setIcon(VaadinIcon.ARROW_UP.create());
        moveUp.setId("section-move-up");
        moveUp.addClickListener(e -> move(-1, moveUp));
        moveDown.setText(getTranslation("report.view.moveDown"));
        moveDown.setIcon(VaadinIcon.ARROW_DOWN.create());
        moveDown.setId("section-move-down");
        moveDown.addClickListener(e -> move(1, moveDown));
        removeSection.setText(getTranslation("report.view.removeSection"));
        removeSection.setIcon(VaadinIcon.TRASH.create());
        removeSection.setId("section-remove");
        removeSection.addThemeVariants(ButtonVariant.LUMO_ERROR);
        removeSection.addClickListener(e -> confirmRemove());
        outline.addSelectionListener(e -> enableOutlineActions());
        enableOutlineActions();
        HorizontalLayout row = new HorizontalLayout(addSection, moveUp, moveDown, removeSection);
        row.setId("report-outline-actions");
        row.getElement().setAttribute("role", "toolbar");
        row.getElement().setAttribute("aria-label", getTranslation("report.view.outlineActions"));
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private void enableOutlineActions() {
        boolean chosen = outline.getSelectedItems().size() == 1;
        moveUp.setEnabled(chosen);
        moveDown.setEnabled(chosen);
        removeSection.setEnabled(chosen);
    }

    private Optional<ReportSection> selectedSection() {
        return outline.getSelectedItems().stream().findFirst();
    }

    private Dialog addDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("section-add-dialog");
        dialog.setHeaderTitle(getTranslation("report.view.addSection"));
        TextField number = new TextField(getTranslation("report.view.number"));
        number.setId("section-add-number");
        number.setMaxLength(20);
        TextField heading = new TextField(getTranslation("report.view.heading"));
        heading.setId("section-add-heading");
        heading.setMaxLength(300);
        heading.setWidth("24rem");
        Select<Integer> level = new Select<>();
        level.setId("section-add-level");
        level.setLabel(getTranslation("report.view.level"));
        level.setItems(1, 2, 3, 0);
        level.setItemLabelGenerator(l -> getTranslation(switch (l) {
            case 0 -> "report.view.level.0";
            case 1 -> "report.view.level.1";
            case 2 -> "report.view.level.2";
            default -> "report.view.level.3";
        }));
        level.setValue(selectedSection().map(s -> Math.max(1, s.level())).orElse(1));
        dialog.add(new VerticalLayout(number, heading, level));
        Button add = new Button(getTranslation("report.view.addSection"), e -> {
            try {
                ReportSection added = reports.addSection(context, selectedSection().map(ReportSection::id).orElse(null),
                        number.getValue(), heading.getValue(), level.getValue());
                dialog.close();
                ErrorMessages.showSuccess(getTranslation("report.view.sectionAdded"));
                refresh();
                outline.select(added);
            } catch (RuntimeException ex) {
                ErrorMessages.showError(ErrorMessages.describe(this, ex));
            }
        });
        add.setId("section-add-confirm");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, add);
        return dialog;
    }

    void move(int delta, Button focusAfter) {
        selectedSection().ifPresent(section -> {
            try {
                List<ReportSection> moved = reports.moveSection(context, section.id(), delta);
                refresh();
                moved.stream().filter(s -> s.id() == section.id()).findFirst().ifPresent(s -> {
                    outline.select(s);
                    outline.scrollToIndex(moved.indexOf(s));
                });
                // the keyboard stays on the button, so the next press moves the section again
                focusAfter.focus();
            } catch (RuntimeException ex) {
                ErrorMessages.showError(ErrorMessages.describe(this, ex));
            }
        });
    }

    private void confirmRemove() {
        selectedSection().ifPresent(section -> Confirmation.of("section-remove-confirm",
                getTranslation("report.view.removeSection"),
                getTranslation("report.view.removeQuestion", label(section).strip()),
                getTranslation("report.view.removeSection"), true, () -> {
                    try {
                        reports.removeSection(context, section.id(), section.version());
                        ErrorMessages.showSuccess(getTranslation("report.view.sectionRemoved"));
                        current = null;
                        editor.removeAll();
                        editor.add(new Paragraph(getTranslation("report.view.selectSection")));
                        refresh();
                    } catch (RuntimeException ex) {
                        ErrorMessages.showError(ErrorMessages.describe(this, ex));
                    }
                }).open());
    }

    private void refresh() {
        List<ReportSection> sections = reports.sections(context);
        outline.setItems(sections);
        long empty = sections.stream().filter(s -> stateOf(s).equals("EMPTY")).count();
        completeness.setText(Arrays.stream(SectionState.values())
                .map(st -> getTranslation("report.view.state." + st) + ": "
                        + sections.stream().filter(s -> stateOf(s).equals(st.name())).count())
                .reduce(getTranslation("report.view.completeness") + " – " + getTranslation("report.view.state.EMPTY")
                        + ": " + empty, (a, b) -> a + " · " + b));
    }

    /** A section's state as the completeness line counts it: a text section without text is empty. */
    static String stateOf(ReportSection s) {
        return !s.generated() && s.body().isBlank() && (s.level() == 0 || s.heading() == null) ? "EMPTY" : s.state().name();
    }

    private String label(ReportSection s) {
        String indent = "\u2003".repeat(Math.max(0, s.level() - 1));
        if (!s.title().isBlank()) {
            return indent + s.title();
        }
        return indent + "\u2003" + (s.generated() ? getTranslation("report.view.generated", s.block())
                : firstWords(s.body()));
    }

    private static String firstWords(String body) {
        String plain = body.replaceAll("[#*_|>\\\\]", "").strip();
        return plain.length() > 60 ? plain.substring(0, 60) + " …" : plain;
    }

    /** The section's editor: text and live preview, save (and confirm), named editors, history. */
    void open(ReportSection section) {
        current = section;
        editor.removeAll();
        H3 heading = new H3(section.title().isBlank() ? getTranslation("report.view.untitled") : section.title());
        heading.setId("section-title");
        editor.add(heading);
        if (section.generated() && section.blockType() != BlockType.AMOUNTS) {
            editor.add(new Paragraph(getTranslation("report.view.generated", section.block())));
            Anchor finance = new Anchor("ekonomi", getTranslation("report.view.openFinance"));
            finance.setId("section-finance-link");
            editor.add(finance);
            return;
        }
        boolean may = reports.maySave(context, section);
        text.setId("section-text");
        text.setLabel(getTranslation("report.view.text"));
        text.setWidthFull();
        text.setMinHeight("16rem");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setReadOnly(!may);
        text.setValue(section.body());
        preview.setId("section-preview");
        preview.setContent(section.body());
        text.addValueChangeListener(e -> preview.setContent(e.getValue()));
        HorizontalLayout texts = new HorizontalLayout(text, preview);
        texts.setWidthFull();
        texts.setFlexGrow(1, text, preview);
        editor.add(texts);
        if (!may) {
            editor.add(new Paragraph(getTranslation("report.view.readOnly")));
        } else {
            Button save = new Button(getTranslation("report.view.save"), e -> save(SectionState.WRITTEN));
            save.setId("section-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout actions = new HorizontalLayout(save);
            if (rights.mayRunReport()) {
                Button confirm = new Button(getTranslation("report.view.confirm"), e -> save(SectionState.CONFIRMED));
                confirm.setId("section-confirm");
                actions.add(confirm);
            }
            editor.add(actions);
        }
        if (rights.mayRunReport()) {
            TextField editors = new TextField(getTranslation("report.view.editors"));
            editors.setId("section-editors");
            editors.setValue(String.join(", ", section.editors()));
            editors.setWidth("24rem");
            Button saveEditors = new Button(getTranslation("report.view.saveEditors"), e -> {
                try {
                    current = reports.setEditors(context, section.id(),
                            Arrays.stream(editors.getValue().split(",")).toList());
                    ErrorMessages.showSuccess(getTranslation("report.view.editorsSaved"));
                    refresh();
                } catch (RuntimeException ex) {
                    ErrorMessages.showError(ErrorMessages.describe(this, ex));
                }
            });
            saveEditors.setId("section-save-editors");
            HorizontalLayout row = new HorizontalLayout(editors, saveEditors);
            row.setAlignItems(Alignment.BASELINE);
            editor.add(row);
        }
        editor.add(history(section));
    }

    private Section history(ReportSection section) {
        Section box = new Section();
        box.setId("section-history");
        box.add(new H3(getTranslation("report.view.history")));
        UnorderedList list = new UnorderedList();
        for (SectionHistoryEntry h : reports.history(context, section.id())) {
            list.add(new ListItem(getTranslation("report.view.historyLine", h.changedAt() == null ? ""
                            : TIME.format(h.changedAt().atZoneSameInstant(ZoneId.systemDefault())),
                    h.changedBy(), h.oldState() == null ? "–" : getTranslation("report.view.state." + h.oldState()),
                    getTranslation("report.view.state." + h.newState()))
                    + " · " + firstWords(h.newBody())));
        }
        box.add(list);
        return box;
    }

    /** Saves; a refusal (stale version, locked period, bad table) leaves the typed text in the editor. */
    void save(SectionState state) {
        try {
            ReportSection saved = reports.save(context, current.id(), current.version(), text.getValue(), state);
            ErrorMessages.showSuccess(getTranslation("report.view.saved"));
            refresh();
            open(saved);
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
    }

    private Section importSection() {
        Section section = new Section();
        section.setId("report-import");
        section.add(new Paragraph(getTranslation("report.view.import")));
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> ui.access(() -> {
            try {
                int n = imports.importFiles(context, List.of(new ReportImportService.SectionFile(metadata.fileName(), data)));
                ErrorMessages.showSuccess(getTranslation("report.import.done", n));
                refresh();
            } catch (RuntimeException e) {
                ErrorMessages.showError(ErrorMessages.describe(this, e));
            }
        })));
        upload.setId("report-upload");
        SwedishComponents.upload(upload);
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", ".md", "application/zip", "text/markdown");
        section.add(upload);
        return section;
    }

    private HorizontalLayout downloads() {
        HorizontalLayout row = new HorizontalLayout();
        row.setId("report-downloads");
        row.setAlignItems(Alignment.BASELINE);
        Div status = new Div();
        status.setId("report-status");
        status.getElement().setAttribute("aria-live", "polite");
        for (AppendixFormat format : AppendixFormat.values()) {
            Button b = new Button(getTranslation(format == AppendixFormat.DOCX ? "report.view.downloadDocx"
                    : "report.view.downloadPdf"), VaadinIcon.FILE_TEXT.create());
            b.setId("report-" + format.extension());
            b.addClickListener(e -> generate(format, b, status));
            row.add(b);
        }
        row.add(status);
        if (context.period().isLocked()) {
            String docx = reports.storedSha256(context, AppendixFormat.DOCX).orElse("–");
            String pdf = reports.storedSha256(context, AppendixFormat.PDF).orElse("–");
            Paragraph sha = new Paragraph(getTranslation("report.view.sha", docx, pdf));
            sha.setId("report-sha256");
            sha.addClassName("checksum-line");
            row.add(sha);
        }
        return row;
    }

    private void generate(AppendixFormat format, Button button, Div status) {
        UI ui = UI.getCurrent();
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidth("10rem");
        status.removeAll();
        status.add(new Span(getTranslation("report.view.preparing")), bar);
        button.setEnabled(false);
        ui.setPollInterval(300);
        reports.generateAsync(context, format).whenComplete((file, failure) -> ui.access(() -> {
            ui.setPollInterval(-1);
            button.setEnabled(true);
            status.removeAll();
            if (failure != null) {
                log.error("Report {} failed", format, failure);
                ErrorMessages.showError(getTranslation("report.view.failed"));
            } else {
                status.add(link(format, file));
            }
        }));
    }

    private Anchor link(AppendixFormat format, AppendixFile file) {
        byte[] content = file.content();
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(content), file.fileName(), file.contentType(), content.length));
        Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("report.view.ready", file.fileName()));
        a.setId("report-" + format.extension() + "-download");
        return a;
    }

    private void showWhole() {
        try {
            whole.setSrcdoc(reports.previewHtml(context));
            whole.setVisible(true);
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.view.title");
    }
}
