package se.uppfoljning.finance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The balanced-budget goal's assessment and the calculation it came from. {@code loadedAt}/{@code loadedBy}: the
 * import that last changed the figures (null before any).
 */
public record BalancedBudget(String goal, String status, String comment, BigDecimal thresholdPercent, long forecast,
                             long budget, long deviation, BigDecimal deviationPercent, boolean fromSummaryLines,
                             OffsetDateTime loadedAt, String loadedBy) {
}
