package se.uppfoljning.organisation;

/** A committee and one of its reporting periods: the scope of every view, export and API call. */
public record CommitteeContext(Committee committee, ReportingPeriod period) {
}
