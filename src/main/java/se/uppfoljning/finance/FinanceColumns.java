package se.uppfoljning.finance;

import se.uppfoljning.organisation.ReportingPeriod;

import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of the report's tables, in the seed's order and wording, shared by the view and the XLSX export.
 * Amount columns yield kronor (shown in tkr), the consumption column a percentage.
 */
public final class FinanceColumns {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** {@code deviation}: negative values are marked (worse than budget). */
    public record Column(String id, String header, Function<Figures, Object> value, boolean deviation) {

        public String display(Figures figures) {
            Object v = value.apply(figures);
            if (v instanceof BigDecimal percent) {
                return FinanceFormat.percent(percent);
            }
            return FinanceFormat.tkr((Long) v);
        }

        public boolean isNegative(Figures figures) {
            return deviation && value.apply(figures) instanceof Long l && FinanceFormat.toTkr(l) < 0;
        }
    }

    private FinanceColumns() {
    }

    /** The first column's heading: what the rows are. */
    public static String rowHeader(FinanceCut cut) {
        return switch (cut) {
            case SUMMARY -> "Nettoredovisning";
            case UNIT, INVESTMENT -> "Ansvar";
            case ACCOUNT_GROUP -> "Kontogrupp";
            case ACTIVITY -> "VHT";
        };
    }

    public static List<Column> columns(FinanceCut cut, ReportingPeriod period) {
        int year = period.year();
        String end = period.endDate() == null ? "" : period.endDate().format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        String month = period.endDate() == null ? "" : capitalise(period.endDate().getMonth()
                .getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH));
        if (cut == FinanceCut.SUMMARY) {
            return List.of(
                    new Column("prev-period", "Utfall fg år", Figures::prevPeriodOutcome, false),
                    new Column("closed", "Bokslut " + (year - 1), f -> f.prevYearClosed(), false),
                    new Column("outcome", "Utfall " + end, f -> f.outcomeToDate(), false),
                    new Column("original", "Budget ÖSB " + year, Figures::originalBudget, false),
                    new Column("budget", "Budget " + year, f -> f.budget(), false),
                    new Column("budget-change", "Förändring Budget", Figures::budgetChange, false),
                    new Column("forecast", "Prognos " + year, f -> f.forecast(), false),
                    new Column("deviation", "Avvikelse", f -> f.deviation(), true));
        }
        return List.of(
                new Column("closed", (year - 1) + " Bokslut", f -> f.prevYearClosed(), false),
                new Column("outcome", "Ack " + month + " Utfall", f -> f.outcomeToDate(), false),
                new Column("budget-to-date", "Ack " + month + " Budget", Figures::budgetToDate, false),
                new Column("acc-deviation", "Ack " + month + " Avv. i tkr", Figures::accumulatedDeviation, true),
                new Column("consumption", "Ack " + month + " Förb i %", Figures::consumptionPercent, false),
                new Column("forecast", "Helår Innev. Progn", f -> f.forecast(), false),
                new Column("budget", "Helår Budget", f -> f.budget(), false),
                new Column("deviation", "Helår Avv Progn-Budg", f -> f.deviation(), true));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(SWEDISH) + s.substring(1);
    }
}
