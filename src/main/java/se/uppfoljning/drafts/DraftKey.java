package se.uppfoljning.drafts;

import se.uppfoljning.periods.CommitteeContext;

/**
 * What a draft is of: a follow-up entry (an item in a period), a measure of Bilaga 1 (an existing one by id, or a
 * new one) or the decision of a period. Together with the user it names at most one draft.
 */
public record DraftKey(DraftKind kind, CommitteeContext context, String subject) {

    public enum DraftKind { FOLLOW_UP, MEASURE, DECISION }

    public static DraftKey followUp(CommitteeContext context, long itemId) {
        return new DraftKey(DraftKind.FOLLOW_UP, context, Long.toString(itemId));
    }

    /** {@code measureId} null for a new measure. */
    public static DraftKey measure(CommitteeContext context, Long measureId) {
        return new DraftKey(DraftKind.MEASURE, context, measureId == null ? "new" : measureId.toString());
    }

    /** The decision recorded for the period (body, date, paragraph, diary number). */
    public static DraftKey decision(CommitteeContext context) {
        return new DraftKey(DraftKind.DECISION, context, "decision");
    }
}
