package se.uppfoljning.periods;

import se.uppfoljning.base.security.CommitteePeriodScoped;
import se.uppfoljning.organisation.Committee;

/** A committee and one of its reporting periods: the scope of every view, export and API call. */
public record CommitteeContext(Committee committee, ReportingPeriod period) implements CommitteePeriodScoped {

    @Override
    public long committeeId() {
        return committee.id();
    }

    @Override
    public String committeeCode() {
        return committee.code();
    }

    /** The period's address part ("2024-dr1"), for logs and audit lines that need no more of the period. */
    @Override
    public String periodSlug() {
        return period.slug();
    }
}
