package se.uppfoljning.finance;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.imports.FormattedRangeWorkbook;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodService;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (surefire excludes *Benchmark*). Run with
 * {@code mvn -B test -Dtest=FinanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; figures go to stdout and
 * target/benchmark-finance.txt. Budgets: import of 100 000 rows ≤ 5 s (median of 5) with heap growth ≤ 200 MB, as
 * CSV and as XLSX (both streamed by TabularReader); re-import ≤ 5 s changing nothing; an XLSX whose formatted range
 * reaches the sheet's last row (1 048 576) imported or refused in ≤ 3 s with heap growth ≤ 100 MB; summary with
 * checks for 10 000 rows ≤ 100 ms warm.
 */
class FinanceBenchmark extends AbstractIntegrationTest {

    @Autowired
    FinanceService finance;

    @Autowired
    FinanceImportService financeImport;



    @Autowired

    PeriodService periodService;

    static final String[] LEVELS = {"ÖKL", "ÖKF", "ÖKG", "ÖKA"};
    static final String[] CUTS = {"enhet", "kontogrupp", "verksamhet", "investering"};

    static byte[] file(int rows, int variant) {
        StringBuilder csv = new StringBuilder(rows * 110);
        csv.append("niva;snitt;grupp;kod;namn;bokslut_fg_ar;utfall_ack;budget_ack;prognos_helar;budget_helar;summarad\n");
        int perCut = rows / (LEVELS.length * CUTS.length);
        int n = 0;
        for (String level : LEVELS) {
            for (String cut : CUTS) {
                for (int i = 0; i < perCut; i++, n++) {
                    long base = -(1000L + (i * 7919L) % 5_000_000L) * 1000;
                    csv.append(level).append(';').append(cut).append(";G").append(i / 100).append(";K")
                            .append(i).append(";Rad ").append(i).append(" i ").append(cut).append(';')
                            .append(base).append(';').append(base / 4).append(';').append(base / 4 + 1000).append(';')
                            .append(base + variant).append(';').append(base).append(";nej\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same rows as {@link #file} as an XLSX sheet with numeric amount cells, written by SXSSF. */
    static byte[] xlsx(int rows, int variant) throws IOException {
        List<String> lines = new String(file(rows, variant), StandardCharsets.UTF_8).lines().toList();
        try (var workbook = new SXSSFWorkbook(200);
             var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Ekonomi");
            for (int r = 0; r < lines.size(); r++) {
                String[] f = lines.get(r).split(";", -1);
                var row = sheet.createRow(r);
                for (int c = 0; c < f.length; c++) {
                    if (r > 0 && c >= 5 && c <= 9) {
                        row.createCell(c).setCellValue(Double.parseDouble(f[c]));
                    } else {
                        row.createCell(c).setCellValue(f[c]);
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    /** Median time and maximum heap growth of 5 imports (after one warm-up), each into an emptied period. */
    record Measured(List<Long> millis, List<Long> heapMb, List<Long> cpuMillis, List<Long> databaseCpuMillis,
                    List<Long> oldGenMb) {
    }

    /**
     * CPU time (ms) of the embedded PostgreSQL so far: its postmaster and every child process (backends, WAL writer,
     * checkpointer), read from /proc (Linux; clock ticks of 10 ms). The import's database work runs there, not in the
     * JVM.
     */
    long databaseCpuMillis() {
        long backend = ((Number) testData.db().fetchValue("select pg_backend_pid()")).longValue();
        long postmaster = procStat(backend)[0];
        long ticks = 0;
        File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (File process : processes == null ? new File[0] : processes) {
            long pid = Long.parseLong(process.getName());
            long[] stat = procStat(pid);
            if (stat != null && (pid == postmaster || stat[0] == postmaster)) {
                ticks += stat[1];
            }
        }
        return ticks * 10;
    }

    /** {parent pid, user + system clock ticks} of a process, or null when it is gone. */
    private static long[] procStat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    Measured measure(CommitteeContext context, String name, byte[] content, int runs, Consumer<Object> check)
            throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> times = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> databaseCpu = new ArrayList<>();
        List<Long> oldGen = new ArrayList<>();
        var threads = ManagementFactory.getThreadMXBean();
        // what survived young collections during the import (live data and what was promoted), unlike the peak of
        // used heap, which is mostly the young generation's garbage and grows with however large the JVM makes it
        var oldPool = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old"))
                .findFirst().orElse(null);
        for (int run = 0; run <= runs; run++) { // run 0 warms the JIT and is not counted
            testData.db().execute("delete from finance_row where period_id = ?", context.period().id());
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            long oldBaseline = oldPool == null ? 0 : oldPool.getUsage().getUsed();
            if (oldPool != null) {
                oldPool.resetPeakUsage();
            }
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long databaseStart = databaseCpuMillis();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Object outcome;
            try {
                outcome = financeImport.importFile(context, name, content);
            } catch (DomainException e) {
                outcome = e;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            long databaseMillis = databaseCpuMillis() - databaseStart;
            sampler.interrupt();
            sampler.join();
            check.accept(outcome);
            if (run > 0) {
                times.add(millis);
                heap.add((peak.get() - baseline) / (1024 * 1024));
                cpu.add(cpuMillis);
                databaseCpu.add(databaseMillis);
                oldGen.add(oldPool == null ? -1 : (oldPool.getPeakUsage().getUsed() - oldBaseline) / (1024 * 1024));
            }
        }
        return new Measured(times, heap, cpu, databaseCpu, oldGen);
    }

    CommitteeContext period(String slug) {
        SystemUser.run(() -> periodService.createPeriod(periodService.context("ks", "2024-dr1").committee().id(), slug,
                "Benchmark " + slug, PeriodKind.DR2, 2024, LocalDate.of(2024, 8, 31)));
        signIn("controller");
        return periodService.context("ks", slug);
    }

    @Test
    void benchmark() throws Exception {
        testData.reset();
        List<String> report = new ArrayList<>();
        CommitteeContext big = period("bench-100k");
        byte[] file = file(100_000, 0);
        report.add("file: 100 000 rows, " + file.length / 1024 + " KiB");

        report.add("load average at start: " + loadAverage());
        Measured csvImports = measure(big, "bench.csv", file, 5,
                r -> assertThat(((FinanceImportResult) r).added()).isEqualTo(100_000));
        List<Long> imports = csvImports.millis();
        List<Long> heap = csvImports.heapMb();
        List<Long> reimports = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            FinanceImportResult result = financeImport.importFile(big, "bench.csv", file);
            reimports.add((System.nanoTime() - start) / 1_000_000);
            assertThat(result.unchanged()).isTrue();
        }
        report.add("import 100 000 rows, ms (5 runs): " + imports + " median " + median(imports)
                + "; CPU time of the importing thread, ms: " + csvImports.cpuMillis() + "; of the database, ms: "
                + csvImports.databaseCpuMillis());
        report.add("heap growth during import, MB (peak - baseline after GC): " + heap + " max "
                + Collections.max(heap) + "; of it in the old generation, MB: " + csvImports.oldGenMb());
        report.add("re-import of the same file, ms (5 runs): " + reimports + " median " + median(reimports)
                + " (unchanged)");

        byte[] workbook = xlsx(100_000, 0);
        report.add("XLSX: 100 000 rows, " + workbook.length / 1024 + " KiB");
        CommitteeContext bigXlsx = period("bench-100k-xlsx");
        Measured xlsxImports = measure(bigXlsx, "bench.xlsx", workbook, 5,
                r -> assertThat(((FinanceImportResult) r).added()).isEqualTo(100_000));
        report.add("import 100 000 rows from XLSX, ms (5 runs): " + xlsxImports.millis() + " median "
                + median(xlsxImports.millis()) + "; CPU time of the importing thread, ms: " + xlsxImports.cpuMillis()
                + "; of the database, ms: " + xlsxImports.databaseCpuMillis());
        report.add("heap growth during XLSX import, MB: " + xlsxImports.heapMb() + " max "
                + Collections.max(xlsxImports.heapMb()) + "; of it in the old generation, MB: " + xlsxImports.oldGenMb());

        CommitteeContext medium = period("bench-10k");
        financeImport.importFile(medium, "bench10k.csv", file(10_000, 0));
        for (int i = 0; i < 30; i++) {
            finance.summary(medium);
        }
        List<Long> summaries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            FinanceSummary summary = finance.summary(medium);
            summaries.add((System.nanoTime() - start) / 1_000_000);
            assertThat(summary.rowCount()).isEqualTo(10_000);
        }
        report.add("summary + checks, 10 000 rows, warm, ms (20 runs): " + summaries + " median " + median(summaries));
        report.add("load average at the end: " + loadAverage());
        report.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark-finance.txt"), report, StandardCharsets.UTF_8);
        assertThat(median(imports)).isLessThanOrEqualTo(5_000);
        assertThat(median(xlsxImports.millis())).isLessThanOrEqualTo(5_000);
        assertThat(Collections.max(xlsxImports.heapMb())).isLessThanOrEqualTo(200);
        assertThat(Collections.max(heap)).isLessThanOrEqualTo(200);
        assertThat(median(reimports)).isLessThanOrEqualTo(5_000);
        assertThat(median(summaries)).isLessThanOrEqualTo(100);
    }

    /**
     * An XLSX within the size limit whose formatting reaches the sheet's last row: 992 data rows, then formatted empty
     * cells in every column down to row 1 048 576. Also alone: {@code -Dtest=FinanceBenchmark#formattedRange}.
     */
    @Test
    void formattedRange() throws Exception {
        testData.reset();
        List<String> report = new ArrayList<>();
        // a sheet whose formatting reaches row 1 048 576: 1 000 data rows, then formatted empty cells
        List<String> header = List.of(new String(file(4, 0), StandardCharsets.UTF_8).lines().findFirst()
                .orElseThrow().split(";"));
        List<String> dataLines = new String(file(1_000, 0), StandardCharsets.UTF_8).lines().skip(1).toList();
        byte[] formatted = FormattedRangeWorkbook.create(header, r -> {
            String[] f = dataLines.get(r - 1).split(";", -1);
            List<Object> cells = new ArrayList<>();
            for (int c = 0; c < f.length; c++) {
                cells.add(c >= 5 && c <= 9 ? (Object) Long.parseLong(f[c]) : f[c]);
            }
            return cells;
        }, dataLines.size());
        report.add("XLSX formatted to row 1 048 576: " + formatted.length / 1024 + " KiB; load average at start: "
                + loadAverage());
        CommitteeContext formattedPeriod = period("bench-formatted");
        String[] outcome = new String[1];
        Measured formattedImports = measure(formattedPeriod, "formaterad.xlsx", formatted, 3, r -> outcome[0] =
                r instanceof FinanceImportResult ok ? "imported " + ok.added() + " rows"
                        : "refused: " + ((DomainException) r).messageKey());
        report.add("import of the formatted XLSX (" + outcome[0] + "), ms (3 runs): " + formattedImports.millis()
                + " median " + median(formattedImports.millis()) + "; CPU time of the importing thread, ms: "
                + formattedImports.cpuMillis() + "; of the database, ms: " + formattedImports.databaseCpuMillis()
                + "; heap growth MB " + formattedImports.heapMb() + "; load average at the end: "
                + loadAverage());

        report.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark-finance-formatted.txt"), report, StandardCharsets.UTF_8);
        assertThat(median(formattedImports.millis())).isLessThanOrEqualTo(3_000);
        assertThat(Collections.max(formattedImports.heapMb())).isLessThanOrEqualTo(100);
    }

    /** The machine's 1-minute load average (the machine is shared: the wall times depend on it). */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
