package se.uppfoljning.followup;

public enum StatusScale {
    /** Prognos måluppfyllelse. */
    GOAL,
    /** Prognos uppdrag. */
    ASSIGNMENT
}
