package se.uppfoljning.followup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.followup.internal.ApiOverviewQuery;
import se.uppfoljning.followup.internal.EntryWriter;
import se.uppfoljning.followup.internal.EntryWriter.EntryWrite;
import se.uppfoljning.followup.internal.FollowUpRepository;
import se.uppfoljning.followup.internal.FollowUpRepository.ItemRef;
import se.uppfoljning.followup.internal.FollowUpRepository.OverviewRecord;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.structure.ItemKind;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Follow-up of goals, indicators and assignments: the overview, edits with optimistic locking, history. */
@Service
@Transactional(readOnly = true)
public class FollowUpService {

    private static final Logger log = LoggerFactory.getLogger(FollowUpService.class);
    public static final int MAX_COMMENT_LENGTH = 10_000;

    private final FollowUpRepository repository;
    private final Clock clock;
    private final PeriodService periods;
    private final EntryWriter entryWriter;
    private final AuditService audit;
    private final DraftService drafts;
    private final ApiOverviewQuery oneStatement;
    private final CommitteeAccess access;

    FollowUpService(FollowUpRepository repository, PeriodService periods, EntryWriter entryWriter,
                    AuditService audit, DraftService drafts, Clock clock, ApiOverviewQuery oneStatement,
                    CommitteeAccess access) {
        this.clock = clock;
        this.oneStatement = oneStatement;
        this.access = access;
        this.audit = audit;
        this.drafts = drafts;
        this.repository = repository;
        this.periods = periods;
        this.entryWriter = entryWriter;
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public FollowUpOverview overview(String committeeSlug, String periodSlug) {
        return overview(periods.context(committeeSlug, periodSlug));
    }

    /** The committee's follow-up in the period, in report order (area → goal → rows, then assignments). */
    @PreAuthorize("@committeeAccess.member(#context)")
    public FollowUpOverview overview(CommitteeContext context) {
        AppUserPrincipal user = CurrentUser.get();
        List<OverviewRecord> records = context.period().state() == PeriodState.DECIDED
                ? repository.decidedOverview(context.period().id()) : List.of();
        if (records.isEmpty()) { // open, or decided before structures were kept
            records = repository.overview(context.committee().id(), context.period().id(), context.period().year());
        }
        return new FollowUpOverview(context, group(records, user, context),
                repository.statuses(context.committee().organisationId()));
    }

    /**
     * The committee's follow-up in the period as the API gives it: the same areas and rows as
     * {@link #overview(CommitteeContext)}, without the status scales, read in one statement (committee, period and
     * rows; the overview reads them in three) and without a transaction of its own – the API's read on every request.
     * Unknown committee → {@link NotFoundException} (404); not a member → 403; unknown period → 404 for a member
     * (a non-member gets the 403 first, as with {@link #overview(String, String)}).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    @PreAuthorize("isAuthenticated()")
    @PostAuthorize("@committeeAccess.member(returnObject)") // one look-up: the committee found is the scope
    public PeriodFollowUp periodFollowUp(String committeeSlug, String periodSlug) {
        ApiOverviewQuery.Found found = oneStatement.find(committeeSlug, periodSlug)
                .orElseThrow(() -> new NotFoundException("error.committeeNotFound", committeeSlug));
        if (found.period() == null) {
            access.member(found.committee()); // a non-member: 403 before the period's 404, as with overview()
            throw new NotFoundException("error.periodNotFound", periodSlug);
        }
        CommitteeContext context = new CommitteeContext(found.committee(), found.period());
        return new PeriodFollowUp(context, group(found.records(), CurrentUser.get(), context));
    }

    /** The committee's goals, indicators and assignments per plan year (newest first), without follow-up. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public SortedMap<Integer, List<AreaSection>> structure(CommitteeContext context) {
        AppUserPrincipal user = CurrentUser.get();
        Map<Integer, List<OverviewRecord>> byYear = new LinkedHashMap<>();
        for (OverviewRecord r : repository.structure(context.committee().id())) {
            byYear.computeIfAbsent(r.planYear(), y -> new ArrayList<>()).add(r);
        }
        SortedMap<Integer, List<AreaSection>> result = new TreeMap<>(Comparator.reverseOrder());
        byYear.forEach((year, records) -> result.put(year, group(records, user, context)));
        return result;
    }

    private List<AreaSection> group(List<OverviewRecord> records, AppUserPrincipal user, CommitteeContext context) {
        Map<Long, AreaBuilder> areas = new LinkedHashMap<>();
        for (OverviewRecord r : records) {
            AreaBuilder area = areas.computeIfAbsent(r.areaId(), id -> new AreaBuilder(id, r.areaName()));
            FollowUpRow row = toRow(r, user, context);
            if (r.kind() == ItemKind.ASSIGNMENT) {
                area.assignments.computeIfAbsent(List.of(r.planYear(), r.carriedOver() ? 1 : 0),
                        k -> new SectionBuilder<>(rows -> new AssignmentSection(row.osbYear(), r.carriedOver(), rows)))
                        .rows.add(row);
            } else {
                area.goals.computeIfAbsent(List.of(r.goalId(), r.kind()),
                        k -> new SectionBuilder<>(rows -> new GoalSection(r.goalId(), r.goalNumber(), r.goalText(), r.kind(), rows)))
                        .rows.add(row);
            }
        }
        return areas.values().stream().map(AreaBuilder::build).toList();
    }

    /** One row as the overview shows it. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public FollowUpRow row(CommitteeContext context, long itemId) {
        AppUserPrincipal user = CurrentUser.get();
        return repository.row(context.committee().id(), context.period().id(), itemId)
                .map(r -> toRow(r, user, context))
                .orElseThrow(() -> new NotFoundException("followup.error.itemNotFound", String.valueOf(itemId)));
    }

    /** The audit log's details of a save: the period, and what changed (status from → to, the comment). */
    private static String whatChanged(CommitteeContext context, FollowUpRepository.EntryValues before, FollowUpRow saved) {
        String notAssessed = Messages.text("followup.audit.notAssessed");
        String oldStatus = before == null || before.status() == null ? notAssessed : before.status();
        String newStatus = saved.status() == null ? notAssessed : saved.status();
        String oldComment = before == null || before.comment() == null ? "" : before.comment();
        String status = oldStatus.equals(newStatus) ? Messages.text("followup.audit.statusUnchanged", newStatus)
                : Messages.text("followup.audit.statusChanged", oldStatus, newStatus);
        String comment = oldComment.equals(saved.comment()) ? Messages.text("followup.audit.commentUnchanged")
                : Messages.text("followup.audit.commentChanged", String.valueOf(oldComment.length()),
                String.valueOf(saved.comment().length()));
        return Messages.text("followup.audit.saved", context.period().name(), status, comment,
                String.valueOf(saved.version()));
    }

    @PreAuthorize("@committeeAccess.member(#context)")
    public List<HistoryEntry> history(CommitteeContext context, long itemId) {
        row(context, itemId);
        return repository.history(itemId, context.period().id());
    }

    /**
     * Saves a status and comment. Refused (and nothing changes) when the user may not edit the item, the status is
     * not on the item's scale, or someone saved since {@code change.version()} was read.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'EDIT_FOLLOW_UP')")
    public FollowUpRow save(CommitteeContext context, long itemId, FollowUpChange change) {
        AppUserPrincipal user = CurrentUser.get();
        ItemRef item = repository.item(itemId)
                .filter(i -> i.committeeId() == context.committee().id())
                .orElseThrow(() -> new NotFoundException("followup.error.itemNotFound", String.valueOf(itemId)));
        if (!mayEdit(user, context, item.departmentId())) {
            log.warn("Nekad ändring: {} försökte ändra post {} i {}", user.username(), itemId, context.period().slug());
            throw new AccessDeniedException("followup.error.notAllowed");
        }
        if (context.period().isLocked()) {
            throw new LockedException("followup.error.periodLocked", context.period().name());
        }
        if (item.derivedFromFinance()) {
            throw new ValidationException("followup.error.derived");
        }
        String comment = change.comment() == null ? "" : InputText.clean(Messages.text("entry.comment"), change.comment()).strip();
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new ValidationException("followup.error.commentTooLong", String.valueOf(MAX_COMMENT_LENGTH));
        }
        Long statusId = entryWriter.statusId(context, item.kind(), change.status());
        var before = repository.entryValue(itemId, context.period().id()).orElse(null);
        boolean written = entryWriter.writeAll(context,
                List.of(new EntryWrite(itemId, statusId, comment, change.version())), user.username()).contains(itemId);
        FollowUpRow saved = row(context, itemId);
        // what the user typed is saved now: their draft of it has done its work
        drafts.discard(DraftKey.followUp(context, itemId));
        if (written) {
            audit.record(context.committee().id(), AuditActions.FOLLOW_UP_SAVED, saved.printedText(),
                    whatChanged(context, before, saved));
        }
        return saved;
    }

    /**
     * Copies the statuses and comments of {@code from} into {@code to} as drafts ("från föregående period"), for
     * the creation of a new period by the secretariat; returns how many entries were copied.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#to, 'MANAGE_PERIODS')")
    public int createDraftsFromPreviousPeriod(CommitteeContext from, CommitteeContext to) {
        AppUserPrincipal user = CurrentUser.get();
        long committeeId = to.committee().id();
        if (from.committee().id() != committeeId) {
            throw new AccessDeniedException("followup.error.notAllowed");
        }
        if (to.period().isLocked()) {
            throw new LockedException("followup.error.periodLocked", to.period().name());
        }
        return repository.insertDraftsFromPreviousPeriod(committeeId, to.period().year(), from.period().id(),
                to.period().id(), user.username(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /**
     * Keeps the period's structure as it is (for the decision, which makes the period a public record): the decided
     * period is shown with these areas, goals, texts and owners whatever changes later. Secretariat or admin.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public int keepDecidedStructure(CommitteeContext context) {
        return repository.insertDecidedStructure(context.committee().id(), context.period().id(), context.period().year());
    }

    /** Whether the overview should start on the user's own department (an official who is not the secretariat). */
    @PreAuthorize("@committeeAccess.member(#context)")
    public boolean startsWithOwnDepartment(CommitteeContext context) {
        return CommitteeAccess.startsWithOwnDepartment(context.committee().id());
    }

    static boolean mayEdit(AppUserPrincipal user, CommitteeContext context, Long departmentId) {
        return CommitteeAccess.mayForDepartment(user, context.committee().id(), departmentId, Right.EDIT_FOLLOW_UP);
    }

    /**
     * Who may mark an item ready (or take the mark away): the secretariat and admins of the committee for every item,
     * an official for the items of their departments.
     */
    static boolean mayMarkReady(AppUserPrincipal user, CommitteeContext context, Long departmentId) {
        return CommitteeAccess.mayForDepartment(user, context.committee().id(), departmentId, Right.MARK_READY);
    }

    static FollowUpRow toRow(OverviewRecord r, AppUserPrincipal user, CommitteeContext context) {
        boolean editable = !context.period().isLocked() && mayEdit(user, context, r.departmentId());
        boolean mayMarkReady = context.period().state() == PeriodState.OPEN
                && mayMarkReady(user, context, r.departmentId());
        return new FollowUpRow(r.itemId(), r.kind(), r.areaId(), r.goalNumber(), r.number(), r.text(), r.targetText(),
                r.departmentId(), r.owner(), r.planYear(), r.carriedOver(), r.derivedFromFinance(), r.status(),
                r.statusTone(), r.comment(), r.version(), r.updatedAt(), r.updatedBy(), editable,
                r.fromPreviousPeriod(), r.readyAt(), r.readyBy(), mayMarkReady);
    }

    private static final class SectionBuilder<T> {
        final List<FollowUpRow> rows = new ArrayList<>();
        final Function<List<FollowUpRow>, T> factory;

        SectionBuilder(Function<List<FollowUpRow>, T> factory) {
            this.factory = factory;
        }

        T build() {
            return factory.apply(rows);
        }
    }

    private static final class AreaBuilder {
        final long id;
        final String name;
        final Map<List<Object>, SectionBuilder<GoalSection>> goals = new LinkedHashMap<>();
        final Map<List<Object>, SectionBuilder<AssignmentSection>> assignments = new LinkedHashMap<>();

        AreaBuilder(long id, String name) {
            this.id = id;
            this.name = name;
        }

        AreaSection build() {
            return new AreaSection(id, name, goals.values().stream().map(SectionBuilder::build).toList(),
                    assignments.values().stream().map(SectionBuilder::build).toList());
        }
    }

    /**
     * Sets the status and comment of the items derived from finance (the balanced-budget goal) in the period, as the
     * finance module computed them; written with history like any edit. Unchanged values write nothing.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'KEEP_FINANCE')")
    public void applyDerivedStatus(CommitteeContext context, String statusLabel, String comment) {
        AppUserPrincipal user = CurrentUser.get();
        if (context.period().isLocked()) {
            throw new LockedException("followup.error.periodLocked", context.period().name());
        }
        List<EntryWrite> writes = new ArrayList<>();
        for (OverviewRecord r : repository.overview(context.committee().id(), context.period().id(),
                context.period().year())) {
            if (r.derivedFromFinance()) {
                Long statusId = entryWriter.statusId(context, r.kind(), statusLabel);
                writes.add(new EntryWrite(r.itemId(), statusId, comment, r.version()));
            }
        }
        entryWriter.writeAll(context, writes, user.username());
    }
}
