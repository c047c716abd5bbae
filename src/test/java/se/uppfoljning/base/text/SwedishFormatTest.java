package se.uppfoljning.base.text;

import org.junit.jupiter.api.Test;
import se.uppfoljning.base.text.SwedishFormat.Style;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The two styles of Swedish numbers, and the rounding half away from zero. */
class SwedishFormatTest {

    @Test
    void documentsGroupWithAPlainSpaceAndUseAHyphenMinusAsTheSeedReportDoes() {
        assertThat(SwedishFormat.integer(-49_017, Style.DOCUMENT)).isEqualTo("-49 017");
        assertThat(SwedishFormat.integer(1_234_567, Style.DOCUMENT)).isEqualTo("1 234 567");
        assertThat(SwedishFormat.integer(999, Style.DOCUMENT)).isEqualTo("999");
        assertThat(SwedishFormat.fixed(new BigDecimal("-49.0"), 1, Style.DOCUMENT)).isEqualTo("-49,0");
        assertThat(SwedishFormat.fixed(new BigDecimal("1234.5"), 1, Style.DOCUMENT)).isEqualTo("1 234,5");
    }

    @Test
    void theScreenUsesTheSwedishLocalesNoBreakSpaceAndMinusSign() {
        assertThat(SwedishFormat.integer(-1_234, Style.SCREEN)).isEqualTo("\u22121\u00a0234");
        assertThat(SwedishFormat.decimal(new BigDecimal("1234.500"), 6, Style.SCREEN)).isEqualTo("1\u00a0234,5");
        // the same text as the JDK's own Swedish format, which the screen showed before
        NumberFormat jdk = NumberFormat.getIntegerInstance(Locale.forLanguageTag("sv-SE"));
        for (long value : new long[]{0, 7, -7, 1_000, -1_000_000, 123_456_789_012L}) {
            assertThat(SwedishFormat.integer(value, Style.SCREEN)).isEqualTo(jdk.format(value));
        }
    }

    @Test
    void roundsHalfAwayFromZeroAndNeverPrintsMinusZero() {
        assertThat(SwedishFormat.fixed(new BigDecimal("0.25"), 1, Style.DOCUMENT)).isEqualTo("0,3");
        assertThat(SwedishFormat.fixed(new BigDecimal("-0.25"), 1, Style.DOCUMENT)).isEqualTo("-0,3");
        assertThat(SwedishFormat.fixed(new BigDecimal("2.5"), 0, Style.DOCUMENT)).isEqualTo("3");
        assertThat(SwedishFormat.fixed(new BigDecimal("-0.04"), 1, Style.DOCUMENT)).isEqualTo("0,0");
        assertThat(SwedishFormat.decimal(new BigDecimal("0.0000005"), 6, Style.SCREEN)).isEqualTo("0,000001");
        assertThat(SwedishFormat.decimal(new BigDecimal("3.450"), 6, Style.SCREEN)).isEqualTo("3,45");
    }

    @Test
    void datesAndTimes() {
        LocalDateTime at = LocalDateTime.of(2024, 6, 3, 14, 5);
        assertThat(at.format(SwedishFormat.DATE_TIME)).isEqualTo("2024-06-03 14:05");
        assertThat(at.format(SwedishFormat.DATE_AT_TIME)).isEqualTo("2024-06-03 kl. 14:05");
        assertThat(at.format(SwedishFormat.TIME)).isEqualTo("14:05");
        assertThat(at.format(SwedishFormat.PROSE_DATE)).isEqualTo("3 juni 2024");
        assertThat(at.format(SwedishFormat.COMPACT_DATE)).isEqualTo("240603");
        assertThat(at.format(SwedishFormat.MONTH)).isEqualTo("juni");
    }

    /**
     * The formats are kept per thread (a DecimalFormat is mutable): threads formatting at once with different decimals
     * and styles each get their own text. A format shared between the threads mixes their decimals up.
     */
    @Test
    void threadsFormattingAtOnceEachGetTheirOwnText() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int decimals = t;
                Style style = t % 2 == 0 ? Style.DOCUMENT : Style.SCREEN;
                String expected = SwedishFormat.fixed(new BigDecimal("-1234.56789"), decimals, style);
                wrong.add(pool.submit(() -> {
                    List<String> differing = new ArrayList<>();
                    for (int i = 0; i < 20_000; i++) {
                        String text = SwedishFormat.fixed(new BigDecimal("-1234.56789"), decimals, style);
                        if (!text.equals(expected)) {
                            differing.add(text);
                        }
                    }
                    return differing;
                }));
            }
            for (Future<List<String>> f : wrong) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
