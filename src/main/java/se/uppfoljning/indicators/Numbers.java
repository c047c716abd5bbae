package se.uppfoljning.indicators;

import se.uppfoljning.base.text.SwedishFormat.Style;
import se.uppfoljning.base.text.SwedishFormat;

import java.math.BigDecimal;

/** Decimal numbers as Swedish text ("3,45", "1 234,5") and back, exactly (no floating point). */
public final class Numbers {

    private Numbers() {
    }

    /** At most 6 decimals, the screen's style of {@link SwedishFormat} ("1 234,5", "−3"); "–" for null. */
    public static String format(BigDecimal value) {
        return value == null ? "–" : SwedishFormat.decimal(value, 6, Style.SCREEN);
    }

    /** "3,45", "3.45", "1 234,5" → exact decimal; null for blank; {@link NumberFormatException} when not a number. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(',', '.')
                .replace('\u2212', '-');
        return new BigDecimal(t);
    }

    /**
     * Whether a measured value or target is within what the application accepts and prints in full: at most 14 digits
     * before the decimal comma and 6 after ({@link #format} prints 6 decimals).
     */
    public static boolean inRange(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.precision() - v.scale() <= 14 && v.scale() <= 6;
    }
}
