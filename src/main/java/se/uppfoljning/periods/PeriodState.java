package se.uppfoljning.periods;

public enum PeriodState {
    OPEN, REVIEW, DECIDED
}
