package se.uppfoljning.organisation;

import se.uppfoljning.periods.ReportingPeriod;

/** A committee and one of its reporting periods: the scope of every view, export and API call. */
public record CommitteeContext(Committee committee, ReportingPeriod period) {
}
