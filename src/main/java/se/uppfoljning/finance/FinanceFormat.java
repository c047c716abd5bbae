package se.uppfoljning.finance;

import se.uppfoljning.base.text.SwedishFormat.Style;
import se.uppfoljning.base.text.SwedishFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Display of exact kronor in the report's units: tkr and mnkr, rounded half away from zero, in the documents' style of
 * {@link SwedishFormat} (plain space between groups, decimal comma, hyphen-minus: the seed report's convention; the
 * finance view shows the same figures as the documents). Rounding happens only here, never in calculations.
 */
public final class FinanceFormat {

    private FinanceFormat() {
    }

    /** Kronor rounded to whole tkr, half away from zero. */
    public static long toTkr(long kronor) {
        return roundDiv(kronor, 1000);
    }

    public static String tkr(Long kronor) {
        return kronor == null ? "" : group(toTkr(kronor));
    }

    public static String kronor(long kronor) {
        return group(kronor) + " kr";
    }

    /** mnkr with one decimal, e.g. "-49,0". */
    public static String mnkr(long kronor) {
        BigDecimal value = BigDecimal.valueOf(kronor).divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP);
        return decimal(value);
    }

    /** A percentage rounded to whole percent (the tables), e.g. "97 %"; blank when null. */
    public static String percent(BigDecimal percent) {
        return percent == null ? "" : group(percent.setScale(0, RoundingMode.HALF_UP).longValueExact()) + " %";
    }

    /** A percentage with one decimal, e.g. "-5,6 %". */
    public static String percent1(BigDecimal percent) {
        return percent == null ? "" : decimal(percent.setScale(1, RoundingMode.HALF_UP)) + " %";
    }

    /** A threshold as the rule's text shows it: "1 %", "0,5 %". */
    public static String threshold(BigDecimal percent) {
        return decimal(percent.stripTrailingZeros().scale() < 0 ? percent.setScale(0) : percent.stripTrailingZeros())
                + " %";
    }

    /** The value with all the decimals of its scale, in the documents' style ("-49,0"). */
    static String decimal(BigDecimal value) {
        return SwedishFormat.fixed(value, Math.max(value.scale(), 0), Style.DOCUMENT);
    }

    /** Grouped whole number in the documents' style ("-49 017"). */
    static String group(long value) {
        return SwedishFormat.integer(value, Style.DOCUMENT);
    }

    private static long roundDiv(long value, long divisor) {
        long quotient = value / divisor;
        long remainder = value % divisor;
        if (Math.abs(remainder) * 2 >= divisor) {
            quotient += Long.signum(value);
        }
        return quotient;
    }
}
