package se.uppfoljning.finance;

import java.math.BigDecimal;
import java.util.List;

/** The period's net figures, the balanced-budget goal, per-level totals and the checks' findings. */
public record FinanceSummary(long netForecast, long netBudget, long netDeviation, BigDecimal deviationPercent,
                             boolean fromSummaryLines, List<LevelTotal> levels, BalancedBudget balancedBudget,
                             List<FinanceFinding> findings, int rowCount, FinanceImportInfo lastImport) {
}
