package se.uppfoljning.followup.spreadsheet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.ImportRejection;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.followup.AreaSection;
import se.uppfoljning.followup.AssignmentSection;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.GoalSection;
import se.uppfoljning.followup.StatusOption;
import se.uppfoljning.followup.internal.EntryWriter;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.IndicatorStatus;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.StatusScale;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spreadsheet round trip of a period's follow-up: export every row to XLSX, and import an edited copy to change
 * many statuses and comments at once. Only the status and comment columns are read; rows are matched by id and
 * rows left unchanged are ignored. Every changed row is validated (status on the row's scale, the user may edit the
 * item, nobody saved since the export); one bad row and nothing is applied, with every bad row reported. Changes are
 * written like single saves: optimistic lock, history, audit, carried-over drafts confirmed.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpWorkbookService {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final DateTimeFormatter TIME = SwedishFormat.DATE_AT_TIME;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final FollowUpService followUp;
    private final PeriodService periods;
    private final EntryWriter entryWriter;
    private final AuditService audit;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    /** The indicators' latest values and targets in the export. */
    private final IndicatorService indicators;

    FollowUpWorkbookService(FollowUpService followUp, PeriodService periods, EntryWriter entryWriter,
                            AuditService audit, Messages messages, ApplicationEventPublisher events,
                            IndicatorService indicators) {
        this.events = events;
        this.indicators = indicators;
        this.followUp = followUp;
        this.periods = periods;
        this.entryWriter = entryWriter;
        this.audit = audit;
        this.messages = messages;
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public WorkbookExport export(String committeeSlug, String periodSlug) {
        return export(periods.context(committeeSlug, periodSlug));
    }

    /** Every row of the period in report order; for every member of the committee. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public WorkbookExport export(CommitteeContext context) {
        FollowUpOverview overview = followUp.overview(context);
        Map<Long, IndicatorStatus> indicatorStatuses = indicators.statuses(context.committee(), context.period().year());
        List<FollowUpWorkbookWriter.Line> lines = new ArrayList<>();
        for (AreaSection area : overview.areas()) {
            for (GoalSection goal : area.goals()) {
                String heading = messages.get("report.strategicGoal", String.valueOf(goal.number()), goal.text());
                goal.rows().forEach(row -> lines.add(line(area, heading, row, indicatorStatuses)));
            }
            for (AssignmentSection section : area.assignments()) {
                String heading = messages.get(section.carriedOver() ? "report.carriedAssignments" : "report.assignments",
                        String.valueOf(section.osbYear()));
                section.rows().forEach(row -> lines.add(line(area, heading, row, indicatorStatuses)));
            }
        }
        String title = title(context);
        var meta = new FollowUpWorkbookWriter.Meta(title, periodMarker(context), messages.get("workbook.sheet"),
                messages.get("workbook.listSheet"), messages.get("workbook.statusError.title"),
                messages.get("workbook.statusError.text"), messages.get("workbook.doNotEdit"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        FollowUpWorkbookWriter.write(lines, overview.statuses(), meta, messages::get, out);
        return new WorkbookExport(fileName(title), out.toByteArray());
    }

    private FollowUpWorkbookWriter.Line line(AreaSection area, String heading, FollowUpRow row,
                                             Map<Long, IndicatorStatus> indicatorStatuses) {
        var indicator = indicatorStatuses.get(row.id());
        return new FollowUpWorkbookWriter.Line(row.id(), area.name(), heading,
                messages.get("kind." + row.kind().name()), row.number(), row.text(), row.owner(), row.kind().scale(),
                row.status(), InputText.normalise(row.comment()), row.version(), row.ready() ? messages.get("workbook.ready.yes") : "",
                indicator == null ? null : indicator.latestValue(), indicator == null ? null : indicator.latestYear(),
                indicator == null ? null : indicator.target(),
                indicator == null || indicator.latestValue() == null ? null : indicator.fromKolada()
                        ? messages.get("indicators.source.kolada") : messages.get("workbook.valueSource.application"));
    }

    /** Whether the current user may import into the period at all (row-level rights are checked per row). */
    @PreAuthorize("@committeeAccess.member(#context)")
    public boolean mayImport(CommitteeContext context) {
        return !context.period().isLocked() && CommitteeAccess.holds(context.committee().id(), Right.EDIT_FOLLOW_UP);
    }

    /** What importing the file would change; nothing is written. Refusals as {@link #apply}. */
    @PreAuthorize("@committeeAccess.may(#context, 'EDIT_FOLLOW_UP')")
    public WorkbookImport preview(CommitteeContext context, String fileName, byte[] content) {
        Validated validated = validate(context, content);
        return new WorkbookImport(fileName, validated.rows(), validated.changes(), false);
    }

    /**
     * Applies the file's changes, validated again (someone may have saved since the preview): all or nothing. A
     * {@link ValidationException} lists every bad row (spreadsheet row number, column, Swedish reason); a decided
     * period is a {@link LockedException}; a save that slips in during the write is a conflict and rolls back all.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'EDIT_FOLLOW_UP')")
    public WorkbookImport apply(CommitteeContext context, String fileName, byte[] content) {
        Validated validated;
        try {
            validated = validate(context, content);
        } catch (ValidationException e) {
            events.publishEvent(ImportRejection.event(context.committee().id(),
                    messages.get("audit.security.importKind.workbook"), fileName, content, e, messages));
            throw e;
        }
        String username = CurrentUser.get().username();
        List<EntryWriter.EntryWrite> writes = validated.changes().stream().map(change -> new EntryWriter.EntryWrite(
                change.itemId(), change.newStatus() == null ? null
                : validated.statusIds().get(new ScaleLabel(change.kind().scale(), change.newStatus())),
                change.newComment(), change.version())).toList();
        Set<Long> written = entryWriter.writeAll(context, writes, username);
        // one audit entry per changed item, as a single save writes
        audit.recordAll(context.committee().id(), AuditActions.FOLLOW_UP_SAVED, validated.changes().stream()
                .filter(change -> written.contains(change.itemId()))
                .map(change -> new String[]{change.printedText(), messages.get("workbook.audit",
                        context.period().name(),
                        change.newStatus() == null ? messages.get("status.notAssessed") : change.newStatus(),
                        String.valueOf(change.version() + 1), fileName == null ? "" : fileName)})
                .toList());
        return new WorkbookImport(fileName, validated.rows(), validated.changes(), true);
    }

    private record ScaleLabel(StatusScale scale, String label) {
    }

    private record Validated(int rows, List<WorkbookChange> changes, Map<ScaleLabel, Long> statusIds) {
    }

    private Validated validate(CommitteeContext context, byte[] content) {
        if (context.period().isLocked()) {
            throw new LockedException("followup.error.periodLocked", context.period().name());
        }
        var sheet = FollowUpWorkbookReader.read(content == null ? new byte[0] : content, MAX_BYTES, messages::get);
        if (!sheet.missing().isEmpty()) {
            throw new ValidationException("workbook.error.headers",
                    sheet.missing().stream().map(c -> new ErrorDetail(1, c.header(messages::get),
                            messages.get("workbook.row.missingColumn", c.header(messages::get)))).toList(),
                    sheet.missing().stream().map(c -> c.header(messages::get)).collect(Collectors.joining(", ")));
        }
        if (sheet.periodMarker() != null && !sheet.periodMarker().equals(periodMarker(context))) {
            throw new ValidationException("workbook.error.otherPeriod", sheet.periodMarker(),
                    context.committee().name() + " " + context.period().name());
        }
        FollowUpOverview overview = followUp.overview(context);
        Map<Long, FollowUpRow> rows = new HashMap<>();
        overview.rows().forEach(r -> rows.put(r.id(), r));
        Map<StatusScale, Map<String, StatusOption>> scales = new HashMap<>();
        Map<ScaleLabel, Long> statusIds = new HashMap<>();
        for (StatusOption option : overview.statuses()) {
            scales.computeIfAbsent(option.scale(), s -> new LinkedHashMap<>())
                    .put(InputText.key(option.label()), option);
            statusIds.put(new ScaleLabel(option.scale(), option.label()), option.id());
        }

        List<ErrorDetail> errors = new ArrayList<>();
        List<WorkbookChange> changes = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        String idColumn = FollowUpSheet.ID.header(messages::get);
        String statusColumn = FollowUpSheet.STATUS.header(messages::get);
        String commentColumn = FollowUpSheet.COMMENT.header(messages::get);
        String versionColumn = FollowUpSheet.VERSION.header(messages::get);
        for (var line : sheet.lines()) {
            int rowNumber = line.row();
            if (line.id().isEmpty()) {
                errors.add(new ErrorDetail(rowNumber, idColumn, messages.get("workbook.row.idMissing")));
                continue;
            }
            Long id = parseLong(line.id());
            FollowUpRow current = id == null ? null : rows.get(id);
            if (current == null) {
                errors.add(new ErrorDetail(rowNumber, idColumn, messages.get("workbook.row.unknownId", line.id(),
                        context.committee().name(), context.period().name())));
                continue;
            }
            Integer first = seen.putIfAbsent(id, rowNumber);
            if (first != null) {
                errors.add(new ErrorDetail(rowNumber, idColumn, messages.get("workbook.row.duplicateId", line.id(),
                        String.valueOf(first))));
                continue;
            }
            Map<String, StatusOption> scale = scales.getOrDefault(current.kind().scale(), Map.of());
            String newStatus;
            boolean statusKnown = true;
            if (line.status().isEmpty()) {
                newStatus = null;
            } else {
                StatusOption option = scale.get(InputText.key(line.status()));
                newStatus = option == null ? line.status() : option.label();
                statusKnown = option != null;
            }
            String newComment = line.comment();
            // the same text whatever its Unicode form, kind of space or line break (a stored vertical tab is a LF)
            if (Objects.equals(current.status(), newStatus) && InputText.sameText(current.comment(), newComment)) {
                continue; // unchanged rows are ignored, whoever owns them and whatever their version
            }
            int errorsBefore = errors.size();
            if (!current.editable()) {
                errors.add(new ErrorDetail(rowNumber, statusColumn, messages.get("workbook.row.notAllowed",
                        current.owner() == null ? "" : current.owner())));
            } else if (current.derivedFromFinance()) {
                errors.add(new ErrorDetail(rowNumber, statusColumn, messages.get("workbook.row.derived")));
            }
            if (!statusKnown) {
                errors.add(new ErrorDetail(rowNumber, statusColumn, messages.get("workbook.row.unknownStatus",
                        line.status(), scale.values().stream().map(StatusOption::label)
                                .collect(Collectors.joining(", ")))));
            }
            if (newComment.length() > FollowUpService.MAX_COMMENT_LENGTH) {
                errors.add(new ErrorDetail(rowNumber, commentColumn, messages.get("workbook.row.commentTooLong",
                        String.valueOf(FollowUpService.MAX_COMMENT_LENGTH))));
            }
            Integer version = parseInt(line.version());
            if (version == null) {
                errors.add(new ErrorDetail(rowNumber, versionColumn, messages.get("workbook.row.versionMissing")));
            } else if (version != current.version()) {
                errors.add(new ErrorDetail(rowNumber, versionColumn, messages.get("workbook.row.stale",
                        current.updatedBy() == null ? "" : current.updatedBy(),
                        current.updatedAt() == null ? "" : current.updatedAt().atZoneSameInstant(SWEDEN).format(TIME),
                        String.valueOf(version), String.valueOf(current.version()))));
            }
            if (errors.size() == errorsBefore) {
                changes.add(new WorkbookChange(rowNumber, current.id(), current.kind(), current.number(),
                        current.text(), current.status(), newStatus, current.comment(), newComment,
                        current.version(), current.fromPreviousPeriod()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("workbook.error.invalid", errors, String.valueOf(
                    errors.stream().map(ErrorDetail::line).distinct().count()));
        }
        return new Validated(sheet.lines().size(), changes, statusIds);
    }

    private static Long parseLong(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "Uppföljning Kommunstyrelsen Delårsrapport med prognos 2 2024". */
    private String title(CommitteeContext context) {
        return messages.get("workbook.title", context.committee().name(), context.period().name());
    }

    private static String fileName(String title) {
        return title.replaceAll("[\\\\/:*?\"<>|]", "-") + ".xlsx";
    }

    private static String periodMarker(CommitteeContext context) {
        return context.committee().slug() + "/" + context.period().slug();
    }
}
