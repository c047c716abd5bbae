package se.uppfoljning.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.springframework.stereotype.Component;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.ReportingPeriod;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The committee and period a user works in, kept for the browser session. Committees and periods are read once per
 * request (the layout and the view both need them) and never kept longer, so a locked period shows at once.
 */
@Component
@VaadinSessionScope
public class SelectedContext implements Serializable {

    private final transient PeriodService periodService;
    private String committeeSlug;
    private String periodSlug;

    public SelectedContext(PeriodService periodService) {
        this.periodService = periodService;
    }

    /**
     * The selected committee and period; defaults to the user's first committee and the period its service says the
     * user starts on.
     */
    public Optional<CommitteeContext> current() {
        List<Committee> committees = committees();
        Optional<Committee> committee = committees.stream().filter(c -> c.slug().equals(committeeSlug)).findFirst()
                .or(() -> committees.stream().findFirst());
        if (committee.isEmpty()) {
            return Optional.empty();
        }
        List<ReportingPeriod> periods = periods(committee.get());
        Optional<ReportingPeriod> period = periods.stream().filter(p -> p.slug().equals(periodSlug)).findFirst()
                .or(() -> periodService.startPeriod(committee.get(), periods));
        return period.map(p -> new CommitteeContext(committee.get(), p));
    }

    public List<Committee> committees() {
        return List.copyOf(workspace().keySet());
    }

    public List<ReportingPeriod> periods(Committee committee) {
        List<ReportingPeriod> periods = workspace().get(committee);
        return periods != null ? periods : periodService.periods(committee.id());
    }

    /** Committees and their periods in one statement, once per request. */
    private Map<Committee, List<ReportingPeriod>> workspace() {
        return perRequest("workspace", periodService::committeesWithPeriodsOfCurrentUser);
    }

    public void select(String committee, String period) {
        this.committeeSlug = committee;
        this.periodSlug = period;
    }

    /** Reads committees and periods again within this request (after a view created or changed a period). */
    public void refresh() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            request.removeAttribute(attribute("workspace"));
        }
    }

    private static String attribute(String key) {
        String user = CurrentUser.find().map(u -> u.username()).orElse("");
        return SelectedContext.class.getName() + "." + user + "." + key;
    }

    @SuppressWarnings("unchecked")
    private <T> T perRequest(String key, Supplier<T> loader) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return loader.get();
        }
        String attribute = attribute(key);
        Object cached = request.getAttribute(attribute);
        if (cached == null) {
            cached = loader.get();
            request.setAttribute(attribute, cached);
        }
        return (T) cached;
    }
}
