package se.uppfoljning.publication;

/**
 * One line of a decided period's finance tables as open data, amounts in whole kronor (null where the report has no
 * value). {@code lineKind}: ROW as imported, SUBTOTAL/TOTAL computed from the rows above it. {@code cut}: the
 * import's name of the table (sammanstallning, enhet, kontogrupp, verksamhet, investering).
 */
public record PublicFinanceLine(String level, String levelName, String cut, String lineKind, String group,
                                String code, String name, Long prevPeriodOutcome, long prevYearClosed,
                                long outcomeToDate, Long budgetToDate, Long originalBudget, long budget,
                                long forecast, long deviation) {
}
