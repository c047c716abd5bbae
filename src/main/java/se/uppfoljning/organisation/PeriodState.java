package se.uppfoljning.organisation;

public enum PeriodState {
    OPEN, REVIEW, DECIDED
}
