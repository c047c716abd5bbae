package se.uppfoljning.finance;

import se.uppfoljning.periods.CommitteeContext;

import java.util.List;

/** Everything the finance view shows: the summary and every table (rows, computed subtotals and totals). */
public record FinanceOverview(CommitteeContext context, FinanceSummary summary, List<FinanceLevel> levels,
                              List<FinanceTable> tables) {
}
