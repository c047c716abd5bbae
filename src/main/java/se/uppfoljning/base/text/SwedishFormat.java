package se.uppfoljning.base.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one place for Swedish numbers, dates and times as text, built on {@code java.text} and {@code java.time}
 * with Swedish symbols (decimal comma, digits grouped by three); numbers are rounded half away from zero
 * ({@link RoundingMode#HALF_UP}) and only here, never in calculations.
 * <p>
 * Two deliberate styles, because the application has two readers:
 * <ul>
 * <li>{@link Style#DOCUMENT} – the generated documents (the Delårsrapport, its appendices and their finance tables)
 * follow the seed report, Örebro kommun's "Delårsrapport med prognos 1 2024"
 * ({@code src/test/resources/seed/}): digits grouped by a plain space (U+0020) and a hyphen-minus (U+002D) before
 * a negative number ("-49 017"). The documents are compared with the seed and a decided document must be
 * reproducible byte for byte, so this style never changes.</li>
 * <li>{@link Style#SCREEN} – the views, messages and audit lines: the Swedish locale's own symbols (CLDR,
 * {@code sv-SE}), a no-break space (U+00A0) between groups so "1 000" never breaks across lines, and the minus
 * sign U+2212 ("−5").</li>
 * </ul>
 * Dates and times are ISO-like ("2024-06-03 14:05"), as Swedish administrative text writes them. Nothing outside
 * this package builds a {@code DecimalFormat}, a {@code NumberFormat} or a date pattern (ArchitectureTest).
 */
public final class SwedishFormat {

    /** Who reads the number: see the class comment. */
    public enum Style {
        /** Plain space, hyphen-minus: the seed report's convention, for the generated documents. */
        DOCUMENT,
        /** No-break space, U+2212 minus: the Swedish locale's symbols, for the screen and messages. */
        SCREEN
    }

    public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** "2024-06-03 14:05" */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", SWEDISH);
    /** "2024-06-03 kl. 14:05" (spreadsheets and history lines, where the time follows a date in prose) */
    public static final DateTimeFormatter DATE_AT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd 'kl.' HH:mm", SWEDISH);
    /** "14:05" */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", SWEDISH);
    /** "3 juni 2024" (a date in prose) */
    public static final DateTimeFormatter PROSE_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);
    /** "240831" (a date in a finance table's column heading, as the seed report writes it: "Utfall 240831") */
    public static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyMMdd", SWEDISH);
    /** "augusti" (a month's name on its own, e.g. in "Ack utfall augusti") */
    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL", SWEDISH);

    private static final char NO_BREAK_SPACE = '\u00a0';
    private static final char MINUS_SIGN = '\u2212';

    // a DecimalFormat is mutable and not thread-safe, and costly to build: one per thread and style, whose fraction
    // digits each call sets
    private static final ThreadLocal<DecimalFormat> DOCUMENT_FORMAT =
            ThreadLocal.withInitial(() -> newFormat(Style.DOCUMENT));
    private static final ThreadLocal<DecimalFormat> SCREEN_FORMAT =
            ThreadLocal.withInitial(() -> newFormat(Style.SCREEN));

    private SwedishFormat() {
    }

    /** A whole number with grouped digits: "1 234" / "-1 234" (DOCUMENT), "1 234" / "−1 234" (SCREEN). */
    public static String integer(long value, Style style) {
        return format(BigDecimal.valueOf(value), 0, 0, style);
    }

    /**
     * A decimal with exactly {@code decimals} digits after the comma, rounded half away from zero: "-49,0" (DOCUMENT,
     * 1 decimal). A value that rounds to zero has no sign.
     */
    public static String fixed(BigDecimal value, int decimals, Style style) {
        return format(value, decimals, decimals, style);
    }

    /**
     * A decimal with at most {@code maxDecimals} digits after the comma and no trailing zeros, rounded half away from
     * zero: "3,45", "1 234,5", "7".
     */
    public static String decimal(BigDecimal value, int maxDecimals, Style style) {
        return format(value, 0, maxDecimals, style);
    }

    private static String format(BigDecimal value, int minDecimals, int maxDecimals, Style style) {
        // rounded first, as an exact BigDecimal (which has no negative zero): "-0,04" to one decimal prints "0,0"
        BigDecimal rounded = value.setScale(maxDecimals, RoundingMode.HALF_UP);
        DecimalFormat format = (style == Style.DOCUMENT ? DOCUMENT_FORMAT : SCREEN_FORMAT).get();
        // minimum first: raising it raises the maximum with it, and the maximum then set is never below it
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        return format.format(rounded);
    }

    private static DecimalFormat newFormat(Style style) {
        DecimalFormat format = new DecimalFormat("#,##0", symbols(style));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    private static DecimalFormatSymbols symbols(Style style) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(SWEDISH);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(style == Style.DOCUMENT ? ' ' : NO_BREAK_SPACE);
        symbols.setMinusSign(style == Style.DOCUMENT ? '-' : MINUS_SIGN);
        return symbols;
    }
}
