package se.uppfoljning.structure.api;

import org.springframework.http.MediaType;
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
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.ReportingPeriod;
import se.uppfoljning.structure.StructureImportChange;
import se.uppfoljning.structure.StructureImportResult;
import se.uppfoljning.structure.StructureImportService;

import java.io.IOException;
import java.util.List;

/**
 * The structure import of a plan year (secretariat, admin), shaped like the follow-up spreadsheet import: CSV/XLSX
 * as the raw body or multipart {@code file}; {@code ?dryRun=true} returns every area, goal and item it would
 * create, rename or move without writing; applying an import that creates strategic areas needs
 * {@code confirmNewAreas=true}, else 422 listing them. Status and comment columns go to the year's latest open period.
 * Bad rows: 422 with {@code details} ({@code line}, {@code column}); 403 without the right; 423 when the year's
 * periods are all decided.
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}/structure")
public class StructureImportApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StructureImportService structureImport;
    private final OrganisationService organisation;
    private final PeriodService periodService;
    private final Messages messages;

    StructureImportApiController(StructureImportService structureImport, OrganisationService organisation, PeriodService periodService,
                                 Messages messages) {
        this.structureImport = structureImport;
        this.organisation = organisation;
        this.periodService = periodService;
        this.messages = messages;
    }

    public record ChangeJson(int line, String kind, String subject, String from, String to, String text) {
    }

    public record ImportJson(String fileName, int year, String period, boolean dryRun, boolean applied, int rows,
                             int itemsCreated, int itemsUpdated, int entriesWritten, List<String> newAreas,
                             List<ChangeJson> changes) {
    }

    @PostMapping(consumes = {"text/csv", "text/plain", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ImportJson importBody(@PathVariable String committee, @RequestParam int year,
                                 @RequestBody(required = false) byte[] body,
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestParam(defaultValue = "false") boolean confirmNewAreas,
                                 @RequestHeader(value = "X-File-Name", required = false) String fileName) {
        return run(committee, year, UploadedFile.ofBody(body, fileName, "api-upload"), dryRun, confirmNewAreas);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportJson importMultipart(@PathVariable String committee, @RequestParam int year,
                                      @RequestPart(value = "file", required = false) MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean confirmNewAreas)
            throws IOException {
        return run(committee, year, UploadedFile.ofPart(file), dryRun, confirmNewAreas);
    }

    private ImportJson run(String committee, int year, UploadedFile file, boolean dryRun, boolean confirmNewAreas) {
        CommitteeContext context = context(committee, year);
        StructureImportResult result = dryRun ? structureImport.preview(context, file.name(), file.content())
                : structureImport.importFile(context, file.name(), file.content(), confirmNewAreas);
        return new ImportJson(file.name(), year, context.period().slug(), dryRun, !dryRun, result.rows(),
                result.itemsCreated(), result.itemsUpdated(), result.entriesWritten(), result.newAreas(),
                result.changes().stream().map(this::change).toList());
    }

    /** The year's latest period that is not decided: the follow-up columns of the file are written there. */
    private CommitteeContext context(String committeeSlug, int year) {
        Committee committee = organisation.committee(committeeSlug);
        List<ReportingPeriod> periods = periodService.periods(committee.id()).stream()
                .filter(p -> p.year() == year).toList();
        if (periods.isEmpty()) {
            throw new ValidationException("structure.import.error.noPeriod", String.valueOf(year));
        }
        ReportingPeriod period = periods.stream().filter(p -> !p.isLocked()).findFirst()
                .orElseThrow(() -> new LockedException("followup.error.periodLocked", periods.get(0).name()));
        return new CommitteeContext(committee, period);
    }

    private ChangeJson change(StructureImportChange c) {
        return new ChangeJson(c.line(), c.kind().name(), c.subject(), c.from(), c.to(),
                messages.get("structure.import.change." + c.kind().name(), c.subject(),
                        c.from() == null ? "" : c.from(), c.to() == null ? "" : c.to()));
    }
}
