package se.uppfoljning.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.MainLayout;

import java.util.Comparator;
import java.util.List;

/** The change log, newest first: free text, date range and action. Admins see all; the secretariat their committees. */
@Route(value = "logg", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "SECRETARIAT"})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final AuditService audit;

    final Grid<AuditEntry> grid = new Grid<>();
    final TextField text = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final ComboBox<String> action = new ComboBox<>();
    final Span count = new Span();
    final com.vaadin.flow.component.checkbox.Checkbox securityOnly = new com.vaadin.flow.component.checkbox.Checkbox();

    public AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        addClassName("audit-view");
        H2 title = new H2(getTranslation("audit.title"));
        title.setId("view-title");
        add(title, filters(), grid);
        configureGrid();
        refresh();
    }

    private HorizontalLayout filters() {
        text.setId("audit-search");
        text.setLabel(getTranslation("audit.search"));
        text.setPlaceholder(getTranslation("audit.search.placeholder"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setWidth("20rem");
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        se.uppfoljning.base.ui.SwedishComponents.datePicker(from);
        from.setClearButtonVisible(true);
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        se.uppfoljning.base.ui.SwedishComponents.datePicker(to);
        to.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.action"));
        action.setPlaceholder(getTranslation("audit.action.all"));
        action.setItems(audit.actions());
        action.setItemLabelGenerator(this::actionLabel);
        action.setClearButtonVisible(true);
        action.setWidth("16rem");

        text.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            refresh();
        });
        to.addValueChangeListener(e -> {
            from.setMax(e.getValue());
            refresh();
        });
        action.addValueChangeListener(e -> refresh());
        securityOnly.setId("audit-security");
        securityOnly.setLabel(getTranslation("audit.securityOnly"));
        securityOnly.setVisible(audit.maySeeSecurityEvents()); // the secretariat never sees security events
        securityOnly.addValueChangeListener(e -> refresh());

        Button clear = new Button(getTranslation("filter.clear"), e -> {
            text.clear();
            from.clear();
            to.clear();
            action.clear();
            securityOnly.clear();
        });
        clear.setId("audit-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        count.setId("audit-count");
        count.addClassName("row-count");
        count.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout bar = new HorizontalLayout(text, from, to, action, securityOnly, clear, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.addClassName("filter-bar");
        return bar;
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        var time = grid.addColumn(e -> ErrorMessages.time(e.occurredAt())).setKey("time")
                .setHeader(getTranslation("audit.column.time"))
                .setComparator(Comparator.comparing(AuditEntry::occurredAt).thenComparing(AuditEntry::id))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::userName).setKey("user").setHeader(getTranslation("audit.column.user"))
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.committeeCode() == null ? "" : e.committeeCode()).setKey("committee")
                .setHeader(getTranslation("audit.column.committee")).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> actionLabel(e.action())).setKey("action").setHeader(getTranslation("audit.column.action"))
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::subject).setKey("subject").setHeader(getTranslation("audit.column.subject"))
                .setSortable(true).setFlexGrow(1);
        grid.addColumn(e -> details(e)).setKey("details").setHeader(getTranslation("audit.column.details"))
                .setFlexGrow(3);
        grid.sort(List.of(new GridSortOrder<>(time, SortDirection.DESCENDING)));
    }

    /** The Swedish label of an action; an action without one (a feature's newer action) shows as stored. */
    String actionLabel(String action) {
        if (action == null) {
            return getTranslation("audit.action.all");
        }
        String label = getTranslation("audit.action." + action);
        return label == null || label.isBlank() || label.contains("audit.action.") ? action : label;
    }

    /** Entries written before the period states were logged in Swedish still say "OPEN → REVIEW": shown in Swedish. */
    String details(AuditEntry entry) {
        String details = entry.details() == null ? "" : entry.details();
        if (entry.action() != null && entry.action().startsWith("period.")) {
            for (var state : se.uppfoljning.periods.PeriodState.values()) {
                details = details.replaceAll("\\b" + state.name() + "\\b", getTranslation("period.state." + state.name()));
            }
        }
        return details;
    }

    void refresh() {
        List<AuditEntry> entries = audit.search(new AuditQuery(text.getValue(), from.getValue(), to.getValue(),
                action.getValue(), AuditQuery.DEFAULT_LIMIT, securityOnly.getValue(), null, null, null));
        grid.setItems(entries);
        count.setText(entries.size() >= AuditQuery.DEFAULT_LIMIT
                ? getTranslation("audit.limitReached", AuditQuery.DEFAULT_LIMIT)
                : getTranslation("audit.count", entries.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.pageTitle");
    }
}
