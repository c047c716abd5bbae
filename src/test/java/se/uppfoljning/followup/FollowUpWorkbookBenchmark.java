package se.uppfoljning.followup;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SyntheticCommittee;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.followup.spreadsheet.WorkbookExport;
import se.uppfoljning.followup.spreadsheet.WorkbookImport;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spreadsheet round trip and "what changed" for a synthetic committee of 5 000 items. Not part of the normal
 * build (surefire excludes *Benchmark*); run with {@code mvn -B test -Dtest=FollowUpWorkbookBenchmark}. Figures go
 * to stdout and target/benchmark-workbook.txt. Targets: export ≤ 3 s, import (preview + apply of an edited copy
 * changing every comment) ≤ 3 s, what-changed for 5 000 items ≤ 200 ms warm.
 */
class FollowUpWorkbookBenchmark extends AbstractIntegrationTest {

    static final int ITEMS = 5_000;
    static final int RUNS = 5;

    @Autowired
    SyntheticCommittee synthetic;
    @Autowired
    FollowUpWorkbookService workbooks;
    @Autowired
    FollowUpService followUp;
    @Autowired
    ChangesService changes;

    @Autowired
    PeriodService periodService;

    @Test
    void benchmark() throws Exception {
        testData.reset();
        List<String> report = new ArrayList<>();
        long setupStart = System.nanoTime();
        CommitteeContext dr1 = synthetic.create("bench5k", ITEMS);
        SystemUser.run(() -> periodService.createPeriod(dr1.committee().id(), "2024-dr2",
                "Delårsrapport med prognos 2 2024", PeriodKind.DR2, 2024, LocalDate.of(2024, 8, 31)));
        CommitteeContext dr2 = SystemUser.call(() -> periodService.context("bench5k", "2024-dr2"));
        SystemUser.run(() -> followUp.createDraftsFromPreviousPeriod(dr1, dr2));
        SystemUser.run(() -> userService.createUser("bench-sekr", "Bench Sekreterare", "demo-demo-demo",
                List.of(new Membership(dr1.committee().id(), Role.SECRETARIAT)), Set.of()));
        signIn("bench-sekr");
        report.add("setup (5 000 items through the CSV import, second period with carry-over): "
                + (System.nanoTime() - setupStart) / 1_000_000 + " ms");

        // warm-up: the JIT and POI's classes
        for (int i = 0; i < 2; i++) {
            workbooks.export(dr2);
        }
        List<Long> exports = new ArrayList<>();
        List<Long> previews = new ArrayList<>();
        List<Long> applies = new ArrayList<>();
        List<Long> imports = new ArrayList<>();
        int size = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            WorkbookExport file = workbooks.export(dr2);
            exports.add(ms(start));
            size = file.content().length;
            String comment = "Ny kommentar, körning " + run + ": arbetet fortsätter enligt plan.";
            byte[] edited = WorkbookFiles.edit(file.content(), sheet -> {
                int column = WorkbookFiles.column(sheet, "Kommentar");
                for (var row : sheet) {
                    if (row.getRowNum() > 0) {
                        row.removeCell(row.getCell(column));
                        row.createCell(column).setCellValue(comment + " Rad " + row.getRowNum() + ".");
                    }
                }
            });
            start = System.nanoTime();
            WorkbookImport preview = workbooks.preview(dr2, "bench.xlsx", edited);
            long previewDone = System.nanoTime();
            WorkbookImport applied = workbooks.apply(dr2, "bench.xlsx", edited);
            long end = System.nanoTime();
            assertThat(preview.changes()).hasSize(ITEMS);
            assertThat(applied.changes()).hasSize(ITEMS);
            previews.add((previewDone - start) / 1_000_000);
            applies.add((end - previewDone) / 1_000_000);
            imports.add((end - start) / 1_000_000);
        }
        assertThat(followUp.overview(dr2).rows()).allMatch(r -> r.comment().startsWith("Ny kommentar, körning " + (RUNS - 1)));
        report.add("export of " + ITEMS + " items (" + size / 1024 + " KiB), ms (" + RUNS + " runs): " + exports
                + " median " + median(exports));
        report.add("import: preview of an edited copy changing every comment, ms: " + previews + " median " + median(previews));
        report.add("import: apply (validated again, written with history and audit), ms: " + applies + " median " + median(applies));
        report.add("import: preview + apply, ms: " + imports + " median " + median(imports));

        List<Long> whatChanged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            PeriodChanges result = changes.changes(dr2, dr1.period());
            long took = (System.nanoTime() - start) / 1_000;
            assertThat(result.changes()).hasSize(ITEMS);
            if (i >= 10) {
                whatChanged.add(took);
            }
        }
        report.add("what changed, " + ITEMS + " items all changed, warm, ms (20 runs): median "
                + String.format(java.util.Locale.ROOT, "%.1f", median(whatChanged) / 1000.0) + " (min "
                + String.format(java.util.Locale.ROOT, "%.1f", whatChanged.stream().min(Long::compare).orElseThrow() / 1000.0)
                + ", max " + String.format(java.util.Locale.ROOT, "%.1f", whatChanged.stream().max(Long::compare).orElseThrow() / 1000.0) + ")");
        report.add("load average at the end: " + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        report.forEach(line -> System.out.println("BENCHMARK " + line));
        Files.write(Path.of("target", "benchmark-workbook.txt"), report, StandardCharsets.UTF_8);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
