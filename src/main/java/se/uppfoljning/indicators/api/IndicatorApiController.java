package se.uppfoljning.indicators.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import se.uppfoljning.base.api.UploadedFile;
import se.uppfoljning.indicators.ValueImport;
import java.io.IOException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.indicators.IndicatorDetail;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.IndicatorTarget;
import se.uppfoljning.indicators.KoladaRefresh;
import se.uppfoljning.indicators.MeasuredValue;
import se.uppfoljning.indicators.Proposal;
import se.uppfoljning.indicators.TargetChange;
import se.uppfoljning.indicators.ValueChange;
import se.uppfoljning.indicators.ValueHistoryEntry;
import se.uppfoljning.indicators.ValueSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Indicators of a committee's goals and indicators: the target and Kolada link, the measured values with their
 * history, and fetching from Kolada. Values are exact decimals (JSON numbers); years are whole years; gender T
 * (total), K (women), M (men). Errors as everywhere in the API: {@code {error, message, details}} in Swedish; a stale
 * version is 409; Kolada unreachable is 502 and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}")
public class IndicatorApiController {

    private final IndicatorService indicators;
    private final Messages messages;

    IndicatorApiController(IndicatorService indicators, Messages messages) {
        this.indicators = indicators;
        this.messages = messages;
    }

    /** {@code kind}: minst, högst, öka, minska or "inget målvärde"; {@code version} 0 when none is stored. */
    public record IndicatorJson(long itemId, String kind, BigDecimal value, String unit, Integer comparisonYear,
                                String printed, String koladaKpi, String koladaMunicipality, String koladaUnit,
                                int version, OffsetDateTime updatedAt, String updatedBy) {
    }

    public record IndicatorUpdateJson(String kind, BigDecimal value, String unit, Integer comparisonYear,
                                      String koladaKpi, String koladaMunicipality, String koladaUnit, Integer version) {
    }

    public record ValueJson(int year, String gender, BigDecimal value, boolean preliminary, String source,
                            String sourceRef, String credit, String flag, OffsetDateTime fetchedAt, int version,
                            OffsetDateTime updatedAt, String updatedBy) {
    }

    public record HistoryJson(int year, String gender, int version, BigDecimal oldValue, BigDecimal newValue,
                              Boolean oldPreliminary, boolean newPreliminary, String source, String sourceRef,
                              String changedBy, OffsetDateTime changedAt) {
    }

    /** {@code proposal.status} null when none can be made ({@code outcome} says why). */
    public record ProposalJson(String outcome, String status, String calculation) {
    }

    public record ValuesJson(long itemId, IndicatorJson indicator, List<ValueJson> values, List<HistoryJson> history,
                             ProposalJson proposal) {
    }

    public record ValueUpdateJson(BigDecimal value, Boolean preliminary, String gender, Integer version) {
    }

    public record ChangeJson(long itemId, String number, String kpi, int year, String gender, BigDecimal oldValue,
                             BigDecimal newValue, boolean revision) {
    }

    public record RefreshJson(int indicators, int added, int revised, int unchanged, List<ChangeJson> changes,
                              String credit) {
    }

    @GetMapping("/items/{id}/indicator")
    public IndicatorJson indicator(@PathVariable String committee, @PathVariable long id) {
        IndicatorDetail detail = indicators.detail(committee, id);
        return detail.target().map(IndicatorApiController::json)
                .orElseGet(() -> new IndicatorJson(id, null, null, null, null, null, null, null, null, 0, null, null));
    }

    @PutMapping("/items/{id}/indicator")
    public IndicatorJson setIndicator(@PathVariable String committee, @PathVariable long id,
                                      @RequestBody IndicatorUpdateJson body) {
        if (body.version() == null) {
            throw new ValidationException("api.error.versionMissing");
        }
        return json(indicators.setTarget(committee, id, new TargetChange(body.kind(), body.value(), body.unit(),
                body.comparisonYear(), body.koladaKpi(), body.koladaMunicipality(), body.koladaUnit(), body.version())));
    }

    @GetMapping("/items/{id}/values")
    public ValuesJson values(@PathVariable String committee, @PathVariable long id) {
        return json(indicators.detail(committee, id));
    }

    @PutMapping("/items/{id}/values/{year}")
    public ValuesJson setValue(@PathVariable String committee, @PathVariable long id, @PathVariable int year,
                               @RequestBody ValueUpdateJson body) {
        if (body.version() == null) {
            throw new ValidationException("api.error.versionMissing");
        }
        return json(indicators.saveValue(committee, id, new ValueChange(year, body.gender(), body.value(),
                Boolean.TRUE.equals(body.preliminary()), body.version())));
    }

    @PostMapping("/indicators/kolada-refresh")
    public RefreshJson refresh(@PathVariable String committee) {
        KoladaRefresh r = indicators.refreshCommittee(committee);
        return new RefreshJson(r.indicators(), r.added(), r.revised(), r.unchanged(), r.changes().stream()
                .map(c -> new ChangeJson(c.itemId(), c.number(), c.kpi(), c.year(), c.gender(), c.oldValue(),
                        c.newValue(), c.revision())).toList(), messages.get("indicators.source.kolada"));
    }

    private ValuesJson json(IndicatorDetail d) {
        Proposal p = d.proposal();
        return new ValuesJson(d.itemId(), d.target().map(IndicatorApiController::json).orElse(null),
                d.values().stream().map(this::json).toList(),
                d.history().stream().map(IndicatorApiController::json).toList(),
                new ProposalJson(p.outcome().name(), p.status(), p.calculation()));
    }

    private ValueJson json(MeasuredValue v) {
        return new ValueJson(v.year(), v.gender(), v.value(), v.preliminary(), v.source().name(), v.sourceRef(),
                v.source() == ValueSource.KOLADA ? messages.get("indicators.source.kolada")
                        : null, v.flag(), v.fetchedAt(), v.version(), v.updatedAt(), v.updatedBy());
    }

    private static HistoryJson json(ValueHistoryEntry h) {
        return new HistoryJson(h.year(), h.gender(), h.version(), h.oldValue(), h.newValue(), h.oldPreliminary(),
                h.newPreliminary(), h.source().name(), h.sourceRef(), h.changedBy(), h.changedAt());
    }

    private static IndicatorJson json(IndicatorTarget t) {
        return new IndicatorJson(t.itemId(), t.kind().word(), t.value(), t.unit(), t.comparisonYear(), t.printed(),
                t.koladaKpi(), t.koladaMunicipality(), t.koladaUnit(), t.version(), t.updatedAt(), t.updatedBy());
    }

    /** {@code oldValue} null for a new value; {@code outcome} ADDED, REVISED or UNCHANGED. */
    public record ImportLineJson(int line, String number, int year, String gender, BigDecimal oldValue,
                                 BigDecimal newValue, boolean preliminary, String outcome) {
    }

    public record ImportJson(String fileName, int year, boolean dryRun, boolean applied, int rows, int added,
                             int revised, int unchanged, List<ImportLineJson> lines) {
    }

    /**
     * Measured values from a spreadsheet (CSV/XLSX as the raw body, or multipart {@code file}); {@code year}: the plan
     * year whose item numbers the file uses; {@code dryRun=true} returns what it would do without writing. Bad rows:
     * 422 with {@code details} ({@code line}, {@code column}) and nothing written.
     */
    @PostMapping(value = "/indicators/values-import", consumes = {"text/csv", "text/plain",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ImportJson importValues(@PathVariable String committee, @RequestParam int year,
                                   @RequestBody(required = false) byte[] body,
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @RequestHeader(value = "X-File-Name", required = false) String fileName) {
        return importJson(committee, year, UploadedFile.ofBody(body, fileName, "api-upload"), dryRun);
    }

    @PostMapping(value = "/indicators/values-import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportJson importValuesMultipart(@PathVariable String committee, @RequestParam int year,
                                            @RequestPart(value = "file", required = false) MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return importJson(committee, year, UploadedFile.ofPart(file), dryRun);
    }

    private ImportJson importJson(String committee, int year, UploadedFile file, boolean dryRun) {
        ValueImport r = dryRun ? indicators.previewValues(committee, year, file.name(), file.content())
                : indicators.importValues(committee, year, file.name(), file.content());
        return new ImportJson(r.fileName(), year, dryRun, !dryRun, r.rows(), r.added(), r.revised(), r.unchanged(),
                r.lines().stream().map(l -> new ImportLineJson(l.line(), l.number(), l.year(), l.gender(),
                        l.oldValue(), l.newValue(), l.preliminary(), l.outcome().name())).toList());
    }
}
