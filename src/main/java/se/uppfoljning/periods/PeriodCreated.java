package se.uppfoljning.periods;

import se.uppfoljning.periods.CommitteeContext;

/**
 * Published inside the transaction that creates a period, for the features that fill it: {@code previous} is the
 * committee's latest earlier period (null when there is none). Listeners run synchronously; a failure undoes the
 * creation.
 */
public record PeriodCreated(CommitteeContext created, CommitteeContext previous) {
}
