package se.uppfoljning.structure;

/**
 * An assignment not done by the end of its plan year, carried into the next plan year ("kvarstående uppdrag");
 * status is its latest (or null). Not to be confused with a period's drafts from the previous period
 * ({@code FollowUpService.createDraftsFromPreviousPeriod}), which copy entries, not items.
 */
public record RemainingAssignment(long itemId, String area, String text, String owner, String status) {
}
