package se.uppfoljning.followup.spreadsheet.api;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.followup.spreadsheet.WorkbookChange;
import se.uppfoljning.followup.spreadsheet.WorkbookExport;
import se.uppfoljning.followup.spreadsheet.WorkbookImport;
import se.uppfoljning.periods.PeriodService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The follow-up of a period as an XLSX sheet, and the import of an edited copy: raw body or multipart {@code file};
 * {@code ?dryRun=true} returns the changes without applying them. Bad rows: 422 with one detail per problem
 * ({@code line} = the spreadsheet's row number, {@code column} = the header).
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods/{period}/follow-up.xlsx")
public class FollowUpWorkbookApiController {

    private final FollowUpWorkbookService workbooks;
    private final PeriodService periods;

    FollowUpWorkbookApiController(FollowUpWorkbookService workbooks, PeriodService periods) {
        this.workbooks = workbooks;
        this.periods = periods;
    }

    public record ChangeJson(int row, long id, String kind, String number, String text, String oldStatus,
                             String newStatus, String oldComment, String newComment, boolean statusChanged,
                             boolean commentChanged, int version, boolean fromPreviousPeriod) {
    }

    public record ImportJson(String fileName, boolean dryRun, boolean applied, int rows, int changed,
                             List<ChangeJson> changes) {
    }

    @GetMapping
    public ResponseEntity<byte[]> export(@PathVariable String committee, @PathVariable String period) {
        WorkbookExport file = workbooks.export(committee, period);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(WorkbookExport.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    @PostMapping(consumes = {WorkbookExport.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ImportJson importBody(@PathVariable String committee, @PathVariable String period,
                                 @RequestBody(required = false) byte[] body,
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestHeader(value = "X-File-Name", required = false) String fileName) {
        return run(committee, period, UploadedFile.ofBody(body, fileName, "api-upload.xlsx"), dryRun);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportJson importMultipart(@PathVariable String committee, @PathVariable String period,
                                      @RequestPart(value = "file", required = false) MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return run(committee, period, UploadedFile.ofPart(file), dryRun);
    }

    private ImportJson run(String committee, String period, UploadedFile file, boolean dryRun) {
        var context = periods.context(committee, period);
        WorkbookImport result = dryRun ? workbooks.preview(context, file.name(), file.content())
                : workbooks.apply(context, file.name(), file.content());
        return new ImportJson(result.fileName(), dryRun, result.applied(), result.rows(), result.changes().size(),
                result.changes().stream().map(FollowUpWorkbookApiController::change).toList());
    }

    private static ChangeJson change(WorkbookChange c) {
        return new ChangeJson(c.row(), c.itemId(), c.kind().name(), c.number(), c.printedText(), c.oldStatus(),
                c.newStatus(), c.oldComment(), c.newComment(), c.statusChanged(), c.commentChanged(), c.version(),
                c.fromPreviousPeriod());
    }
}
