package se.uppfoljning.periods;

import se.uppfoljning.periods.CommitteeContext;

/**
 * Published inside the decision's transaction, after the decision event {@code eventId} is written and before the
 * period is locked, so the features can keep what the decision makes a public record (the decided structure, then
 * the decided appendices, then the whole report: listeners are ordered). A failing listener undoes the decision.
 */
public record PeriodDeciding(CommitteeContext context, long eventId, Decision decision) {

    /** Listener order: the decided structure is kept before the appendices are rendered from it. */
    public static final int KEEP_STRUCTURE = 1;
    public static final int STORE_APPENDICES = 2;
    public static final int STORE_REPORT = 3;
}
