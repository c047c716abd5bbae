package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import se.uppfoljning.indicators.ui.IndicatorPanels;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;
import se.uppfoljning.followup.AreaProgress;
import se.uppfoljning.followup.ChangesService;
import se.uppfoljning.followup.FollowUpFilter;
import se.uppfoljning.followup.FollowUpFilter.KindFilter;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.StatusCount;
import se.uppfoljning.structure.StatusScale;
import se.uppfoljning.organisation.CommitteeContext;
import se.uppfoljning.periods.ReportingPeriod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The politicians' page: the whole committee first, then each area – goals and assignments per status as a bar
 * with the counts, shares and the change since the previous report as text beside it (the list is the bar's legend);
 * then the assignments and goals that lag, by name with owner and comment. Statuses carried from the previous period
 * and not confirmed count apart ("ej bedömd i perioden"). Every count links to the overview filtered to those rows.
 */
@Route(value = "framsteg", layout = MainLayout.class)
@PermitAll
public class ProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FollowUpService followUp;
    private final ChangesService changes;
    private final SelectedContext selected;

    /** Indicators whose latest value misses the target. */
    private final IndicatorPanels indicators;

    public ProgressView(FollowUpService followUp, ChangesService changes, SelectedContext selected,
                        IndicatorPanels indicators) {
        this.indicators = indicators;
        this.followUp = followUp;
        this.changes = changes;
        this.selected = selected;
        addClassName("progress-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var current = selected.current();
        if (current.isEmpty()) {
            add(new H2(getTranslation("followUp.noCommittee")));
            return;
        }
        CommitteeContext context = current.get();
        FollowUpOverview overview = followUp.overview(context);
        Optional<ReportingPeriod> previousPeriod = changes.previous(context);
        Map<Long, AreaProgress> before = new HashMap<>();
        previousPeriod.ifPresent(p -> followUp.overview(new CommitteeContext(context.committee(), p)).progress()
                .forEach(a -> before.put(a.areaName() == null ? 0L : a.areaId(), a)));

        H2 title = new H2(getTranslation("progress.title"));
        title.setId("view-title");
        add(title, new Paragraph(context.committee().name() + " · " + context.period().name()
                + previousPeriod.map(p -> " · " + getTranslation("progress.comparedWith", p.name())).orElse("")));

        List<AreaProgress> areas = new ArrayList<>(overview.progress());
        // the whole committee first: what a politician asks first
        areas.sort((a, b) -> Boolean.compare(a.areaName() != null, b.areaName() != null));
        for (AreaProgress area : areas) {
            Section section = new Section();
            section.addClassName("progress-area");
            boolean whole = area.areaName() == null;
            section.setId(whole ? "progress-total" : "progress-area-" + area.areaId());
            section.add(whole ? new H3(getTranslation("progress.total")) : new H3(area.areaName()));
            AreaProgress then = before.get(whole ? 0L : area.areaId());
            Div blocks = new Div();
            blocks.addClassName("progress-blocks");
            blocks.add(block(area, area.goals(), then == null ? null : then.goals(), KindFilter.GOAL, "progress.goals"),
                    block(area, area.assignments(), then == null ? null : then.assignments(), KindFilter.ASSIGNMENT,
                            "progress.assignments"));
            section.add(blocks);
            add(section);
            if (whole) {
                Section lagging = lagging(overview);
                Map<Long, String> names = new HashMap<>();
                overview.rows().forEach(r -> names.put(r.id(), r.printedText()));
                lagging.add(indicators.missesTarget(context.committee().slug(), names));
                add(lagging);
            }
        }
    }

    private Div block(AreaProgress area, List<StatusCount> counts, List<StatusCount> before, KindFilter kind,
                      String headingKey) {
        Div block = new Div();
        block.addClassName("progress-block");
        int total = AreaProgress.total(counts);
        block.add(new H4(getTranslation(headingKey, Messages.integer(total))));
        if (total == 0) {
            block.add(new Paragraph(getTranslation("progress.none")));
            return block;
        }
        Div bar = new Div();
        bar.addClassName("progress-bar");
        // the list below says the same in words; the bar itself is decoration for sighted readers
        bar.getElement().setAttribute("aria-hidden", "true");
        UnorderedList list = new UnorderedList();
        list.addClassName("progress-list");
        for (StatusCount count : counts) {
            String label = label(count.status());
            if (count.count() > 0) {
                Div segment = new Div();
                segment.addClassNames("progress-segment", "tone-" + count.tone());
                segment.getStyle().set("flex-grow", String.valueOf(count.count()));
                bar.add(segment);
            }
            Map<String, String> parameters = new HashMap<>();
            parameters.put(FollowUpView.PARAM_KIND, kind.name());
            parameters.put(FollowUpView.PARAM_STATUS, count.status() == null ? FollowUpFilter.NOT_ASSESSED : count.status());
            if (area.areaName() != null) {
                parameters.put(FollowUpView.PARAM_AREA, String.valueOf(area.areaId()));
            }
            Span swatch = new Span();
            swatch.addClassNames("progress-swatch", "tone-" + count.tone());
            RouterLink link = new RouterLink(label + ": " + Messages.integer(count.count()), FollowUpView.class);
            link.setQueryParameters(QueryParameters.simple(parameters));
            Span share = new Span(" (" + percent(count.count(), total) + ")");
            share.addClassName("progress-share");
            ListItem item = new ListItem(swatch, link, share);
            if (before != null) {
                int then = before.stream().filter(c -> Objects.equals(c.status(), count.status()))
                        .mapToInt(StatusCount::count).sum();
                Span change = new Span(" " + change(count.count() - then));
                change.addClassName("progress-change");
                change.getElement().setAttribute("title", getTranslation("progress.changeTitle"));
                item.add(change);
            }
            list.add(item);
        }
        block.add(bar, list);
        return block;
    }

    /** The assignments not started and the goals not met (or not assessed), by name with owner and comment. */
    private Section lagging(FollowUpOverview overview) {
        Section section = new Section();
        section.setId("progress-lagging");
        section.addClassName("progress-area");
        section.add(new H3(getTranslation("progress.lagging")));
        for (StatusScale scale : List.of(StatusScale.ASSIGNMENT, StatusScale.GOAL)) {
            List<FollowUpRow> rows = overview.lagging(scale);
            section.add(new H4(getTranslation(scale == StatusScale.ASSIGNMENT ? "progress.lagging.assignments"
                    : "progress.lagging.goals", Messages.integer(rows.size()))));
            if (rows.isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("progress.lagging.none"));
                none.addClassName("empty-state");
                section.add(none);
                continue;
            }
            Grid<FollowUpRow> grid = new Grid<>();
            grid.setId("progress-lagging-" + scale.name().toLowerCase());
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.setAllRowsVisible(true);
            grid.addColumn(FollowUpRow::printedText).setHeader(getTranslation(scale == StatusScale.ASSIGNMENT
                    ? "progress.lagging.assignment" : "progress.lagging.goal")).setFlexGrow(3).setWidth("18rem");
            grid.addColumn(r -> r.owner() == null ? "" : r.owner()).setHeader(getTranslation("grid.owner"))
                    .setFlexGrow(1).setWidth("10rem");
            grid.addColumn(r -> label(r.status()) + (r.fromPreviousPeriod()
                    ? " (" + getTranslation("progress.carriedShort") + ")" : ""))
                    .setHeader(getTranslation("grid.status")).setFlexGrow(0).setWidth("11rem");
            grid.addColumn(FollowUpRow::comment).setHeader(getTranslation("grid.comment")).setFlexGrow(4).setWidth("18rem");
            grid.setItems(rows);
            section.add(grid);
        }
        return section;
    }

    private String label(String status) {
        if (status == null) {
            return getTranslation("status.notAssessed");
        }
        return FollowUpFilter.CARRIED.equals(status) ? getTranslation("progress.carried") : status;
    }

    private static String percent(int part, int total) {
        return Math.round(100.0 * part / total) + "\u00a0%";
    }

    private String change(int difference) {
        return difference == 0 ? getTranslation("progress.unchanged")
                : (difference > 0 ? "+" : "\u2212") + Messages.integer(Math.abs(difference));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.pageTitle");
    }
}
