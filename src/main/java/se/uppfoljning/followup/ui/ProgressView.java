package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.ui.MainLayout;
import se.uppfoljning.base.ui.SelectedContext;
import se.uppfoljning.followup.AreaProgress;
import se.uppfoljning.followup.FollowUpFilter;
import se.uppfoljning.followup.FollowUpFilter.KindFilter;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.StatusCount;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For politicians: per area, how many goals and assignments have each status, as numbers and a bar; every number
 * links to the overview filtered to those rows.
 */
@Route(value = "framsteg", layout = MainLayout.class)
@PermitAll
public class ProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FollowUpService followUp;
    private final SelectedContext selected;

    public ProgressView(FollowUpService followUp, SelectedContext selected) {
        this.followUp = followUp;
        this.selected = selected;
        addClassName("progress-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var context = selected.current();
        if (context.isEmpty()) {
            add(new H2(getTranslation("followUp.noCommittee")));
            return;
        }
        FollowUpOverview overview = followUp.overview(context.get());
        H2 title = new H2(getTranslation("progress.title"));
        title.setId("view-title");
        add(title, new Paragraph(context.get().committee().name() + " · " + context.get().period().name()));
        for (AreaProgress area : overview.progress()) {
            Section section = new Section();
            section.addClassName("progress-area");
            boolean whole = area.areaName() == null;
            section.setId(whole ? "progress-total" : "progress-area-" + area.areaId());
            section.add(whole ? new H3(getTranslation("progress.total")) : new H3(area.areaName()));
            section.add(block(area, area.goals(), KindFilter.GOAL, "progress.goals"));
            section.add(block(area, area.assignments(), KindFilter.ASSIGNMENT, "progress.assignments"));
            add(section);
        }
    }

    private Div block(AreaProgress area, List<StatusCount> counts, KindFilter kind, String headingKey) {
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
        bar.getElement().setAttribute("role", "img");
        StringBuilder description = new StringBuilder();
        UnorderedList list = new UnorderedList();
        list.addClassName("progress-list");
        for (StatusCount count : counts) {
            String label = count.status() == null ? getTranslation("status.notAssessed") : count.status();
            description.append(label).append(" ").append(Messages.integer(count.count())).append(". ");
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
            RouterLink link = new RouterLink(label + ": " + Messages.integer(count.count()), FollowUpView.class);
            link.setQueryParameters(QueryParameters.simple(parameters));
            link.addClassName("tone-text-" + count.tone());
            ListItem item = new ListItem(link);
            list.add(item);
        }
        bar.getElement().setAttribute("aria-label", description.toString().strip());
        block.add(bar, list);
        return block;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.pageTitle");
    }
}
