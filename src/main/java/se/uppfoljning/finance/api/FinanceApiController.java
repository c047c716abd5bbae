package se.uppfoljning.finance.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.uppfoljning.base.api.UploadedFile;
import se.uppfoljning.finance.FinanceFinding;
import se.uppfoljning.finance.FinanceImportResult;
import se.uppfoljning.finance.FinanceImportService;
import se.uppfoljning.finance.FinanceService;
import se.uppfoljning.finance.FinanceSummary;
import se.uppfoljning.periods.PeriodService;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Finance for integration: import the figures (controller), read the summary with the balanced-budget goal (all). */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods/{period}/finance")
public class FinanceApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FinanceService finance;
    private final FinanceImportService financeImport;
    private final PeriodService periods;

    FinanceApiController(FinanceService finance, FinanceImportService financeImport, PeriodService periods) {
        this.finance = finance;
        this.financeImport = financeImport;
        this.periods = periods;
    }

    public record FindingJson(String level, String cut, String row, String measure, long expected, long found,
                              long tolerance, String message) {
    }

    public record ImportJson(int rows, List<String> levels, List<FindingJson> warnings, List<String> notes, int added,
                             int changed, int removed, long netForecast, long netBudget, long netDeviation,
                             BigDecimal deviationPercent, String balancedBudgetStatus) {
    }

    public record BalancedBudgetJson(String goal, String status, String comment, BigDecimal threshold,
                                     long forecast, long budget, long deviation, BigDecimal deviationPercent,
                                     boolean fromSummaryLines, OffsetDateTime loadedAt, String loadedBy) {
    }

    public record LevelJson(String code, String name, long forecast, long budget, long deviation,
                            long outcomeToDate, Long budgetToDate) {
    }

    public record ImportInfoJson(String fileName, String sha256, int rowCount, String result, String importedBy,
                                 OffsetDateTime importedAt) {
    }

    public record SummaryJson(long netForecast, long netBudget, long netDeviation, BigDecimal deviationPercent,
                              boolean fromSummaryLines, BalancedBudgetJson balancedBudget, List<LevelJson> levels,
                              List<FindingJson> findings, int rowCount, ImportInfoJson lastImport) {
    }

    @PostMapping(consumes = {"text/csv", "text/plain", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ImportJson importBody(@PathVariable String committee, @PathVariable String period,
                                 @RequestBody(required = false) byte[] body,
                                 @RequestHeader(value = "X-File-Name", required = false) String headerName,
                                 @RequestParam(value = "filename", required = false) String paramName) {
        UploadedFile file = UploadedFile.ofBody(body, headerName != null ? headerName : paramName, "api-upload");
        return importJson(financeImport.importFile(periods.context(committee, period), file.name(), file.content()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportJson importMultipart(@PathVariable String committee, @PathVariable String period,
                                      @RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        UploadedFile upload = UploadedFile.ofPart(file);
        return importJson(financeImport.importFile(periods.context(committee, period), upload.name(),
                upload.content()));
    }

    @GetMapping("/summary")
    public SummaryJson summary(@PathVariable String committee, @PathVariable String period) {
        FinanceSummary s = finance.summary(committee, period);
        var b = s.balancedBudget();
        var last = s.lastImport();
        return new SummaryJson(s.netForecast(), s.netBudget(), s.netDeviation(), s.deviationPercent(),
                s.fromSummaryLines(),
                new BalancedBudgetJson(b.goal(), b.status(), b.comment(), b.thresholdPercent(), b.forecast(),
                        b.budget(), b.deviation(), b.deviationPercent(), b.fromSummaryLines(), b.loadedAt(),
                        b.loadedBy()),
                s.levels().stream().map(l -> new LevelJson(l.code(), l.name(), l.figures().forecast(),
                        l.figures().budget(), l.figures().deviation(), l.figures().outcomeToDate(),
                        l.figures().budgetToDate())).toList(),
                findings(s.findings()), s.rowCount(),
                last == null ? null : new ImportInfoJson(last.fileName(), last.sha256(), last.rowCount(),
                        last.result(), last.importedBy(), last.importedAt()));
    }

    private static ImportJson importJson(FinanceImportResult r) {
        return new ImportJson(r.rows(), r.levels(), findings(r.warnings()), r.notes(), r.added(), r.changed(),
                r.removed(), r.netForecast(), r.netBudget(), r.netDeviation(), r.deviationPercent(), r.goalStatus());
    }

    private static List<FindingJson> findings(List<FinanceFinding> findings) {
        return findings.stream().map(f -> new FindingJson(f.level(), f.cut().fileName(), f.row(), f.measure(),
                f.expected(), f.found(), f.tolerance(), f.message())).toList();
    }
}
