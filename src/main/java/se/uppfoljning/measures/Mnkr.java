package se.uppfoljning.measures;

import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.base.text.SwedishFormat.Style;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Million kronor as Bilaga 1 prints them ("5,8 mnkr", "5 mnkr") and as the editor takes them (one decimal). */
public final class Mnkr {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Mnkr() {
    }

    /**
     * Whole kronor as mnkr with at most one decimal, in the documents' style of {@link SwedishFormat} ("5,8 mnkr",
     * "-1,3 mnkr", "1 234 mnkr"); blank when null.
     */
    public static String format(Long kronor) {
        if (kronor == null) {
            return "";
        }
        return SwedishFormat.decimal(toMnkr(kronor), 1, Style.DOCUMENT) + " mnkr";
    }

    /** Whole kronor rounded to mnkr with one decimal, trailing zero dropped (5 000 000 → 5, 5 800 000 → 5.8). */
    public static BigDecimal toMnkr(long kronor) {
        BigDecimal value = BigDecimal.valueOf(kronor).divide(MILLION, 1, RoundingMode.HALF_UP);
        return value.stripTrailingZeros().scale() <= 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    /** mnkr (at most one decimal, checked by the caller) as whole kronor. */
    public static long toKronor(BigDecimal mnkr) {
        return mnkr.multiply(MILLION).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
