package se.uppfoljning.periods;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A reporting period with its deadline and, when decided, its decision. */
public record PeriodDetails(long id, String slug, String name, PeriodKind kind, int year, LocalDate endDate,
                            LocalDate deadline, PeriodState state, Decision decision, OffsetDateTime decidedAt,
                            String decidedBy) {

    public boolean isLocked() {
        return state == PeriodState.DECIDED;
    }
}
