package se.uppfoljning.structure;

import se.uppfoljning.followup.StatusScale;

/** What is followed up. Goals and indicators share the "Prognos måluppfyllelse" scale, assignments have their own. */
public enum ItemKind {
    COMMITTEE_GOAL(StatusScale.GOAL),
    INDICATOR(StatusScale.GOAL),
    ASSIGNMENT(StatusScale.ASSIGNMENT);

    private final StatusScale scale;

    ItemKind(StatusScale scale) {
        this.scale = scale;
    }

    public StatusScale scale() {
        return scale;
    }
}
