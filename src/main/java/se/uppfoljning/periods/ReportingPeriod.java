package se.uppfoljning.periods;

import java.time.LocalDate;

public record ReportingPeriod(long id, long committeeId, String slug, String name, PeriodKind kind, int year,
                              LocalDate endDate, PeriodState state) {

    public boolean isLocked() {
        return state == PeriodState.DECIDED;
    }
}
