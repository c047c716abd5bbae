package se.uppfoljning.finance;

import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.periods.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the report's tables, in the seed's order and wording, shared by the view and the XLSX export.
 * Amount columns yield kronor (shown in tkr), the consumption column a percentage.
 */
public final class FinanceColumns {

    private static final BigDecimal MAX_SHOWN_PERCENT = BigDecimal.valueOf(999.5);

    /** {@code deviation}: negative values are marked (worse than budget). */
    public record Column(String id, String header, Function<Figures, Object> value, boolean deviation) {

        public String display(Figures figures) {
            Object v = value.apply(figures);
            if (v instanceof BigDecimal percent) {
                // as the report prints it: a consumption beyond ±999 % (a tiny budget to date) says nothing, so blank
                return percent.abs().compareTo(MAX_SHOWN_PERCENT) > 0 ? "" : FinanceFormat.percent(percent);
            }
            return FinanceFormat.tkr((Long) v);
        }

        public boolean isNegative(Figures figures) {
            return deviation && value.apply(figures) instanceof Long l && FinanceFormat.toTkr(l) < 0;
        }
    }

    /** Translations: the view passes getTranslation, the export the Messages bean. */
    @FunctionalInterface
    public interface Text {
        String get(String key, Object... arguments);
    }

    private FinanceColumns() {
    }

    /** The first column's heading: what the rows are. */
    public static String rowHeader(FinanceCut cut, Text text) {
        return text.get("finance.column.rows." + cut.fileName());
    }

    public static List<Column> columns(FinanceCut cut, ReportingPeriod period, Text text) {
        return columns(cut, period, null, text);
    }

    /**
     * {@code prevPeriodDate}: the end of the previous year's comparable period as the figures give it
     * ({@link FinanceTable#prevPeriodDate()}), printed in the summary's first heading ("Utfall 230831"); null: the
     * heading names no date ("Utfall samma period förra året").
     */
    public static List<Column> columns(FinanceCut cut, ReportingPeriod period, LocalDate prevPeriodDate, Text text) {
        int year = period.year();
        String end = period.endDate() == null ? "" : period.endDate().format(SwedishFormat.COMPACT_DATE);
        String month = period.endDate() == null ? "" : capitalise(period.endDate().format(SwedishFormat.MONTH));
        if (cut == FinanceCut.SUMMARY) {
            return List.of(
                    new Column("prev-period", prevPeriodDate == null ? text.get("finance.column.prevPeriod")
                            : text.get("finance.column.prevPeriodDated", prevPeriodDate.format(
                            SwedishFormat.COMPACT_DATE)), Figures::prevPeriodOutcome, false),
                    new Column("closed", text.get("finance.column.closed", String.valueOf(year - 1)),
                            f -> f.prevYearClosed(), false),
                    new Column("outcome", text.get("finance.column.outcome", end), f -> f.outcomeToDate(), false),
                    new Column("original", text.get("finance.column.original", String.valueOf(year)),
                            Figures::originalBudget, false),
                    new Column("budget", text.get("finance.column.budget", String.valueOf(year)), f -> f.budget(), false),
                    new Column("budget-change", text.get("finance.column.budgetChange"), Figures::budgetChange, false),
                    new Column("forecast", text.get("finance.column.forecast", String.valueOf(year)),
                            f -> f.forecast(), false),
                    new Column("deviation", text.get("finance.column.deviation"), f -> f.deviation(), true));
        }
        return List.of(
                new Column("closed", text.get("finance.column.yearClosed", String.valueOf(year - 1)),
                        f -> f.prevYearClosed(), false),
                new Column("outcome", text.get("finance.column.accOutcome", month), f -> f.outcomeToDate(), false),
                new Column("budget-to-date", text.get("finance.column.accBudget", month), Figures::budgetToDate, false),
                new Column("acc-deviation", text.get("finance.column.accDeviation", month),
                        Figures::accumulatedDeviation, true),
                new Column("consumption", text.get("finance.column.consumption", month),
                        Figures::consumptionPercent, false),
                new Column("forecast", text.get("finance.column.fullYearForecast"), f -> f.forecast(), false),
                new Column("budget", text.get("finance.column.fullYearBudget"), f -> f.budget(), false),
                new Column("deviation", text.get("finance.column.fullYearDeviation"), f -> f.deviation(), true));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(SwedishFormat.SWEDISH) + s.substring(1);
    }
}
