package se.uppfoljning.periods;

public enum PeriodKind {
    DR1, DR2, ANNUAL
}
