package se.uppfoljning.report.api;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.report.ReportImportService;
import se.uppfoljning.report.ReportSection;
import se.uppfoljning.report.ReportService;
import se.uppfoljning.report.SectionState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole report: Word and PDF (ETag = SHA-256; a decided period serves the stored files), its outline, a section's
 * text with its version (PUT: 409 on a stale version, 423 when decided) and the import of section files. Errors follow
 * the API's error contract (base/api).
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods/{period}")
public class ReportApiController {

    private final ReportService reports;
    private final ReportImportService imports;
    private final PeriodService periods;

    ReportApiController(ReportService reports, ReportImportService imports, PeriodService periods) {
        this.reports = reports;
        this.imports = imports;
        this.periods = periods;
    }

    public record SectionJson(long id, int sortOrder, String number, String heading, int level, String kind,
                              String block, String body, String state, int version, String changedBy,
                              OffsetDateTime changedAt, List<String> editors) {
    }

    public record UpdateJson(String body, String state, Integer version) {
    }

    public record ImportJson(int sections) {
    }

    @GetMapping("/report.docx")
    public ResponseEntity<byte[]> docx(@PathVariable String committee, @PathVariable String period,
                                       WebRequest request) {
        return download(committee, period, AppendixFormat.DOCX, request);
    }

    @GetMapping("/report.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String committee, @PathVariable String period,
                                      WebRequest request) {
        return download(committee, period, AppendixFormat.PDF, request);
    }

    /**
     * The file, or 304 Not Modified when the client's If-None-Match holds its SHA-256. A decided report is known by
     * its stored SHA-256, so a client that has it gets 304 without the file being read or rendered.
     */
    private ResponseEntity<byte[]> download(String committee, String period, AppendixFormat format,
                                            WebRequest request) {
        CommitteeContext context = periods.context(committee, period);
        Optional<String> stored = context.period().isLocked() ? reports.storedSha256(context, format) : Optional.empty();
        if (stored.isPresent() && request.checkNotModified(etag(stored.get()))) {
            return notModified(stored.get());
        }
        AppendixFile file = reports.generate(context, format);
        if (request.checkNotModified(etag(file.sha256()))) {
            return notModified(file.sha256());
        }
        return file(file);
    }

    private static String etag(String sha256) {
        return "\"" + sha256 + "\"";
    }

    private static ResponseEntity<byte[]> notModified(String sha256) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag(sha256)).build();
    }

    @GetMapping("/report/sections")
    public List<SectionJson> sections(@PathVariable String committee, @PathVariable String period) {
        return reports.sections(committee, period).stream().map(ReportApiController::json).toList();
    }

    @GetMapping("/report/sections/{id}")
    public SectionJson section(@PathVariable String committee, @PathVariable String period, @PathVariable long id) {
        return json(reports.section(periods.context(committee, period), id));
    }

    @PutMapping("/report/sections/{id}")
    public SectionJson update(@PathVariable String committee, @PathVariable String period, @PathVariable long id,
                              @RequestBody UpdateJson body) {
        if (body == null || body.version() == null) {
            throw new ValidationException("api.error.versionMissing");
        }
        SectionState state = null;
        if (body.state() != null) {
            try {
                state = SectionState.valueOf(body.state());
            } catch (IllegalArgumentException e) {
                throw new ValidationException("report.error.state", body.state());
            }
        }
        CommitteeContext context = periods.context(committee, period);
        return json(reports.save(context, id, body.version(), body.body(), state));
    }

    /** Markdown files (or ZIP archives of them) as the period's outline, replacing it; multipart parts "file". */
    @PostMapping(value = "/report/sections/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportJson importFiles(@PathVariable String committee, @PathVariable String period,
                                  @RequestPart(value = "file", required = false) List<MultipartFile> files) {
        if (files == null || files.isEmpty()) {
            throw new ValidationException("report.import.error.noFiles");
        }
        List<ReportImportService.SectionFile> read = new ArrayList<>();
        for (MultipartFile f : files) {
            try {
                read.add(new ReportImportService.SectionFile(f.getOriginalFilename() == null ? "fil.md"
                        : f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ImportJson(imports.importFiles(periods.context(committee, period), read));
    }

    static SectionJson json(ReportSection s) {
        return new SectionJson(s.id(), s.sortOrder(), s.number(), s.heading(), s.level(),
                s.generated() ? "block" : "text", s.block(), s.body(), s.state().name(), s.version(), s.changedBy(),
                s.changedAt(), s.editors());
    }

    private static ResponseEntity<byte[]> file(AppendixFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .eTag(etag(file.sha256()))
                .contentLength(file.content().length)
                .body(file.content());
    }
}
