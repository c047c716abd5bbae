package se.uppfoljning.base.ui;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.springframework.stereotype.Component;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.CommitteeContext;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.organisation.ReportingPeriod;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** The committee and period a user works in, kept for the browser session. */
@Component
@VaadinSessionScope
public class SelectedContext implements Serializable {

    private final transient OrganisationService organisation;
    private String committeeSlug;
    private String periodSlug;

    public SelectedContext(OrganisationService organisation) {
        this.organisation = organisation;
    }

    /** The selected committee and period; defaults to the user's first committee and its latest period. */
    public Optional<CommitteeContext> current() {
        if (committeeSlug == null || periodSlug == null) {
            List<Committee> committees = organisation.committeesOfCurrentUser();
            if (committees.isEmpty()) {
                return Optional.empty();
            }
            Committee committee = committees.get(0);
            List<ReportingPeriod> periods = organisation.periods(committee.id());
            if (periods.isEmpty()) {
                return Optional.empty();
            }
            committeeSlug = committee.slug();
            periodSlug = periods.get(0).slug();
        }
        return Optional.of(organisation.context(committeeSlug, periodSlug));
    }

    public void select(String committee, String period) {
        this.committeeSlug = committee;
        this.periodSlug = period;
    }
}
