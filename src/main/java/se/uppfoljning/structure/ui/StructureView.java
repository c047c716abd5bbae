package se.uppfoljning.structure.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.ui.Confirmation;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.SwedishComponents;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.structure.RemainingAssignment;
import se.uppfoljning.structure.StrategicArea;
import se.uppfoljning.structure.StrategicGoal;
import se.uppfoljning.structure.StructureImportChange;
import se.uppfoljning.structure.StructureImportResult;
import se.uppfoljning.structure.StructureImportService;
import se.uppfoljning.structure.StructureItem;
import se.uppfoljning.structure.StructureService;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The secretariat's workspace for the selected committee: goals, indicators and assignments (add, edit, retire),
 * strategic areas (add, rename, reorder) and goals, departments, and the bulk import of a year.
 */
@Route(value = "struktur", layout = MainLayout.class)
@RolesAllowed({"SECRETARIAT", "ADMIN"})
public class StructureView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final StructureService structure;
    private final StructureImportService structureImport;
    private final OrganisationService organisation;
    private final SelectedContext selected;
    private final IndicatorService indicators;

    final Grid<StructureItem> items = new Grid<>();
    final TextField itemSearch = new TextField();
    final Checkbox showRetired = new Checkbox();
    final Grid<StrategicArea> areas = new Grid<>();
    final Grid<StrategicGoal> goals = new Grid<>();
    final Grid<Department> departments = new Grid<>();
    final Grid<ErrorDetail> importErrors = new Grid<>();
    final Paragraph importSummary = new Paragraph();
    final Span planYears = new Span();
    final Select<Integer> itemYear = new Select<>();
    final Button importConfirm = new Button();
    final Grid<StructureImportChange> importChanges = new Grid<>();
    final Checkbox confirmNewAreas = new Checkbox();
    final MemoryBuffer buffer = new MemoryBuffer();
    final Upload upload = new Upload(buffer);

    TabSheet tabs;
    private CommitteeContext context;
    private byte[] pendingFile;
    private String pendingName;

    public StructureView(StructureService structure, StructureImportService structureImport,
                         OrganisationService organisation, SelectedContext selected, IndicatorService indicators) {
        this.indicators = indicators;
        this.structure = structure;
        this.structureImport = structureImport;
        this.organisation = organisation;
        this.selected = selected;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var current = selected.current();
        if (current.isEmpty()) {
            add(new H2(getTranslation("followUp.noCommittee")));
            return;
        }
        context = current.get();
        H2 title = new H2(getTranslation("structure.title"));
        title.setId("view-title");
        add(title, new Paragraph(context.committee().name() + " · " + getTranslation("structure.year", String.valueOf(context.period().year()))));
        tabs = new TabSheet();
        tabs.setId("structure-tabs");
        tabs.setSizeFull();
        tabs.add(getTranslation("structure.tab.items"), itemsTab());
        tabs.add(getTranslation("structure.tab.areas"), areasTab());
        tabs.add(getTranslation("structure.tab.departments"), departmentsTab());
        tabs.add(getTranslation("structure.tab.import"), importTab());
        add(tabs);
        refreshItems();
        refreshAreas();
        refreshDepartments();
    }

    // --- goals, indicators, assignments -------------------------------------------------------------------

    private VerticalLayout itemsTab() {
        itemSearch.setId("structure-search");
        itemSearch.setPlaceholder(getTranslation("filter.text.placeholder"));
        itemSearch.setPrefixComponent(VaadinIcon.SEARCH.create());
        itemSearch.setClearButtonVisible(true);
        itemSearch.setValueChangeMode(ValueChangeMode.LAZY);
        itemSearch.setAriaLabel(getTranslation("filter.text"));
        itemSearch.addValueChangeListener(e -> refreshItems());
        showRetired.setId("structure-show-retired");
        showRetired.setLabel(getTranslation("structure.showRetired"));
        showRetired.addValueChangeListener(e -> refreshItems());
        Button add = new Button(getTranslation("structure.newItem"), VaadinIcon.PLUS.create(), e -> openItem(null));
        add.setId("structure-new-item");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        itemYear.setId("structure-item-year");
        itemYear.setLabel(getTranslation("structure.planYear"));
        itemYear.setItemLabelGenerator(y -> getTranslation("organisation.planYear.label", String.valueOf(y)));
        itemYear.addValueChangeListener(e -> refreshItems());
        HorizontalLayout toolbar = new HorizontalLayout(itemYear, itemSearch, showRetired, add);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        items.setId("structure-items");
        items.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        items.addColumn(StructureItem::areaName).setHeader(getTranslation("filter.area")).setSortable(true).setFlexGrow(1);
        items.addColumn(i -> getTranslation("kind." + i.kind().name())).setHeader(getTranslation("filter.kind"))
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        items.addColumn(StructureItem::printedText).setHeader(getTranslation("grid.item")).setKey("text")
                .setSortable(true).setFlexGrow(3);
        items.addColumn(i -> i.targetText() == null ? "" : i.targetText()).setHeader(getTranslation("structure.target"))
                .setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> i.owner() == null ? "" : i.owner()).setHeader(getTranslation("grid.owner")).setSortable(true)
                .setFlexGrow(1);
        items.addColumn(i -> i.kind() == ItemKind.ASSIGNMENT
                        ? getTranslation(i.carriedOver() ? "report.carriedAssignments" : "report.assignments",
                        String.valueOf(i.carriedOver() ? i.planYear() - 1 : i.planYear())) : "")
                .setHeader(getTranslation("structure.osb")).setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> getTranslation(i.retired() ? "structure.retired" : "structure.active"))
                .setHeader(getTranslation("structure.state")).setKey("state").setAutoWidth(true).setFlexGrow(0);
        items.addComponentColumn(this::itemActions).setHeader(getTranslation("grid.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
        VerticalLayout tab = new VerticalLayout(toolbar, items);
        tab.setSizeFull();
        tab.setPadding(false);
        return tab;
    }

    private HorizontalLayout itemActions(StructureItem item) {
        Button edit = new Button(getTranslation("action.edit"), e -> openItem(item));
        edit.setId("structure-edit-" + item.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button retire = new Button(getTranslation(item.retired() ? "structure.reinstate" : "structure.retire"),
                e -> confirmRetire(item));
        retire.setId("structure-retire-" + item.id());
        retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (!item.retired()) {
            retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        HorizontalLayout actions = new HorizontalLayout(edit, retire);
        actions.setSpacing(false);
        return actions;
    }

    /** The plan year whose items are shown: the selected period's, or one the secretariat picked (e.g. a new one). */
    private int itemYear() {
        return itemYear.getValue() == null ? context.period().year() : itemYear.getValue();
    }

    void refreshItems() {
        String needle = itemSearch.getValue().strip().toLowerCase(Locale.ROOT);
        items.setItems(structure.items(context.committee(), itemYear()).stream()
                .filter(i -> showRetired.getValue() || !i.retired())
                .filter(i -> needle.isEmpty() || i.printedText().toLowerCase(Locale.ROOT).contains(needle)
                        || (i.owner() != null && i.owner().toLowerCase(Locale.ROOT).contains(needle)))
                .toList());
    }

    void openItem(StructureItem item) {
        new ItemDialog(item, item == null ? Optional.empty() : indicators.target(context.committee().slug(), item.id()),
                itemYear(), structure.goals(context.committee()),
                structure.areas(context.committee()), organisation.departments(context.committee().id()),
                form -> {
                    structure.saveItem(context.committee(), item == null ? null : item.id(), form);
                    ErrorMessages.showSuccess(getTranslation("structure.saved"));
                    refreshItems();
                }).open();
    }

    private void confirmRetire(StructureItem item) {
        if (item.retired()) {
            run(() -> structure.reinstateItem(context.committee(), item.id()), this::refreshItems);
            return;
        }
        Confirmation.of("structure-retire-confirm", getTranslation("structure.retireConfirm.title"),
                getTranslation("structure.retireConfirm.text", item.printedText()), getTranslation("structure.retire"),
                true, () -> run(() -> structure.retireItem(context.committee(), item.id()), this::refreshItems)).open();
    }

    // --- areas and strategic goals ---------------------------------------------------------------------------

    private VerticalLayout areasTab() {
        TextField name = new TextField(getTranslation("structure.newArea"));
        name.setId("structure-area-name");
        Button add = new Button(getTranslation("structure.add"), VaadinIcon.PLUS.create(), e -> run(() -> {
            structure.addArea(context.committee(), name.getValue());
            name.clear();
        }, this::refreshAreas));
        add.setId("structure-area-add");
        HorizontalLayout addRow = new HorizontalLayout(name, add);
        addRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        areas.setId("structure-areas");
        areas.addColumn(StrategicArea::name).setHeader(getTranslation("filter.area")).setFlexGrow(1);
        areas.addComponentColumn(area -> {
            Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> run(() -> structure.moveArea(context.committee(), area.id(), -1), this::refreshAreas));
            up.setAriaLabel(getTranslation("structure.moveUp", area.name()));
            up.setId("area-up-" + area.id());
            Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> run(() -> structure.moveArea(context.committee(), area.id(), 1), this::refreshAreas));
            down.setAriaLabel(getTranslation("structure.moveDown", area.name()));
            down.setId("area-down-" + area.id());
            Button rename = new Button(getTranslation("structure.rename"), e -> prompt(getTranslation("structure.renameArea"), area.name(),
                    value -> run(() -> structure.renameArea(context.committee(), area.id(), value), this::refreshAreas)));
            rename.setId("area-rename-" + area.id());
            for (Button b : List.of(up, down, rename)) {
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            }
            return new HorizontalLayout(up, down, rename);
        }).setHeader(getTranslation("grid.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        areas.setAllRowsVisible(true);

        IntegerField goalNumber = new IntegerField(getTranslation("structure.goalNumber"));
        goalNumber.setId("structure-goal-number");
        goalNumber.setWidth("8rem");
        TextField goalText = new TextField(getTranslation("structure.goalText"));
        goalText.setId("structure-goal-text");
        goalText.setWidth("28rem");
        Select<StrategicArea> goalArea = new Select<>();
        goalArea.setLabel(getTranslation("filter.area"));
        goalArea.setId("structure-goal-area");
        goalArea.setItemLabelGenerator(StrategicArea::name);
        goalArea.setItems(structure.areas(context.committee()));
        Button addGoal = new Button(getTranslation("structure.addGoal"), VaadinIcon.PLUS.create(), e -> run(() -> {
            if (goalNumber.getValue() == null || goalArea.getValue() == null) {
                throw new ValidationException("structure.error.invalid",
                        List.of(new ErrorDetail(null, "nummer", getTranslation("structure.goalRequired"))));
            }
            structure.addGoal(context.committee(), goalNumber.getValue(), goalText.getValue(), goalArea.getValue().id());
            goalNumber.clear();
            goalText.clear();
        }, this::refreshAreas));
        addGoal.setId("structure-goal-add");
        HorizontalLayout goalRow = new HorizontalLayout(goalNumber, goalText, goalArea, addGoal);
        goalRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        goalRow.setWrap(true);

        goals.setId("structure-goals");
        goals.addColumn(StrategicGoal::number).setHeader(getTranslation("structure.goalNumber")).setAutoWidth(true).setFlexGrow(0);
        goals.addColumn(StrategicGoal::text).setHeader(getTranslation("structure.goalText")).setFlexGrow(3);
        goals.addComponentColumn(goal -> {
            Button rename = new Button(getTranslation("action.edit"), e -> prompt(getTranslation("structure.goalText"), goal.text(),
                    value -> run(() -> structure.updateGoal(context.committee(), goal.id(), value, goal.areaId()), this::refreshAreas)));
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return rename;
        }).setHeader(getTranslation("grid.actions")).setAutoWidth(true).setFlexGrow(0);
        goals.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);

        IntegerField newYear = new IntegerField(getTranslation("structure.newPlanYear"));
        newYear.setId("structure-plan-year");
        Button addYear = new Button(getTranslation("structure.startPlanYear"), VaadinIcon.PLUS.create(), e -> run(() -> {
            if (newYear.getValue() == null) {
                throw new ValidationException("organisation.error.planYearInvalid",
                        String.valueOf(OrganisationService.MIN_PLAN_YEAR),
                        String.valueOf(OrganisationService.MAX_PLAN_YEAR));
            }
            confirmStartPlanYear(newYear.getValue(), newYear::clear);
        }, () -> { }));
        addYear.setId("structure-plan-year-add");
        planYears.setId("structure-plan-years");
        HorizontalLayout yearRow = new HorizontalLayout(newYear, addYear, planYears);
        yearRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        VerticalLayout tab = new VerticalLayout(yearRow, addRow, areas, goalRow, goals);
        tab.setPadding(false);
        return tab;
    }

    /** Starting a plan year carries the unfinished assignments over, so it says which before it does. */
    private void confirmStartPlanYear(int year, Runnable done) {
        List<RemainingAssignment> unfinished = structure.unfinishedAssignments(context.committee(), year);
        Div text = new Div(new Paragraph(getTranslation("structure.startPlanYear.text", unfinished.size(),
                String.valueOf(year - 1))));
        if (!unfinished.isEmpty()) {
            UnorderedList list = new UnorderedList();
            unfinished.stream().limit(10).forEach(a -> list.add(new ListItem(
                    a.text() + " (" + (a.status() == null ? getTranslation("status.notAssessed") : a.status()) + ")")));
            if (unfinished.size() > 10) {
                list.add(new ListItem(
                        getTranslation("structure.startPlanYear.more", unfinished.size() - 10)));
            }
            text.add(list);
        }
        Confirmation.of("structure-plan-year-confirm", getTranslation("structure.startPlanYear.title", String.valueOf(year)),
                text, getTranslation("structure.startPlanYear"), false, () -> run(() -> {
                    List<RemainingAssignment> carried = structure.startPlanYear(context.committee(), year);
                    done.run();
                    ErrorMessages.showSuccess(getTranslation("structure.startPlanYear.done", String.valueOf(year),
                            carried.size(), String.valueOf(year - 1)));
                }, () -> {
                    refreshAreas();
                    itemYear.setValue(year); // show what was carried over
                })).open();
    }

    void refreshAreas() {
        List<Integer> years = organisation.planYears(context.committee());
        Integer shown = itemYear.getValue() == null ? Integer.valueOf(context.period().year()) : itemYear.getValue();
        itemYear.setItems(years);
        itemYear.setValue(years.contains(shown) ? shown : null);
        planYears.setText(getTranslation("structure.planYears", years.stream()
                .map(y -> getTranslation("organisation.planYear.label", String.valueOf(y))).collect(Collectors.joining(", "))));
        areas.setItems(structure.areas(context.committee()));
        goals.setItems(structure.goals(context.committee()));
    }

    // --- departments -------------------------------------------------------------------------------------

    private VerticalLayout departmentsTab() {
        TextField name = new TextField(getTranslation("structure.newDepartment"));
        name.setId("structure-department-name");
        Button add = new Button(getTranslation("structure.add"), VaadinIcon.PLUS.create(), e -> run(() -> {
            structure.addDepartment(context.committee(), name.getValue());
            name.clear();
        }, this::refreshDepartments));
        add.setId("structure-department-add");
        HorizontalLayout addRow = new HorizontalLayout(name, add);
        addRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        departments.setId("structure-departments");
        departments.addColumn(Department::name).setHeader(getTranslation("grid.owner")).setSortable(true);
        departments.addComponentColumn(d -> {
            Button rename = new Button(getTranslation("structure.rename"), e -> prompt(getTranslation("structure.newDepartment"), d.name(),
                    value -> run(() -> structure.renameDepartment(context.committee(), d.id(), value), this::refreshDepartments)));
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return rename;
        }).setHeader(getTranslation("grid.actions")).setAutoWidth(true).setFlexGrow(0);
        departments.setAllRowsVisible(true);
        VerticalLayout tab = new VerticalLayout(addRow, departments);
        tab.setPadding(false);
        return tab;
    }

    void refreshDepartments() {
        departments.setItems(organisation.departments(context.committee().id()));
    }

    // --- bulk import -------------------------------------------------------------------------------------

    private VerticalLayout importTab() {
        Paragraph help = new Paragraph(getTranslation("structure.import.help"));
        upload.setId("structure-upload");
        SwedishComponents.upload(upload);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize((int) StructureImportService.MAX_BYTES);
        upload.setDropLabel(new Span(getTranslation("structure.import.drop")));
        upload.addSucceededListener(e -> {
            try {
                previewFile(e.getFileName(), buffer.getInputStream().readAllBytes());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        upload.addFileRejectedListener(e -> ErrorMessages.showError(getTranslation("structure.import.rejected", e.getErrorMessage())));
        importSummary.setId("structure-import-summary");
        importErrors.setId("structure-import-errors");
        importErrors.addColumn(d -> d.line() == null ? "" : String.valueOf(d.line())).setHeader(getTranslation("import.line")).setAutoWidth(true).setFlexGrow(0);
        importErrors.addColumn(d -> d.column() == null ? "" : d.column()).setHeader(getTranslation("import.column")).setAutoWidth(true).setFlexGrow(0);
        importErrors.addColumn(ErrorDetail::message).setHeader(getTranslation("import.message")).setFlexGrow(1);
        importErrors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        importErrors.setAllRowsVisible(true);
        importErrors.setVisible(false);
        importConfirm.setText(getTranslation("structure.import.confirm"));
        importConfirm.setId("structure-import-confirm");
        importConfirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importConfirm.setEnabled(false);
        importChanges.setId("structure-import-changes");
        importChanges.addColumn(c -> String.valueOf(c.line())).setHeader(getTranslation("import.line")).setAutoWidth(true).setFlexGrow(0);
        importChanges.addColumn(c -> getTranslation("structure.import.change." + c.kind().name(), c.subject(),
                c.from() == null ? "" : c.from(), c.to() == null ? "" : c.to()))
                .setHeader(getTranslation("structure.import.changes")).setFlexGrow(1);
        importChanges.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        importChanges.setAllRowsVisible(true);
        importChanges.setVisible(false);
        confirmNewAreas.setId("structure-import-confirm-areas");
        confirmNewAreas.setVisible(false);
        confirmNewAreas.addValueChangeListener(e -> importConfirm.setEnabled(pendingFile != null
                && (!confirmNewAreas.isVisible() || e.getValue())));
        importConfirm.addClickListener(e -> run(() -> {
            StructureImportResult result = structureImport.importFile(context, pendingName, pendingFile,
                    confirmNewAreas.isVisible() && confirmNewAreas.getValue());
            ErrorMessages.showSuccess(getTranslation("structure.import.done", describe(result)));
            pendingFile = null;
            importConfirm.setEnabled(false);
            confirmNewAreas.setVisible(false);
            importChanges.setVisible(false);
            importSummary.setText(getTranslation("structure.import.done", describe(result)));
        }, this::refreshItems));
        VerticalLayout tab = new VerticalLayout(help, upload, importSummary, importErrors, importChanges,
                confirmNewAreas, new Div(importConfirm));
        tab.setPadding(false);
        return tab;
    }

    /** Validates the file and shows what importing it would change; nothing is written until confirmed. */
    void previewFile(String fileName, byte[] content) {
        pendingFile = null;
        importConfirm.setEnabled(false);
        confirmNewAreas.setVisible(false);
        confirmNewAreas.setValue(false);
        importChanges.setVisible(false);
        try {
            StructureImportResult result = structureImport.preview(context, fileName, content);
            importErrors.setVisible(false);
            importSummary.setText(getTranslation("structure.import.preview", fileName, describe(result)));
            importChanges.setItems(result.changes());
            importChanges.setVisible(!result.changes().isEmpty());
            pendingFile = content;
            pendingName = fileName;
            // creating strategic areas is rarely meant (a typo, a formula): it needs an explicit confirmation
            if (!result.newAreas().isEmpty()) {
                confirmNewAreas.setLabel(getTranslation("structure.import.confirmNewAreas",
                        String.valueOf(result.newAreas().size()), String.join(", ", result.newAreas())));
                confirmNewAreas.setVisible(true);
            }
            importConfirm.setEnabled(result.newAreas().isEmpty());
        } catch (ValidationException e) {
            importSummary.setText(ErrorMessages.describe(this, new ValidationException(e.messageKey(), List.of(), e.arguments())));
            importErrors.setItems(e.details());
            importErrors.setVisible(!e.details().isEmpty());
        }
    }

    private String describe(StructureImportResult r) {
        return getTranslation("structure.import.result", String.valueOf(r.rows()), String.valueOf(r.itemsCreated()),
                String.valueOf(r.itemsUpdated()), String.valueOf(r.entriesWritten()));
    }

    // --- shared ------------------------------------------------------------------------------------------

    private void run(Runnable action, Runnable refresh) {
        try {
            action.run();
            refresh.run();
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
    }

    private void prompt(String label, String value, Consumer<String> onSave) {
        Dialog dialog = new Dialog();
        dialog.setId("structure-prompt");
        dialog.setHeaderTitle(label);
        TextField field = new TextField();
        field.setId("structure-prompt-value");
        field.setValue(value);
        field.setWidth("30rem");
        field.setAriaLabel(label);
        dialog.add(field);
        Button save = new Button(getTranslation("action.save"), e -> {
            onSave.accept(field.getValue());
            dialog.close();
        });
        save.setId("structure-prompt-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        field.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("structure.title");
    }
}
