package se.uppfoljning.followup.api;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.followup.ChangesService;
import se.uppfoljning.followup.ItemChange;
import se.uppfoljning.followup.PeriodChanges;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What changed since another period (default: the previous one), as JSON rows or an XLSX sheet. */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods/{period}/changes")
public class ChangesApiController {

    private final ChangesService changes;

    ChangesApiController(ChangesService changes) {
        this.changes = changes;
    }

    /** The fields of a follow-up API row, plus the area and the values of the earlier period. */
    public record ChangeJson(long id, String kind, String number, String text, String targetText, String status,
                             String comment, String owner, int version, OffsetDateTime updatedAt, String updatedBy,
                             boolean derivedFromFinance, boolean draft, boolean fromPreviousPeriod, String area,
                             String oldStatus, String oldComment, boolean statusChanged, boolean commentChanged) {
    }

    public record AreaCountJson(String area, int changed, Map<String, Integer> byStatus) {
    }

    public record ChangesJson(String period, String since, List<ChangeJson> rows, List<AreaCountJson> perArea,
                              int rowCount) {
    }

    @GetMapping
    public ChangesJson changes(@PathVariable String committee, @PathVariable String period,
                               @RequestParam(required = false) String since) {
        PeriodChanges result = changes.changes(committee, period, since);
        return new ChangesJson(result.context().period().slug(), result.since().slug(),
                result.changes().stream().map(ChangesApiController::row).toList(),
                result.perArea().stream().map(a -> new AreaCountJson(a.area(), a.changed(),
                        a.byStatus().entrySet().stream().collect(Collectors.toMap(
                                e -> e.getKey() == null ? "" : e.getKey(), Map.Entry::getValue,
                                Integer::sum, LinkedHashMap::new)))).toList(),
                result.changes().size());
    }

    @GetMapping(value = ".xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable String committee, @PathVariable String period,
                                       @RequestParam(required = false) String since) {
        PeriodChanges result = changes.changes(committee, period, since);
        byte[] content = changes.exportXlsx(result);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("forandringar-" + committee + "-" + period + "-sedan-" + result.since().slug() + ".xlsx",
                                StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    static ChangeJson row(ItemChange c) {
        var r = c.row();
        return new ChangeJson(r.id(), r.kind().name(), r.number(), r.printedText(), r.targetText(), r.status(),
                r.comment(), r.owner(), r.version(), r.updatedAt(), r.updatedBy(), r.derivedFromFinance(), r.draft(),
                r.fromPreviousPeriod(), c.areaName(), c.oldStatus(), c.oldComment(), c.statusChanged(),
                c.commentChanged());
    }
}
