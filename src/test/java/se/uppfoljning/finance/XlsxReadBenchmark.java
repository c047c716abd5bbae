package se.uppfoljning.finance;

import org.junit.jupiter.api.Test;
import se.uppfoljning.finance.internal.FinanceFileReader;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.management.ThreadMXBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading alone (no database, no Spring) of the 100 000-row finance file as XLSX and CSV: CPU time of the
 * reading thread, to profile the reader. Not part of the normal build (surefire excludes *Benchmark*):
 * {@code mvn -B test -Dtest=XlsxReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class XlsxReadBenchmark {

    /** The same without Maven: {@code java -cp target/test-classes:target/classes:<classpath> se.uppfoljning.finance.XlsxReadBenchmark}. */
    public static void main(String[] args) throws Exception {
        new XlsxReadBenchmark().read();
    }

    @Test
    void read() throws Exception {
        byte[] xlsx = FinanceBenchmark.xlsx(100_000, 0);
        byte[] csv = FinanceBenchmark.file(100_000, 0);
        var threads = ManagementFactory.getThreadMXBean();
        for (var entry : List.of(new Object[]{"xlsx", xlsx}, new Object[]{"csv", csv})) {
            List<Long> cpu = new ArrayList<>();
            List<Long> wall = new ArrayList<>();
            List<Long> allocatedMb = new ArrayList<>();
            var allocation = (ThreadMXBean) threads;
            for (int run = 0; run < Integer.getInteger("bench.runs", 8); run++) {
                AtomicInteger rows = new AtomicInteger();
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long allocatedStart = allocation.getCurrentThreadAllocatedBytes();
                var parsed = FinanceFileReader.read((byte[]) entry[1], 50L << 20, Set.of("ÖKL", "ÖKF", "ÖKG", "ÖKA"),
                        "KS", r -> rows.incrementAndGet());
                cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
                wall.add((System.nanoTime() - start) / 1_000_000);
                allocatedMb.add((allocation.getCurrentThreadAllocatedBytes() - allocatedStart) >> 20);
                assertThat(parsed.rowCount()).isEqualTo(100_000);
                assertThat(rows.get()).isEqualTo(100_000);
            }
            System.out.println("READ " + entry[0] + " cpu ms " + cpu + " wall ms " + wall + " allocated MB " + allocatedMb + " load "
                    + FinanceBenchmark.loadAverage());
        }
    }
}
