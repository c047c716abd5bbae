package se.uppfoljning.followup.internal;

import org.springframework.stereotype.Component;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.followup.StatusOption;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.structure.ItemKind;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes follow-up entries with optimistic locking and records every change in the history; shared by edits and
 * imports so both obey the same rules. Callers check permissions and run it inside their transaction.
 */
@Component
public class EntryWriter {

    private static final DateTimeFormatter TIME = SwedishFormat.DATE_AT_TIME;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final FollowUpRepository repository;
    private final Clock clock;

    EntryWriter(FollowUpRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Writes one entry unless nothing changes; refuses when someone saved after {@code expectedVersion}. */
    private boolean writeOne(CommitteeContext context, long itemId, Long statusId, String comment, int expectedVersion,
                         String username) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long periodId = context.period().id();
        var existing = repository.lockEntry(itemId, periodId);
        String newStatus = repository.statusLabel(statusId);
        if (existing.isEmpty()) {
            if (expectedVersion != 0) {
                throw new ConflictException("followup.error.staleUnknown");
            }
            long entryId = repository.insertEntry(itemId, periodId, statusId, comment, username, now)
                    .orElseThrow(() -> staleConflict(itemId, periodId));
            repository.insertHistory(entryId, 1, null, newStatus, null, comment, username, now);
            return true;
        }
        var entry = existing.get();
        if (entry.getVersion() != expectedVersion) {
            throw staleConflict(itemId, periodId);
        }
        if (Objects.equals(entry.getStatusId(), statusId) && entry.getComment().equals(comment)
                && !Boolean.TRUE.equals(entry.getFromPreviousPeriod())) {
            return false; // saving a carried-over draft unchanged confirms it (clears the mark), with history
        }
        String oldStatus = repository.statusLabel(entry.getStatusId());
        repository.updateEntry(entry.getId(), expectedVersion, statusId, comment, username, now);
        repository.insertHistory(entry.getId(), expectedVersion + 1, oldStatus, newStatus, entry.getComment(), comment,
                username, now);
        return true;
    }

    /** One entry to write in {@link #writeAll}. */
    public record EntryWrite(long itemId, Long statusId, String comment, int expectedVersion) {
    }

    /**
     * Writes entries – one edit, the spreadsheet or structure import, derived statuses – by one rule: every entry is
     * locked and its version checked first (one stale entry and nothing is written), unchanged entries are skipped unless they are
     * carried-over drafts, history is kept. Entries that do not exist yet are inserted one by one. Returns the item
     * ids written.
     */
    public Set<Long> writeAll(CommitteeContext context, List<EntryWrite> writes, String username) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long periodId = context.period().id();
        var locked = repository.lockEntries(writes.stream().map(EntryWrite::itemId).toList(), periodId);
        Map<Long, String> labels = repository.statuses(context.committee().organisationId()).stream()
                .collect(Collectors.toMap(StatusOption::id, StatusOption::label));
        List<FollowUpRepository.EntryUpdate> updates = new ArrayList<>();
        List<EntryWrite> inserts = new ArrayList<>();
        Set<Long> written = new LinkedHashSet<>();
        for (EntryWrite w : writes) {
            var entry = locked.get(w.itemId());
            if (entry == null) {
                if (w.expectedVersion() != 0) {
                    throw new ConflictException("followup.error.staleUnknown");
                }
                inserts.add(w);
                continue;
            }
            if (entry.getVersion() != w.expectedVersion()) {
                throw staleConflict(w.itemId(), periodId);
            }
            if (Objects.equals(entry.getStatusId(), w.statusId()) && entry.getComment().equals(w.comment())
                    && !Boolean.TRUE.equals(entry.getFromPreviousPeriod())) {
                continue;
            }
            updates.add(new FollowUpRepository.EntryUpdate(entry.getId(), w.expectedVersion(), w.statusId(),
                    w.comment(), labels.get(entry.getStatusId()), labels.get(w.statusId()), entry.getComment()));
            written.add(w.itemId());
        }
        repository.updateEntries(updates, username, now);
        for (EntryWrite w : inserts) {
            if (writeOne(context, w.itemId(), w.statusId(), w.comment(), 0, username)) {
                written.add(w.itemId());
            }
        }
        return written;
    }

    private ConflictException staleConflict(long itemId, long periodId) {
        var current = repository.lockEntry(itemId, periodId).orElseThrow();
        String who = repository.displayName(current.getUpdatedBy());
        String when = current.getUpdatedAt().atZoneSameInstant(SWEDEN).format(TIME);
        return new ConflictException("followup.error.stale", who, when);
    }

    /** The status id for a label on the item's scale; blank means not assessed. */
    public Long statusId(CommitteeContext context, ItemKind kind, String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        List<StatusOption> options = repository.statuses(context.committee().organisationId()).stream()
                .filter(s -> s.scale() == kind.scale()).toList();
        // the same label whatever its Unicode form, kind of space or case
        String key = InputText.key(label);
        return options.stream().filter(s -> InputText.key(s.label()).equals(key)).findFirst()
                .map(StatusOption::id)
                .orElseThrow(() -> new ValidationException("followup.error.unknownStatus", label,
                        options.stream().map(StatusOption::label).collect(Collectors.joining(", "))));
    }
}
