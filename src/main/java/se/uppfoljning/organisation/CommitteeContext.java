package se.uppfoljning.organisation;

import se.uppfoljning.base.security.CommitteeScoped;
import se.uppfoljning.periods.ReportingPeriod;

/** A committee and one of its reporting periods: the scope of every view, export and API call. */
public record CommitteeContext(Committee committee, ReportingPeriod period) implements CommitteeScoped {

    @Override
    public long committeeId() {
        return committee.id();
    }

    /** The period's address part ("2024-dr1"), for logs and audit lines that need no more of the period. */
    public String periodSlug() {
        return period.slug();
    }
}
