package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.JsonSerializable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import elemental.json.Json;
import elemental.json.JsonObject;
import jakarta.annotation.security.PermitAll;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.TemplateText;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.drafts.ui.DraftKeeper;
import se.uppfoljning.followup.AreaSection;
import se.uppfoljning.followup.AssignmentSection;
import se.uppfoljning.followup.ChangesService;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpFilter;
import se.uppfoljning.followup.FollowUpFilter.KindFilter;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.GoalSection;
import se.uppfoljning.followup.StatusOption;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.followup.spreadsheet.ui.WorkbookToolbar;
import se.uppfoljning.indicators.ui.IndicatorPanels;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.readiness.DepartmentProgress;
import se.uppfoljning.readiness.ReadinessService;
import se.uppfoljning.readiness.ui.DepartmentReadyDialog;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The follow-up overview, shaped like Bilaga 2: area → strategic goal → rows, then the area's assignments. */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "uppfoljning", layout = MainLayout.class)
@PermitAll
public class FollowUpView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAM_AREA = "omrade";
    static final String PARAM_STATUS = "status";
    static final String PARAM_DEPARTMENT = "avdelning";
    static final String PARAM_KIND = "typ";
    static final String PARAM_TEXT = "sok";
    static final String PARAM_NOT_READY = "ejklara";
    /** Rows per request of the grid and level: a screen of wrapped rows at 1 000 px and a little more. */
    static final int PAGE_SIZE = 20;

    private final FollowUpService followUp;
    private final DraftService drafts;
    private final ReadinessService readiness;
    private final OrganisationService organisation;
    private final SelectedContext selected;
    private final ChangesService changes;

    final Grid<OverviewNode> grid = new Grid<>();
    final Checkbox notReady = new Checkbox();
    /** For officials: how far their department has come in this period, and a way to what is left. */
    final Div departmentProgress = new Div();
    final ComboBox<AreaSection> area = new ComboBox<>();
    final ComboBox<String> status = new ComboBox<>();
    final ComboBox<Department> department = new ComboBox<>();
    final ComboBox<KindFilter> kind = new ComboBox<>();
    final TextField text = new TextField();
    final Span count = new Span();
    final Button markDepartmentReady = new Button();
    private final H2 title = new H2();
    private final Paragraph subtitle = new Paragraph();
    final WorkbookToolbar workbook;

    private CommitteeContext context;
    private FollowUpOverview overview;
    /** Indicators' values, proposals and trends in the dialogs. */
    private final IndicatorPanels indicators;
    private boolean applyingParameters;

    public FollowUpView(FollowUpService followUp, ReadinessService readiness, OrganisationService organisation,
                        SelectedContext selected, FollowUpWorkbookService workbooks, ChangesService changes,
                        DraftService drafts, IndicatorPanels indicators) {
        this.indicators = indicators;
        this.changes = changes;
        this.followUp = followUp;
        this.drafts = drafts;
        this.readiness = readiness;
        this.organisation = organisation;
        this.selected = selected;
        this.workbook = new WorkbookToolbar(workbooks);
        setSizeFull();
        addClassName("follow-up-view");
        title.setId("view-title");
        subtitle.addClassName("view-subtitle");
        departmentProgress.setId("department-progress");
        departmentProgress.addClassName("department-progress");
        departmentProgress.getElement().setAttribute("aria-live", "polite");
        // one header line (title, period, spreadsheet actions), one line of filters: the grid gets the rest
        HorizontalLayout header = new HorizontalLayout(title, subtitle);
        header.addClassName("view-header");
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        Span spacer = new Span();
        header.add(spacer, workbook);
        header.setFlexGrow(1, spacer);
        setSpacing(false);
        add(header, departmentProgress, filters(), grid);
        setFlexGrow(1, grid);
        configureGrid();
    }

    private HorizontalLayout filters() {
        area.setId("filter-area");
        area.setLabel(getTranslation("filter.area"));
        area.setItemLabelGenerator(AreaSection::name);
        area.setClearButtonVisible(true);
        area.setWidth("14rem");

        status.setId("filter-status");
        status.setLabel(getTranslation("filter.status"));
        status.setItemLabelGenerator(s -> FollowUpFilter.NOT_ASSESSED.equals(s) ? getTranslation("status.notAssessed")
                : FollowUpFilter.CARRIED.equals(s) ? getTranslation("status.carried") : s);
        status.setClearButtonVisible(true);

        department.setId("filter-department");
        department.setLabel(getTranslation("filter.department"));
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        department.setWidth("14rem");

        kind.setId("filter-kind");
        kind.setLabel(getTranslation("filter.kind"));
        // a combo box like the other filters: its choices go as data, not as a component each; empty is "Alla"
        kind.setItems(KindFilter.values());
        kind.setPlaceholder(getTranslation("filter.kind.all"));
        kind.setClearButtonVisible(true);
        kind.setItemLabelGenerator(k -> getTranslation("filter.kind." + k.name()));

        text.setId("filter-text");
        text.setLabel(getTranslation("filter.text"));
        text.setPlaceholder(getTranslation("filter.text.placeholder"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("17rem");
        status.setWidth("10rem");
        kind.setWidth("10rem");

        notReady.setId("filter-not-ready");
        notReady.setLabel(getTranslation("filter.notReady"));

        Button clear = new Button(getTranslation("filter.clear"), e -> clearFilters());
        clear.setId("filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        area.addValueChangeListener(e -> filterChanged());
        status.addValueChangeListener(e -> filterChanged());
        department.addValueChangeListener(e -> filterChanged());
        kind.addValueChangeListener(e -> filterChanged());
        text.addValueChangeListener(e -> filterChanged());
        notReady.addValueChangeListener(e -> filterChanged());

        count.setId("row-count");
        count.addClassName("row-count");
        count.getElement().setAttribute("aria-live", "polite");
        markDepartmentReady.setId("mark-department-ready");
        markDepartmentReady.setText(getTranslation("followUp.markDepartmentReady"));
        markDepartmentReady.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markDepartmentReady.setVisible(false);
        markDepartmentReady.addClickListener(e -> markDepartmentReady());

        HorizontalLayout bar = new HorizontalLayout(area, status, department, kind, text, notReady, clear,
                markDepartmentReady, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.addClassName("filter-bar");
        return bar;
    }

    private void configureGrid() {
        grid.setId("follow-up-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        // one flat list: the areas' and tables' headings are rows of their own (all goals visible, in the Bilaga 2
        // order), and only the rows in view go to the browser, a page at a time as they scroll into view
        grid.setPageSize(PAGE_SIZE);
        // the text columns start wide enough to read; the rest of the width is shared out by flex
        grid.addColumn(OverviewNode::label).setKey("item").setHeader(getTranslation("grid.item"))
                .setWidth("19rem").setFlexGrow(3);
        // light renderers: one template per column, each row only sends its values (no component per cell)
        grid.addColumn(statusRenderer()).setKey("status").setHeader(getTranslation("grid.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(node -> node instanceof OverviewNode.RowNode r ? r.row().comment()
                        : node instanceof OverviewNode.GroupNode ? getTranslation("grid.comment") : "")
                .setKey("comment").setHeader(getTranslation("grid.comment")).setWidth("15rem").setFlexGrow(4);
        // wide enough for one-word department names ("Kommunledningsförvaltningen"), which cannot wrap
        grid.addColumn(node -> node instanceof OverviewNode.RowNode r && r.row().owner() != null ? r.row().owner() : "")
                .setKey("owner").setHeader(getTranslation("grid.owner")).setFlexGrow(0).setWidth("13.5rem");
        grid.addColumn(actionsRenderer()).setKey("actions").setHeader(getTranslation("grid.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(node -> node instanceof OverviewNode.AreaNode ? "area-row"
                : node instanceof OverviewNode.GroupNode ? "group-row" : null);
        grid.addItemDoubleClickListener(e -> {
            if (e.getItem() instanceof OverviewNode.RowNode r) {
                openEditor(r.row());
            }
        });
    }

    /**
     * The status badge, the "klar" mark (text, not only an icon or colour) and the carried-over draft mark; a table's
     * column heading on its heading row. The fixed texts are part of the template, sent once.
     */
    private LitRenderer<OverviewNode> statusRenderer() {
        return LitRenderer.<OverviewNode>of(
                        "${item.c.row ? html`<span theme=\"badge ${item.c.tone}\" class=\"status-badge\">${item.c.status}</span>"
                                + "${item.c.ready ? html` <span theme=\"badge success small\" id=\"ready-${item.c.row}\""
                                + " title=\"${item.c.readyTitle}\"><vaadin-icon icon=\"vaadin:check\"></vaadin-icon><span>"
                                + TemplateText.of(getTranslation("followUp.ready")) + "</span></span>` : ''}"
                                + "${item.c.draft ? html` <span theme=\"badge contrast small\" id=\"draft-${item.c.row}\">"
                                + TemplateText.of(getTranslation("followUp.fromPreviousPeriod")) + "</span>` : ''}`"
                                + " : html`<span class=\"column-heading\">${item.c.heading}</span>`}")
                .withProperty("c", node -> {
                    if (node instanceof OverviewNode.GroupNode g) {
                        return new Cell().put("heading", g.statusHeading());
                    }
                    if (!(node instanceof OverviewNode.RowNode r)) {
                        return new Cell();
                    }
                    FollowUpRow row = r.row();
                    return new Cell().put("row", row.id())
                            .put("status", row.status() == null ? getTranslation("status.notAssessed") : row.status())
                            .put("tone", row.status() == null ? "contrast" : row.statusTone())
                            .put("ready", row.ready())
                            .put("readyTitle", row.ready() ? getTranslation("followUp.readyBy",
                                    row.readyBy() == null ? "" : row.readyBy(), ErrorMessages.time(row.readyAt())) : null)
                            // a draft carried over from the previous period, until someone saves or confirms it
                            .put("draft", !row.ready() && row.fromPreviousPeriod());
                });
    }

    /**
     * Edit (or show) and history as icon buttons with a tooltip and a full accessible name, so the text columns get
     * the width. Real buttons: reached with Tab inside the grid, pressed with Enter or Space.
     */
    private LitRenderer<OverviewNode> actionsRenderer() {
        return LitRenderer.<OverviewNode>of(
                        "${item.c.row ? html`<span style=\"white-space: nowrap\">"
                                + "<vaadin-button theme=\"small tertiary icon\" id=\"edit-${item.c.row}\""
                                + " aria-label=\"${item.c.tip}: ${item.c.text}\" @click=${edit}>"
                                + "<vaadin-icon icon=\"${item.c.editable ? 'vaadin:edit' : 'vaadin:eye'}\"></vaadin-icon>"
                                + "<vaadin-tooltip slot=\"tooltip\" text=\"${item.c.tip}\"></vaadin-tooltip></vaadin-button>"
                                + "<vaadin-button theme=\"small tertiary icon\" id=\"history-${item.c.row}\""
                                + " aria-label=\"" + TemplateText.of(getTranslation("action.history")) + ": ${item.c.text}\" @click=${history}>"
                                + "<vaadin-icon icon=\"vaadin:time-backward\"></vaadin-icon>"
                                + "<vaadin-tooltip slot=\"tooltip\" text=\"" + TemplateText.of(getTranslation("action.history"))
                                + "\"></vaadin-tooltip></vaadin-button></span>` : ''}")
                .withProperty("c", node -> node instanceof OverviewNode.RowNode r
                        ? new Cell().put("row", r.row().id()).put("editable", r.row().editable())
                        .put("tip", getTranslation(r.row().editable() ? "action.edit" : "action.show"))
                        // the row's text once, for both buttons' accessible names ("Redigera: 1.1 …", "Historik: 1.1 …")
                        .put("text", r.row().printedText())
                        : new Cell())
                .withFunction("edit", node -> {
                    if (node instanceof OverviewNode.RowNode r) {
                        openEditor(r.row());
                    }
                })
                .withFunction("history", node -> {
                    if (node instanceof OverviewNode.RowNode r) {
                        openHistory(r.row());
                    }
                });
    }

    /**
     * A cell's values as one JSON object, sent as the renderer's only property: each renderer property costs its
     * name with the renderer's 20-character prefix in every row, and empty or false values are left out (the
     * template reads a missing value as empty or false).
     */
    static final class Cell implements JsonSerializable {
        private final JsonObject json = Json.createObject();

        Cell put(String key, String value) {
            if (value != null && !value.isEmpty()) {
                json.put(key, value);
            }
            return this;
        }

        Cell put(String key, long value) {
            json.put(key, value);
            return this;
        }

        Cell put(String key, boolean value) {
            if (value) {
                json.put(key, true);
            }
            return this;
        }

        @Override
        public JsonObject toJson() {
            return json;
        }

        @Override
        public JsonSerializable readJson(JsonObject value) {
            throw new UnsupportedOperationException("sent to the browser only");
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<CommitteeContext> current = selected.current();
        if (current.isEmpty()) {
            title.setText(getTranslation("followUp.noCommittee"));
            grid.setVisible(false);
            return;
        }
        context = current.get();
        title.setText(getTranslation("followUp.title"));
        subtitle.setText(context.committee().name() + " · " + context.period().name()
                + (context.period().isLocked() ? " · " + getTranslation("period.locked") : ""));
        load();
        workbook.show(context, () -> {
            load();
            refreshRows();
        });
        showFetchAll();
        applyParameters(event.getLocation().getQueryParameters());
    }

    /** Reads the overview again; the filters keep their values (new item lists hold new but equal choices). */
    private void load() {
        FollowUpFilter kept = overview == null ? null : currentFilter();
        overview = followUp.overview(context);
        area.setItems(overview.areas());
        Set<String> statuses = new LinkedHashSet<>();
        overview.statuses().stream().map(StatusOption::label).forEach(statuses::add);
        statuses.add(FollowUpFilter.NOT_ASSESSED);
        statuses.add(FollowUpFilter.CARRIED);
        status.setItems(statuses);
        department.setItems(organisation.departments(context.committee().id()));
        if (kept != null) {
            restore(kept);
        }
        updateDepartmentAction();
        showDepartmentProgress();
    }

    /** An official sees, per own department, how many rows are ready and what is missing (from the rows shown). */
    private void showDepartmentProgress() {
        departmentProgress.removeAll();
        for (DepartmentProgress progress : readiness.ownDepartmentProgress(context, overview.rows(),
                department.getListDataView().getItems().toList())) {
            Department own = progress.department();
            Span text = new Span(getTranslation(
                    "followUp.departmentProgress", own.name(), progress.ready(), progress.total(),
                    progress.withoutStatus(), progress.drafts()));
            text.setId("department-progress-" + own.id());
            HorizontalLayout line = new HorizontalLayout(text);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            if (progress.mayShowLeft()) {
                Button left = new Button(getTranslation("followUp.departmentProgress.showLeft"), e -> {
                    department.setValue(own);
                    notReady.setValue(true);
                });
                left.setId("department-progress-left-" + own.id());
                left.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                line.add(left);
            }
            departmentProgress.add(line);
        }
        departmentProgress.setVisible(departmentProgress.getComponentCount() > 0);
    }

    /** Shown when a department is chosen and the user may mark some of its rows ready (the service decides). */
    private void updateDepartmentAction() {
        Department chosen = department.getValue();
        markDepartmentReady.setVisible(chosen != null && overview != null && overview.rows().stream()
                .anyMatch(r -> Long.valueOf(chosen.id()).equals(r.departmentId()) && r.mayMarkReady()));
    }

    void markDepartmentReady() {
        Department chosen = department.getValue();
        if (chosen == null) {
            ErrorMessages.showError(getTranslation("followUp.markDepartmentReady.chooseDepartment"));
            return;
        }
        ReadinessService.DepartmentReadyResult result;
        try {
            result = readiness.markDepartmentReady(context, chosen.id());
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
            return;
        }
        load();
        refreshRows();
        new DepartmentReadyDialog(result).open();
    }

    private void restore(FollowUpFilter filter) {
        boolean applying = applyingParameters;
        applyingParameters = true;
        try {
            area.setValue(overview.areas().stream().filter(a -> filter.areaId() != null && a.id() == filter.areaId())
                    .findFirst().orElse(null));
            status.setValue(filter.status());
            department.setValue(department.getListDataView().getItems()
                    .filter(d -> filter.departmentId() != null && d.id() == filter.departmentId()).findFirst().orElse(null));
        } finally {
            applyingParameters = applying;
        }
    }

    /** An official who opens the overview without a filter starts at their own department's rows. */
    private Map<String, List<String>> withDefaultDepartment(Map<String, List<String>> parameters) {
        if (parameters.keySet().stream().anyMatch(List.of(PARAM_AREA, PARAM_STATUS, PARAM_DEPARTMENT, PARAM_KIND,
                PARAM_TEXT, PARAM_NOT_READY)::contains)) {
            return parameters;
        }
        if (!followUp.startsWithOwnDepartment(context)) {
            return parameters;
        }
        var user = CurrentUser.get();
        return department.getListDataView().getItems().filter(d -> user.departmentIds().contains(d.id())).findFirst()
                .map(own -> Map.of(PARAM_DEPARTMENT, List.of(String.valueOf(own.id()))))
                .orElse(parameters);
    }

    private void applyParameters(QueryParameters parameters) {
        Map<String, List<String>> p = withDefaultDepartment(parameters.getParameters());
        boolean defaulted = p != parameters.getParameters();
        applyingParameters = true;
        try {
            area.setValue(first(p, PARAM_AREA).flatMap(id -> overview.areas().stream()
                    .filter(a -> String.valueOf(a.id()).equals(id)).findFirst()).orElse(null));
            status.setValue(first(p, PARAM_STATUS).orElse(null));
            department.setValue(first(p, PARAM_DEPARTMENT).flatMap(id -> department.getListDataView().getItems()
                    .filter(d -> String.valueOf(d.id()).equals(id)).findFirst()).orElse(null));
            kind.setValue(first(p, PARAM_KIND).flatMap(k -> {
                try {
                    return Optional.of(KindFilter.valueOf(k));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }).orElse(null));
            text.setValue(first(p, PARAM_TEXT).orElse(""));
            notReady.setValue(first(p, PARAM_NOT_READY).isPresent());
        } finally {
            applyingParameters = false;
        }
        updateDepartmentAction();
        refreshRows();
        if (defaulted) {
            filterChanged(); // the address shows the default, so the official sees it can be cleared
        }
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(l -> !l.isEmpty()).map(l -> l.get(0));
    }

    private void clearFilters() {
        applyingParameters = true;
        area.clear();
        status.clear();
        department.clear();
        kind.clear();
        text.clear();
        notReady.clear();
        applyingParameters = false;
        filterChanged();
    }

    private void filterChanged() {
        if (applyingParameters || overview == null) {
            return;
        }
        updateDepartmentAction();
        refreshRows();
        // keep the filter in the address so it can be bookmarked and shared
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("", QueryParameters.simple(addressParameters()))));
    }

    /** The filters as the address keeps them. */
    Map<String, String> addressParameters() {
        Map<String, String> parameters = new HashMap<>();
        if (area.getValue() != null) {
            parameters.put(PARAM_AREA, String.valueOf(area.getValue().id()));
        }
        if (status.getValue() != null) {
            parameters.put(PARAM_STATUS, status.getValue());
        }
        if (department.getValue() != null) {
            parameters.put(PARAM_DEPARTMENT, String.valueOf(department.getValue().id()));
        }
        if (kind.getValue() != null) {
            parameters.put(PARAM_KIND, kind.getValue().name());
        }
        if (!text.getValue().isBlank()) {
            parameters.put(PARAM_TEXT, text.getValue());
        }
        if (notReady.getValue()) {
            parameters.put(PARAM_NOT_READY, "ja");
        }
        return parameters;
    }

    FollowUpFilter currentFilter() {
        return new FollowUpFilter(area.getValue() == null ? null : area.getValue().id(), status.getValue(),
                department.getValue() == null ? null : department.getValue().id(), kind.getValue(),
                text.getValue(), notReady.getValue());
    }

    /** The filtered overview as the grid's flat list, in the Bilaga 2 order, and the count of rows shown. */
    private void refreshRows() {
        FollowUpOverview shown = overview.filter(currentFilter());
        List<OverviewNode> lines = new ArrayList<>();
        for (AreaSection section : shown.areas()) {
            lines.add(new OverviewNode.AreaNode(section.id(), section.name()));
            for (GoalSection goal : section.goals()) {
                lines.add(new OverviewNode.GroupNode("goal-" + goal.goalId() + "-" + goal.kind(),
                        getTranslation("report.strategicGoal", String.valueOf(goal.number()), goal.text()),
                        getTranslation(goal.kind() == ItemKind.INDICATOR ? "report.indicators" : "report.committeeGoals"),
                        getTranslation("report.goalStatus")));
                goal.rows().forEach(row -> lines.add(new OverviewNode.RowNode(row)));
            }
            for (AssignmentSection assignments : section.assignments()) {
                String heading = getTranslation(assignments.carriedOver() ? "report.carriedAssignments" : "report.assignments",
                        String.valueOf(assignments.osbYear()));
                lines.add(new OverviewNode.GroupNode("assignments-" + section.id() + "-" + assignments.osbYear()
                        + "-" + assignments.carriedOver(), heading, heading, getTranslation("report.assignmentStatus")));
                assignments.rows().forEach(row -> lines.add(new OverviewNode.RowNode(row)));
            }
        }
        grid.setItems(lines);
        count.setText(getTranslation("followUp.count", Messages.integer(shown.rows().size()),
                Messages.integer(overview.rows().size())));
    }

    private Component fetchAll;
    private Component importValues;

    /**
     * The secretariat's "Hämta alla från Kolada" and the officials' and secretariat's "Importera mätvärden", beside
     * the spreadsheet actions.
     */
    private void showFetchAll() {
        if (fetchAll != null) {
            fetchAll.removeFromParent();
        }
        if (importValues != null) {
            importValues.removeFromParent();
        }
        Runnable reload = () -> {
            load();
            refreshRows();
        };
        fetchAll = indicators.refreshAllButton(context.committee().id(), context.committee().slug(), reload)
                .orElse(null);
        importValues = indicators.importValuesButton(context.committee().id(), context.committee().slug(),
                        context.period().year(), reload)
                .orElse(null);
        for (Component c : new Component[]{fetchAll, importValues}) {
            if (c != null) {
                workbook.getParent().map(HasComponents.class::cast).ifPresent(h -> h.add(c));
            }
        }
    }

    void openEditor(FollowUpRow row) {
        List<StatusOption> options = overview.statuses(row.kind().scale());
        DraftKeeper draft = new DraftKeeper(drafts, DraftKey.followUp(context, row.id()));
        EntryDialog dialog = new EntryDialog(row, options, change -> save(row, change), mark -> ready(row, mark),
                changes.previousEntry(context, row.id()), draft);
        indicators.forItem(context.committee().slug(), row.id(), row.editable()).ifPresent(dialog::addBesideStatus);
        dialog.open();
    }

    private Optional<String> save(FollowUpRow row, FollowUpChange change) {
        try {
            followUp.save(context, row.id(), change);
        } catch (RuntimeException e) {
            return Optional.of(ErrorMessages.describe(this, e));
        }
        ErrorMessages.showSuccess(getTranslation("entry.saved", row.printedText()));
        load();
        refreshRows();
        return Optional.empty();
    }

    private Optional<String> ready(FollowUpRow row, boolean mark) {
        try {
            if (mark) {
                readiness.markReady(context, row.id());
            } else {
                readiness.unmarkReady(context, row.id());
            }
        } catch (RuntimeException e) {
            return Optional.of(ErrorMessages.describe(this, e));
        }
        ErrorMessages.showSuccess(getTranslation(mark ? "entry.markedReady" : "entry.unmarkedReady", row.printedText()));
        load();
        refreshRows();
        return Optional.empty();
    }

    void openHistory(FollowUpRow row) {
        HistoryDialog dialog = new HistoryDialog(row, context.period().name(), followUp.history(context, row.id()),
                changes.previousEntry(context, row.id()));
        indicators.forItem(context.committee().slug(), row.id(), false).ifPresent(dialog::add);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("followUp.pageTitle");
    }
}
