package se.uppfoljning.appendix;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.StructureImportResult;
import se.uppfoljning.structure.StructureImportService;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed of the appendices (not a timed test; excluded from the normal run by its name). Run with
 * {@code mvn -B test -Dtest=AppendixBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest.heap=-Xmx512m}.
 * A synthetic organisation gets a committee with 1 000 rows through the ordinary CSV import.
 */
class AppendixBenchmark extends AbstractIntegrationTest {

    static final String[] AREAS = {"Område A", "Område B", "Område C", "Område D", "Område E"};
    static final String[] GOAL_STATUS = {"Uppfylls", "Uppfylls delvis", "Uppfylls ej", ""};
    static final String[] ASSIGNMENT_STATUS = {"Genomfört", "Påbörjat", "Ej påbörjat"};

    @Autowired
    AppendixService appendices;
    @Autowired
    OrganisationService organisation;

    @Autowired
    PeriodService periodService;
    @Autowired
    StructureImportService structureImport;

    @Test
    void benchmark() throws Exception {
        testData.reset();
        CommitteeContext demo = SystemUser.call(() -> periodService.context("ks", "2024-dr2"));
        CommitteeContext large = SystemUser.call(this::syntheticCommittee);
        int rows = SystemUser.call(() -> appendices.document(large, AppendixKind.BILAGA_2)).blocks().stream()
                .filter(b -> b instanceof AppendixDocument.Table).mapToInt(b -> ((AppendixDocument.Table) b).rows().size()).sum();
        assertThat(rows).isEqualTo(1000);

        Report report = new Report();
        report.append(String.format("JVM max heap %d MB, %d cores, load average at start %.1f%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        report.append(line("Bilaga 2 .docx, demo (52 rows)", median(30, 50, () -> generate(demo, AppendixFormat.DOCX))));
        report.append(line("Bilaga 2 .pdf, demo (52 rows)", median(5, 10, () -> generate(demo, AppendixFormat.PDF))));
        report.append(line("Bilaga 1 .docx, demo (4 measures)", median(20, 30,
                () -> SystemUser.call(() -> appendices.generate(demo, AppendixKind.BILAGA_1, AppendixFormat.DOCX)).content().length)));
        report.append(line("Bilaga 2 .docx, 1 000 rows", median(10, 20, () -> generate(large, AppendixFormat.DOCX))));
        report.append(line("Bilaga 2 .pdf, 1 000 rows", median(2, 5, () -> generate(large, AppendixFormat.PDF))));

        for (AppendixFormat format : AppendixFormat.values()) {
            System.gc();
            long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            java.util.concurrent.atomic.AtomicLong sampled = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            ExecutorService pool = Executors.newFixedThreadPool(10);
            long start = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> generate(large, format)));
            }
            int ok = 0;
            for (Future<Integer> future : futures) {
                assertThat(future.get()).isPositive();
                ok++;
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            sampling.set(false);
            sampler.join();
            pool.shutdown();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            report.append(String.format("10 concurrent Bilaga 2 .%s, 1 000 rows: %d/10 ok, %d ms wall; heap used: %d MB before, "
                            + "%d MB at most (sampled every 5 ms; sum of pool peaks %d MB), load %.1f%n",
                    format.extension(), ok, wall, before >> 20, sampled.get() >> 20, peak >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        System.out.println("\n=== Appendix benchmark ===\n" + report + "==========================\n");
    }

    /** Prints each figure as soon as it is measured, and all of them at the end. */
    static final class Report {
        private final StringBuilder text = new StringBuilder();

        Report append(String line) {
            System.out.print("[benchmark] " + line);
            System.out.flush();
            text.append(line);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private int generate(CommitteeContext context, AppendixFormat format) {
        return SystemUser.call(() -> appendices.generate(context, AppendixKind.BILAGA_2, format)).content().length;
    }

    private static String line(String what, long[] stats) {
        return String.format("%-34s median %7.1f ms wall, %7.1f ms CPU  (wall min %7.1f, max %7.1f, n=%d)%n", what,
                stats[0] / 1e6, stats[4] / 1e6, stats[1] / 1e6, stats[2] / 1e6, stats[3]);
    }

    /**
     * Median, min and max wall nanoseconds of {@code runs} timed calls after {@code warmup} untimed ones, and the
     * median CPU time of the calling thread (the figure that other load on the machine disturbs least).
     */
    private static long[] median(int warmup, int runs, Supplier<Integer> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        var threads = ManagementFactory.getThreadMXBean();
        long[] times = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.get();
            times[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        return new long[]{times[runs / 2], times[0], times[runs - 1], runs, cpu[runs / 2]};
    }

    /** An organisation with one committee, five departments, a 2024 period and 1 000 rows of realistic length. */
    private CommitteeContext syntheticCommittee() {
        long organisationId = organisation.createOrganisation("Syntetiska kommunen");
        organisation.createPlanYear(organisationId, 2023);
        organisation.createPlanYear(organisationId, 2024);
        Committee committee = organisation.createCommittee(organisationId, "syntet", "SYN", "Syntetiska nämnden");
        for (int d = 1; d <= 5; d++) {
            organisation.createDepartment(committee.id(), "Avdelning " + d);
        }
        periodService.createPeriod(committee.id(), "2024-dr1", "Delårsrapport med prognos 1 2024", PeriodKind.DR1, 2024,
                LocalDate.of(2024, 3, 31));
        CommitteeContext context = periodService.context("syntet", "2024-dr1");
        String comment = "Arbetet fortgår enligt plan och bedöms ge effekt under året. Uppföljning sker löpande i "
                + "ledningsgruppen och avstäms med berörda förvaltningar; eventuella avvikelser rapporteras i nästa delår.";
        StringBuilder csv = new StringBuilder("omrade;strategiskt_mal_nr;strategiskt_mal;typ;nummer;text;malvarde;agare;"
                + "osb_ar;kvarstaende;harleds_fran_ekonomi;prognos;kommentar\n");
        int goal = 0;
        int row = 0;
        for (int a = 0; a < AREAS.length; a++) {
            for (int g = 0; g < 4; g++) {
                goal++;
                for (int n = 1; n <= 25; n++) {
                    csv.append(String.join(";", AREAS[a], String.valueOf(goal), "Strategiskt mål nummer " + goal
                                    + " om en hållbar och trygg kommun för alla som bor och verkar här",
                            goal % 3 == 0 ? "indikator" : "nämndmål", goal + "." + n,
                            "Nämndmål " + goal + "." + n + ": andelen nöjda invånare i kommunens verksamheter ska öka",
                            "öka", "Avdelning " + (1 + row % 5), "2024", "nej", "nej", GOAL_STATUS[row % 4],
                            comment + " (rad " + row + ")")).append('\n');
                    row++;
                }
            }
            for (int n = 1; n <= 100; n++) {
                boolean carried = n > 60;
                csv.append(String.join(";", AREAS[a], "", "", "uppdrag", "",
                        "Uppdrag " + (a + 1) + "-" + n + ": utreda och genomföra åtgärder för en effektivare verksamhet",
                        "", "Avdelning " + (1 + row % 5), carried ? "2023" : "2024", carried ? "ja" : "nej", "nej",
                        ASSIGNMENT_STATUS[row % 3], comment + " (rad " + row + ")")).append('\n');
                row++;
            }
        }
        StructureImportResult result = structureImport.importFile(context, "syntet.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), true);
        assertThat(result.rows()).isEqualTo(1000);
        return context;
    }
}
