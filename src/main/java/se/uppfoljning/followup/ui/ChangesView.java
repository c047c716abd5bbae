package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.base.ui.TemplateText;
import se.uppfoljning.followup.ChangesService;
import se.uppfoljning.followup.ItemChange;
import se.uppfoljning.followup.PeriodChanges;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.ReportingPeriod;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** "Sedan förra rapporten": items whose status or comment changed since another period, for every role. */
@Route(value = "forandringar", layout = MainLayout.class)
@PermitAll
public class ChangesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Up to this many changes the grid shows all its rows (no inner scrolling). */
    static final int WHOLE_LIST = 40;
    private static final DateTimeFormatter TIME = SwedishFormat.DATE_TIME;

    private final ChangesService changes;
    private final SelectedContext selected;
    final Select<ReportingPeriod> since = new Select<>();
    final Grid<ItemChange> grid = new Grid<>();
    private final VerticalLayout content = new VerticalLayout();
    private CommitteeContext context;

    public ChangesView(ChangesService changes, SelectedContext selected) {
        this.changes = changes;
        this.selected = selected;
        since.setId("changes-since");
        since.setLabel(getTranslation("changes.since"));
        since.setItemLabelGenerator(ReportingPeriod::name);
        since.setWidth("24rem");
        since.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show(e.getValue());
            }
        });
        grid.setId("changes-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ItemChange::areaName).setHeader(getTranslation("changes.column.area")).setWidth("12rem")
                .setFlexGrow(1);
        grid.addColumn(c -> c.row().printedText()).setHeader(getTranslation("changes.column.item")).setWidth("22rem")
                .setFlexGrow(4);
        grid.addColumn(c -> c.statusChanged() ? orNone(c.oldStatus()) + " → " + orNone(c.row().status())
                        : getTranslation("history.unchanged", orNone(c.row().status())))
                .setHeader(getTranslation("grid.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.commentChanged() ? getTranslation("changes.commentChanged") : "")
                .setHeader(getTranslation("grid.comment")).setAutoWidth(true);
        grid.addColumn(c -> c.row().updatedBy() == null ? "" : c.row().updatedBy())
                .setHeader(getTranslation("changes.column.changedBy")).setAutoWidth(true);
        grid.addColumn(c -> c.row().updatedAt() == null ? ""
                        : c.row().updatedAt().atZoneSameInstant(ZoneId.of("Europe/Stockholm")).format(TIME))
                .setHeader(getTranslation("changes.column.changedAt")).setAutoWidth(true);
        // a template sent once, the two comments per opened row (no components per row)
        grid.setItemDetailsRenderer(LitRenderer.<ItemChange>of("<div class=\"change-details\"><p>"
                        + TemplateText.of(getTranslation("changes.column.oldComment")) + ": ${item.before}</p><p>"
                        + TemplateText.of(getTranslation("changes.column.newComment")) + ": ${item.after}</p></div>")
                .withProperty("before", c -> c.oldComment() == null ? "" : c.oldComment())
                .withProperty("after", c -> c.row().comment() == null ? "" : c.row().comment()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("changes.title") + " – " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var current = selected.current();
        H2 title = new H2(getTranslation("changes.title"));
        title.setId("view-title");
        add(title);
        if (current.isEmpty()) {
            add(new Paragraph(getTranslation("followUp.noCommittee")));
            return;
        }
        context = current.get();
        add(new Paragraph(context.committee().name() + " · " + context.period().name()));
        // only earlier periods: "since the last report" looks back
        List<ReportingPeriod> others = selected.periods(context.committee()).stream()
                .filter(p -> p.endDate().isBefore(context.period().endDate())).toList();
        if (others.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("changes.noOtherPeriod"));
            none.setId("changes-none");
            add(none);
            return;
        }
        since.setItems(others);
        ReportingPeriod initial = changes.previous(context).orElse(others.get(0));
        since.setValue(initial);
        add(since, content);
        show(initial);
    }

    private void show(ReportingPeriod period) {
        content.removeAll();
        content.setPadding(false);
        PeriodChanges result = changes.changes(context, period);
        int count = result.changes().size();
        Paragraph summary = new Paragraph(count == 0 ? getTranslation("changes.summary.none", period.name())
                : getTranslation(count == 1 ? "changes.summary.one" : "changes.summary",
                Messages.integer(count), period.name()));
        summary.setId("changes-summary");
        content.add(summary);
        if (count == 0) {
            summary.addClassName("empty-state");
            return;
        }
        UnorderedList perArea = new UnorderedList();
        perArea.setId("changes-per-area");
        for (PeriodChanges.AreaCount area : result.perArea()) {
            perArea.add(new ListItem(area.area() + ": " + area.changed() + " (" + area.byStatus().entrySet().stream()
                    .map(e -> orNone(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", ")) + ")"));
        }
        content.add(new H3(getTranslation("changes.perArea")), perArea);
        Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = changes.exportXlsx(result);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "forandringar-" + context.committee().slug()
                    + "-" + context.period().slug() + "-sedan-" + period.slug() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), getTranslation("changes.export"));
        export.setId("changes-export");
        content.add(export);
        grid.setItems(result.changes());
        // a short list is shown whole; a long one scrolls inside the grid, which then fetches only the rows in view
        boolean whole = count <= WHOLE_LIST;
        grid.setAllRowsVisible(whole);
        grid.setHeight(whole ? null : "36rem");
        content.add(grid);
    }

    private String orNone(String status) {
        return status == null || status.isEmpty() ? getTranslation("status.notAssessed") : status;
    }
}
