package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.text.HtmlText;
import se.uppfoljning.followup.AreaProgress;
import se.uppfoljning.followup.ChangesService;
import se.uppfoljning.followup.FollowUpFilter;
import se.uppfoljning.followup.FollowUpFilter.KindFilter;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.StatusCount;
import se.uppfoljning.indicators.ui.IndicatorPanels;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.ReportingPeriod;
import se.uppfoljning.structure.StatusScale;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The politicians' page: the whole committee first, then each area – goals and assignments per status as a bar
 * with the counts, shares and the change since the previous report as text beside it (the list is the bar's legend);
 * then the assignments and goals that lag, by name with owner and comment. Statuses carried from the previous period
 * and not confirmed count apart ("ej bedömd i perioden"). Every count links to the overview filtered to those rows.
 *
 * <p>Read-only, so each area and the lagging tables are rendered as one piece of HTML each (escaped text, the counts
 * as plain anchors that Vaadin's client router follows like a {@code RouterLink}): a handful of state nodes per page
 * instead of several hundred components, which keeps the page's answer and the heap of an open UI small.
 */
@Route(value = "framsteg", layout = MainLayout.class)
@PermitAll
public class ProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The overview's address the counts link to (its route alias; the empty main route would resolve badly). */
    static final String OVERVIEW_ROUTE = "uppfoljning";

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
            boolean whole = area.areaName() == null;
            AreaProgress then = before.get(whole ? 0L : area.areaId());
            StringBuilder html = new StringBuilder();
            html.append("<section class=\"progress-area\" id=\"")
                    .append(whole ? "progress-total" : "progress-area-" + area.areaId()).append("\"><h3>")
                    .append(HtmlText.escape(whole ? getTranslation("progress.total") : area.areaName()))
                    .append("</h3><div class=\"progress-blocks\">");
            block(html, area, area.goals(), then == null ? null : then.goals(), KindFilter.GOAL, "progress.goals");
            block(html, area, area.assignments(), then == null ? null : then.assignments(), KindFilter.ASSIGNMENT,
                    "progress.assignments");
            add(new Html(html.append("</div></section>").toString()));
            if (whole) {
                Section lagging = new Section(new Html(lagging(overview)));
                lagging.setId("progress-lagging");
                lagging.addClassName("progress-area");
                Map<Long, String> names = new HashMap<>();
                overview.rows().forEach(r -> names.put(r.id(), r.printedText()));
                lagging.add(indicators.missesTarget(context.committee().slug(), names));
                add(lagging);
            }
        }
    }

    private void block(StringBuilder html, AreaProgress area, List<StatusCount> counts, List<StatusCount> before,
                       KindFilter kind, String headingKey) {
        html.append("<div class=\"progress-block\">");
        int total = AreaProgress.total(counts);
        html.append("<h4>").append(HtmlText.escape(getTranslation(headingKey, Messages.integer(total)))).append("</h4>");
        if (total == 0) {
            html.append("<p>").append(HtmlText.escape(getTranslation("progress.none"))).append("</p></div>");
            return;
        }
        // the list below says the same in words; the bar itself is decoration for sighted readers
        StringBuilder bar = new StringBuilder("<div class=\"progress-bar\" aria-hidden=\"true\">");
        StringBuilder list = new StringBuilder("<ul class=\"progress-list\">");
        for (StatusCount count : counts) {
            String tone = HtmlText.escape(count.tone());
            if (count.count() > 0) {
                bar.append("<div class=\"progress-segment tone-").append(tone).append("\" style=\"flex-grow: ")
                        .append(count.count()).append("\"></div>");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(FollowUpView.PARAM_KIND, kind.name());
            parameters.put(FollowUpView.PARAM_STATUS, count.status() == null ? FollowUpFilter.NOT_ASSESSED : count.status());
            if (area.areaName() != null) {
                parameters.put(FollowUpView.PARAM_AREA, String.valueOf(area.areaId()));
            }
            // router-link: Vaadin's client navigates inside the page, as for a RouterLink
            list.append("<li><span class=\"progress-swatch tone-").append(tone).append("\"></span><a router-link href=\"")
                    .append(HtmlText.escape(OVERVIEW_ROUTE + "?" + QueryParameters.simple(parameters).getQueryString()))
                    .append("\">").append(HtmlText.escape(label(count.status()) + ": " + Messages.integer(count.count())))
                    .append("</a><span class=\"progress-share\"> (").append(percent(count.count(), total))
                    .append(")</span>");
            if (before != null) {
                int then = before.stream().filter(c -> Objects.equals(c.status(), count.status()))
                        .mapToInt(StatusCount::count).sum();
                list.append("<span class=\"progress-change\" title=\"")
                        .append(HtmlText.escape(getTranslation("progress.changeTitle"))).append("\"> ")
                        .append(HtmlText.escape(change(count.count() - then))).append("</span>");
            }
            list.append("</li>");
        }
        html.append(bar).append("</div>").append(list).append("</ul></div>");
    }

    /**
     * The assignments not started and the goals not met (or not assessed), by name with owner and comment: a table
     * per scale in report order, its heading as the caption.
     */
    private String lagging(FollowUpOverview overview) {
        StringBuilder html = new StringBuilder("<div class=\"progress-lagging\"><h3>")
                .append(HtmlText.escape(getTranslation("progress.lagging"))).append("</h3>");
        for (StatusScale scale : List.of(StatusScale.ASSIGNMENT, StatusScale.GOAL)) {
            List<FollowUpRow> rows = overview.lagging(scale);
            String id = "progress-lagging-" + scale.name().toLowerCase();
            html.append("<h4 id=\"").append(id).append("-heading\">")
                    .append(HtmlText.escape(getTranslation(scale == StatusScale.ASSIGNMENT ? "progress.lagging.assignments"
                            : "progress.lagging.goals", Messages.integer(rows.size())))).append("</h4>");
            if (rows.isEmpty()) {
                html.append("<p class=\"empty-state\">").append(HtmlText.escape(getTranslation("progress.lagging.none")))
                        .append("</p>");
                continue;
            }
            html.append("<table class=\"progress-table\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                    .append("-heading\"><thead><tr>");
            for (String header : List.of(scale == StatusScale.ASSIGNMENT ? "progress.lagging.assignment"
                    : "progress.lagging.goal", "grid.owner", "grid.status", "grid.comment")) {
                html.append("<th scope=\"col\">").append(HtmlText.escape(getTranslation(header))).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (FollowUpRow r : rows) {
                html.append("<tr><td>").append(HtmlText.escape(r.printedText())).append("</td><td>")
                        .append(HtmlText.escape(r.owner())).append("</td><td>")
                        .append(HtmlText.escape(label(r.status()) + (r.fromPreviousPeriod()
                                ? " (" + getTranslation("progress.carriedShort") + ")" : "")))
                        .append("</td><td>").append(HtmlText.escape(r.comment())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        return html.append("</div>").toString();
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
