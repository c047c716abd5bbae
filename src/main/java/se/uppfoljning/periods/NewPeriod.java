package se.uppfoljning.periods;

import java.time.LocalDate;

/** What the secretariat gives to create a period; slug and name follow from kind and year. */
public record NewPeriod(PeriodKind kind, int year, LocalDate endDate, LocalDate deadline) {
}
