package se.uppfoljning.followup;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.followup.internal.FollowUpRepository;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.ReportingPeriod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** "Sedan förra rapporten": which items changed status or comment between two periods of a committee. */
@Service
@Transactional(readOnly = true)
public class ChangesService {

    private static final DateTimeFormatter TIME = SwedishFormat.DATE_TIME;

    private final FollowUpService followUp;
    private final FollowUpRepository repository;
    private final PeriodService periods;
    private final Messages messages;

    ChangesService(FollowUpService followUp, FollowUpRepository repository, PeriodService periods,
                   Messages messages) {
        this.repository = repository;
        this.followUp = followUp;
        this.periods = periods;
        this.messages = messages;
    }

    /** The period before the context's one (by end date), if any. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public Optional<ReportingPeriod> previous(CommitteeContext context) {
        return periods.periods(context.committee().id()).stream()
                .filter(p -> p.endDate().isBefore(context.period().endDate()))
                .findFirst();
    }

    /** The item's status and comment in the period before the context's one; empty when there is none. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public Optional<PreviousEntry> previousEntry(CommitteeContext context, long itemId) {
        followUp.row(context, itemId); // checks membership and that the item belongs to the committee
        return previous(context).flatMap(period -> repository.entryValue(itemId, period.id())
                .map(v -> new PreviousEntry(period.name(), v.status(), v.comment() == null ? "" : v.comment())));
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public PeriodChanges changes(String committeeSlug, String periodSlug, String sinceSlug) {
        CommitteeContext context = periods.context(committeeSlug, periodSlug);
        if (sinceSlug == null || sinceSlug.isBlank()) {
            return changes(context, previous(context).orElseThrow(
                    () -> new ValidationException("changes.error.noPrevious", context.period().name())));
        }
        return changes(context, periods.context(committeeSlug, sinceSlug).period());
    }

    /** Items of the context's period whose status or comment differ from those in {@code since}. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public PeriodChanges changes(CommitteeContext context, ReportingPeriod since) {
        if (since.committeeId() != context.committee().id() || since.id() == context.period().id()) {
            throw new ValidationException("changes.error.samePeriod");
        }
        FollowUpOverview now = followUp.overview(context); // checks membership
        // the earlier period's values only: one light statement instead of a second overview
        Map<Long, FollowUpRepository.EntryValues> then = repository.entryValues(context.committee().id(), since.id());
        List<ItemChange> changes = new ArrayList<>();
        Map<String, Map<String, Integer>> perArea = new LinkedHashMap<>();
        for (AreaSection area : now.areas()) {
            for (FollowUpRow row : area.rows().toList()) {
                FollowUpRepository.EntryValues old = then.get(row.id());
                ItemChange change = new ItemChange(row, area.name(), old == null ? null : old.status(),
                        old == null ? "" : old.comment());
                if (change.statusChanged() || change.commentChanged()) {
                    changes.add(change);
                    perArea.computeIfAbsent(area.name(), a -> new TreeMap<>(Comparator.nullsFirst(
                            Comparator.naturalOrder()))).merge(row.status(), 1, Integer::sum);
                }
            }
        }
        List<PeriodChanges.AreaCount> counts = perArea.entrySet().stream()
                .map(e -> new PeriodChanges.AreaCount(e.getKey(),
                        e.getValue().values().stream().mapToInt(Integer::intValue).sum(), e.getValue()))
                .toList();
        return new PeriodChanges(context, since, changes, counts);
    }

    /** The changes as an XLSX sheet: one row per changed item, old and new side by side. */
    @PreAuthorize("isAuthenticated()")
    public byte[] exportXlsx(PeriodChanges changes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.get("changes.sheet"));
            String[] headers = {"changes.column.area", "changes.column.item", "changes.column.oldStatus",
                    "changes.column.newStatus", "changes.column.oldComment", "changes.column.newComment",
                    "changes.column.changedBy", "changes.column.changedAt"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.get(headers[i]));
            }
            int r = 1;
            for (ItemChange c : changes.changes()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.areaName());
                row.createCell(1).setCellValue(c.row().printedText());
                row.createCell(2).setCellValue(text(c.oldStatus()));
                row.createCell(3).setCellValue(text(c.row().status()));
                row.createCell(4).setCellValue(text(c.oldComment()));
                row.createCell(5).setCellValue(text(c.row().comment()));
                row.createCell(6).setCellValue(text(c.row().updatedBy()));
                row.createCell(7).setCellValue(c.row().updatedAt() == null ? ""
                        : c.row().updatedAt().atZoneSameInstant(ZoneId.of("Europe/Stockholm")).format(TIME));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
