package se.uppfoljning.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The measures of one row or sum, in whole kronor; optional measures are null when not given. Everything derived is
 * computed here from the exact amounts, never stored.
 */
public record Figures(Long prevPeriodOutcome, long prevYearClosed, long outcomeToDate, Long budgetToDate,
                      Long originalBudget, long forecast, long budget) {

    public static final Figures ZERO = new Figures(null, 0, 0, null, null, 0, 0);

    /** Ack avvikelse: outcome − budget to date; null without a budget to date. */
    public Long accumulatedDeviation() {
        return budgetToDate == null ? null : outcomeToDate - budgetToDate;
    }

    /** Förb i %: outcome ÷ budget to date × 100, one decimal; null when the budget to date is missing or zero. */
    public BigDecimal consumptionPercent() {
        if (budgetToDate == null || budgetToDate == 0) {
            return null;
        }
        return BigDecimal.valueOf(outcomeToDate).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(budgetToDate), 1, RoundingMode.HALF_UP);
    }

    /** Helår avvikelse: forecast − budget. */
    public long deviation() {
        return forecast - budget;
    }

    /** Förändring budget: revised − original; null without an original budget. */
    public Long budgetChange() {
        return originalBudget == null ? null : budget - originalBudget;
    }

    /** Deviation as a percentage of the budget's size (one decimal); null for a zero budget. */
    public BigDecimal deviationPercent() {
        return percentOf(deviation(), budget);
    }

    public Figures plus(Figures o) {
        return new Figures(add(prevPeriodOutcome, o.prevPeriodOutcome), prevYearClosed + o.prevYearClosed,
                outcomeToDate + o.outcomeToDate, add(budgetToDate, o.budgetToDate), add(originalBudget, o.originalBudget),
                forecast + o.forecast, budget + o.budget);
    }

    public static Figures sum(Collection<Figures> figures) {
        Figures total = ZERO;
        for (Figures f : figures) {
            total = total.plus(f);
        }
        return total;
    }

    /** Value of a measure by name (for checks and exports); optional measures count as 0 when missing. */
    public long value(Measure measure) {
        return switch (measure) {
            case PREV_PERIOD_OUTCOME -> prevPeriodOutcome == null ? 0 : prevPeriodOutcome;
            case PREV_YEAR_CLOSED -> prevYearClosed;
            case OUTCOME_TO_DATE -> outcomeToDate;
            case BUDGET_TO_DATE -> budgetToDate == null ? 0 : budgetToDate;
            case ORIGINAL_BUDGET -> originalBudget == null ? 0 : originalBudget;
            case FORECAST -> forecast;
            case BUDGET -> budget;
        };
    }

    static BigDecimal percentOf(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Math.abs(whole)), 1, RoundingMode.HALF_UP);
    }

    private static Long add(Long a, Long b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? 0 : a) + (b == null ? 0 : b);
    }

    /** The typed measures; {@code column} is the import file's column. */
    public enum Measure {
        PREV_PERIOD_OUTCOME("utfall_fg_period"),
        PREV_YEAR_CLOSED("bokslut_fg_ar"),
        OUTCOME_TO_DATE("utfall_ack"),
        BUDGET_TO_DATE("budget_ack"),
        ORIGINAL_BUDGET("budget_ursprunglig"),
        FORECAST("prognos_helar"),
        BUDGET("budget_helar");

        private final String column;

        Measure(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }

        public String labelKey() {
            return "finance.measure." + column;
        }
    }
}
