package se.uppfoljning.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Display of exact kronor in the report's units: tkr and mnkr, rounded half away from zero, Swedish format (space as
 * thousands separator, decimal comma). Rounding happens only here, never in calculations.
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

    static String decimal(BigDecimal value) {
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : "," + digits.substring(dot + 1);
        return (negative ? "-" : "") + group(Long.parseLong(whole)) + fraction;
    }

    static String group(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        int first = digits.length() % 3;
        if (first > 0) {
            out.append(digits, 0, first);
        }
        for (int i = first; i < digits.length(); i += 3) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(digits, i, i + 3);
        }
        return (value < 0 ? "-" : "") + out;
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
