package se.uppfoljning.report;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed of the whole report of the demo (not a timed test; excluded from the normal run by its name): the decided
 * 2024-dr1 rendered afresh (sections, every finance table, Bilaga 1 and 2), warm. Run with
 * {@code mvn -B test -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReportBenchmark extends AbstractIntegrationTest {

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;

    @Test
    void benchmark() {
        CommitteeContext demo = SystemUser.call(() -> periods.context("ks", "2024-dr1"));
        for (AppendixFormat format : AppendixFormat.values()) {
            long[] ms = new long[7];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                int size = SystemUser.call(() -> reports.renderFresh(demo, format)).content().length;
                ms[i] = (System.nanoTime() - start) / 1_000_000;
                assertThat(size).isPositive();
            }
            long[] warm = Arrays.copyOfRange(ms, 2, ms.length);
            Arrays.sort(warm);
            System.out.printf("REPORT-BENCH %s warm median %d ms (runs %s)%n", format, warm[warm.length / 2],
                    Arrays.toString(ms));
        }
    }
}
