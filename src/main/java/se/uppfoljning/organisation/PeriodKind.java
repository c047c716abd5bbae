package se.uppfoljning.organisation;

public enum PeriodKind {
    DR1, DR2, ANNUAL
}
