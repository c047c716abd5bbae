package se.uppfoljning.structure;

public enum StatusScale {
    /** Prognos måluppfyllelse. */
    GOAL,
    /** Prognos uppdrag. */
    ASSIGNMENT
}
