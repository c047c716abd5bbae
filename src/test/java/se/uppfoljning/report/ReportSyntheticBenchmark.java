package se.uppfoljning.report;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SyntheticCommittee;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.finance.FinanceImportService;
import se.uppfoljning.finance.FinanceService;
import se.uppfoljning.periods.CommitteeContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import com.sun.management.GarbageCollectionNotificationInfo;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed of the whole report of a synthetic committee (not a timed test; excluded from the normal run by its name):
 * 15 budget levels, 1 000 finance rows in each of the four cuts (units, account groups, activities, investments –
 * 4 000 rows, about 67 a level and cut, in RN2 groups of 10) plus the summary, and 1 000 follow-up rows
 * ({@link SyntheticCommittee}, Bilaga 1 and 2). The outline has the seed's shape: text sections, the summary, and one
 * table per level and cut with a commentary after each. Budgets (issue 12): Word ≤ 2 s, PDF ≤ 10 s, heap growth
 * ≤ 300 MB. Run with {@code mvn -B test -Dtest=ReportSyntheticBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReportSyntheticBenchmark extends AbstractIntegrationTest {

    static final int LEVELS = 15;
    static final int ROWS_PER_CUT = 1000;
    static final String[] CUTS = {"enhet", "kontogrupp", "verksamhet", "investering"};

    @Autowired
    ReportService reports;
    @Autowired
    SyntheticCommittee synthetic;
    @Autowired
    FinanceService finance;
    @Autowired
    FinanceImportService financeImport;

    @Test
    void benchmark() {
        testData.reset();
        CommitteeContext context = synthetic.create("synt", 1000);
        SystemUser.run(() -> {
            for (int l = 1; l <= LEVELS; l++) {
                finance.defineLevel(context.committee().id(), level(l), "Nivå " + l, l);
            }
            financeImport.importFile(context, "synt.csv", financeCsv(context.committee().code()));
            reports.replaceOutline(context, outline(), SectionState.WRITTEN);
        });
        int tableRows = SystemUser.call(() -> reports.document(context)).blocks().stream()
                .filter(b -> b instanceof AppendixDocument.Table)
                .mapToInt(b -> ((AppendixDocument.Table) b).rows().size()).sum();
        // 4 000 finance rows with their group subtotals and level totals, the summary and Bilaga 2's 1 000 rows
        assertThat(tableRows).isGreaterThan(5000);

        StringBuilder out = new StringBuilder();
        Set<String> heapPools = new HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).forEach(p -> heapPools.add(p.getName()));
        out.append(String.format("%d cores, load average at start %.2f, max heap %d MB, table rows %d%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, tableRows));
        // the document model alone (finance overview, tables, Bilaga 1 and 2): shared by both formats
        long[] model = new long[5];
        var modelThreads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < model.length; i++) {
            long cpuStart = modelThreads.getCurrentThreadCpuTime();
            SystemUser.call(() -> reports.document(context));
            model[i] = (modelThreads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        }
        out.append(String.format("document model: warm median %d ms CPU (runs %s)%n", median(model), Arrays.toString(model)));
        for (AppendixFormat format : AppendixFormat.values()) {
            int runs = Integer.getInteger("bench.runs", format == AppendixFormat.DOCX ? 7 : 5);
            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            long[] heap = new long[runs];
            long[] live = new long[runs];
            int size = 0;
            var threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                System.gc();
                long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(before);
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    boolean histogram = Boolean.getBoolean("bench.histogram") && format == AppendixFormat.PDF;
                    while (sampling.get()) {
                        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        peak.accumulateAndGet(used, Math::max);
                        if (histogram && used - before > (350L << 20)) {
                            // diagnosis: what the rendering holds at its largest (a full GC: live objects only)
                            histogram = false;
                            try {
                                String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                        "gcClassHistogram", new Object[]{new String[0]}, new String[]{String[].class.getName()});
                                System.out.println("HISTOGRAM\n" + text.lines().limit(45).reduce("", (a, b) -> a + b + "\n"));
                            } catch (Exception e) {
                                System.out.println("HISTOGRAM failed: " + e);
                            }
                        }
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                AtomicLong afterGc = new AtomicLong(before);
                NotificationListener listener = (notification, handback) -> {
                    var info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    afterGc.accumulateAndGet(used, Math::max);
                };
                for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
                }
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                size = SystemUser.call(() -> reports.renderFresh(context, format)).content().length;
                wall[i] = (System.nanoTime() - start) / 1_000_000;
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                sampling.set(false);
                try {
                    sampler.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    try {
                        ((NotificationEmitter) gc).removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
                heap[i] = (peak.get() - before) >> 20;
                live[i] = (afterGc.get() - before) >> 20;
                assertThat(size).isPositive();
            }
            out.append(String.format("%s: %d KiB; warm median %d ms wall, %d ms CPU of the rendering thread; "
                            + "heap growth: live (after each GC during the rendering) at most %d MB, used incl. garbage "
                            + "at most %d MB (sampled every 2 ms); runs wall %s, CPU %s, live %s, used %s; load %.2f%n",
                    format, size >> 10, median(wall), median(cpu), Arrays.stream(live).max().orElse(0),
                    Arrays.stream(heap).max().orElse(0),
                    Arrays.toString(wall), Arrays.toString(cpu), Arrays.toString(live), Arrays.toString(heap),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        System.out.println("\n=== REPORT-SYNTHETIC-BENCH ===\n" + out + "==============================\n");
    }

    /** Median of the runs after the first two (warm-up). */
    private static long median(long[] runs) {
        long[] warm = runs.length > 2 ? Arrays.copyOfRange(runs, 2, runs.length) : runs.clone();
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }

    static String level(int l) {
        return String.format("N%02d", l);
    }

    /** The finance file: summary lines per level and a net total, and {@link #ROWS_PER_CUT} rows in each cut. */
    static byte[] financeCsv(String committeeCode) {
        StringBuilder csv = new StringBuilder("niva;snitt;grupp;kod;namn;utfall_fg_period;bokslut_fg_ar;utfall_ack;"
                + "budget_ack;budget_ursprunglig;prognos_helar;budget_helar;summarad\n");
        for (int l = 1; l <= LEVELS; l++) {
            long base = -1_000_000L * (l * 37 % 101 + 3);
            csv.append(committeeCode).append(";sammanstallning;;S").append(l).append(";Verksamhetsområde ").append(l)
                    .append(';').append(base / 2).append(';').append(base).append(';').append(base / 4).append(";;")
                    .append(base).append(';').append(base + 5_000L * l).append(';').append(base).append(";nej\n");
        }
        for (String cut : CUTS) {
            for (int i = 0; i < ROWS_PER_CUT; i++) {
                int l = i % LEVELS + 1;
                long base = -(1000L + (i * 7919L) % 5_000_000L) * 1000;
                String group = cut.equals("enhet") ? "G" + l + "_" + (i / LEVELS / 10) : "";
                csv.append(level(l)).append(';').append(cut).append(';').append(group).append(";K").append(i)
                        .append(";Rad ").append(i).append(" i ").append(cut).append(";;").append(base).append(';')
                        .append(base / 4).append(';').append(base / 4 + (i % 7 == 0 ? 0 : 13_000L * (i % 5 - 2)))
                        .append(";;").append(base + 1000L * (i % 11)).append(';').append(base).append(";nej\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The seed's shape, scaled: text, summary, per level and cut a table and a commentary, Bilaga 1 and 2. */
    static List<NewSection> outline() {
        String text = "Verksamheten bedriver ett fortsatt effektiviseringsarbete. **Prognosen** visar ett underskott "
                + "som främst beror på *högre kostnader* än budgeterat.\n\n- första punkten\n- andra punkten\n";
        List<NewSection> sections = new ArrayList<>();
        sections.add(new NewSection("1", "Förslag till beslut", 1, null, text));
        sections.add(new NewSection("2", "Bedömning och analys", 1, null, text.repeat(5)));
        sections.add(new NewSection("3", "Delårsresultat och prognos", 1, "summary", ""));
        sections.add(new NewSection(null, null, 0, null, text));
        String[][] chapters = {{"3.1", "Enheternas resultat", "units"}, {"3.2", "Intäkter och kostnader", "account-groups"},
                {"3.3", "Verksamheter", "activities"}, {"3.4", "Investeringar", "investments"}};
        for (String[] chapter : chapters) {
            sections.add(new NewSection(chapter[0], chapter[1], 2, null, text));
            for (int l = 1; l <= LEVELS; l++) {
                sections.add(new NewSection(null, "Nivå " + l, 3, chapter[2] + " " + level(l), ""));
                sections.add(new NewSection(null, null, 0, null, text));
            }
        }
        sections.add(new NewSection(null, "Bilaga 1", 1, "appendix-1", ""));
        sections.add(new NewSection(null, "Bilaga 2", 1, "appendix-2", ""));
        return sections;
    }
}
