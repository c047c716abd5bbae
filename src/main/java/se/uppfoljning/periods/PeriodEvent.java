package se.uppfoljning.periods;

import java.time.OffsetDateTime;

/** One transition of a period: from → to, why (required when reopening), who and when. */
public record PeriodEvent(long id, PeriodState fromState, PeriodState toState, String reason, Decision decision,
                          String changedBy, OffsetDateTime changedAt) {
}
