package se.uppfoljning.readiness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.ReadyMarks;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodState;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Officials mark their department's entries ready ("klar") for the period; the secretariat (and admins) any entry.
 * Only in an open period, and only entries with a status that are not unconfirmed drafts from the previous period.
 * The database lock of a decided period covers the mark as well (it lives on follow_up_entry).
 */
@Service
@Transactional(readOnly = true)
public class ReadinessService {

    private static final Logger log = LoggerFactory.getLogger(ReadinessService.class);

    private final ReadyMarks marks;
    private final OrganisationService organisation;
    private final AuditService audit;
    private final Messages messages;
    private final Clock clock;

    ReadinessService(ReadyMarks marks, OrganisationService organisation, AuditService audit,
                     Messages messages, Clock clock) {
        this.clock = clock;
        this.marks = marks;
        this.organisation = organisation;
        this.audit = audit;
        this.messages = messages;
    }

    /** The result of marking a department's entries ready: what was marked, what already was, what could not be. */
    public record DepartmentReadyResult(String department, List<String> marked, int alreadyReady,
                                        List<NotReady> refused) {
    }

    /** An item that could not be marked ready, and why (Swedish). */
    public record NotReady(long itemId, String item, String reason) {
    }

    @Transactional
    @PreAuthorize("@committeeAccess.member(#context)")
    public FollowUpRow markReady(CommitteeContext context, long itemId) {
        AppUserPrincipal user = CurrentUser.get();
        FollowUpRow row = editableRow(context, itemId, user);
        if (row.readyAt() != null) {
            return current(context, itemId, user);
        }
        String reason = refusal(row);
        if (reason != null) {
            throw new ValidationException(reason, printed(row));
        }
        marks.mark(List.of(itemId), context.period().id(), now(), user.username());
        audit.record(context.committee().id(), AuditActions.FOLLOW_UP_READY, printed(row), context.period().name());
        return current(context, itemId, user);
    }

    @Transactional
    @PreAuthorize("@committeeAccess.member(#context)")
    public FollowUpRow unmarkReady(CommitteeContext context, long itemId) {
        AppUserPrincipal user = CurrentUser.get();
        FollowUpRow row = editableRow(context, itemId, user);
        if (marks.unmark(itemId, context.period().id())) {
            audit.record(context.committee().id(), AuditActions.FOLLOW_UP_UNREADY, printed(row),
                    context.period().name());
        }
        return current(context, itemId, user);
    }

    /**
     * Marks every eligible entry of the department ready; entries without a status and unconfirmed drafts are left
     * and reported with the reason.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.member(#context)")
    public DepartmentReadyResult markDepartmentReady(CommitteeContext context, long departmentId) {
        AppUserPrincipal user = CurrentUser.get();
        Department department = organisation.departments(context.committee().id()).stream()
                .filter(d -> d.id() == departmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("followup.error.departmentNotFound", String.valueOf(departmentId)));
        requireMayMark(user, context, departmentId, department.name());
        requireOpen(context);
        List<FollowUpRow> rows = marks.departmentRows(context, departmentId, user);
        List<Long> candidates = new ArrayList<>();
        List<NotReady> refused = new ArrayList<>();
        int alreadyReady = 0;
        for (FollowUpRow r : rows) {
            String reason = refusal(r);
            if (r.readyAt() != null) {
                alreadyReady++;
            } else if (reason != null) {
                refused.add(new NotReady(r.id(), printed(r), messages.get(reason + ".short")));
            } else {
                candidates.add(r.id());
            }
        }
        Set<Long> marked = candidates.isEmpty() ? Set.of()
                : new HashSet<>(marks.mark(candidates, context.period().id(), now(), user.username()));
        List<String> markedItems = rows.stream().filter(r -> marked.contains(r.id()))
                .map(ReadinessService::printed).toList();
        if (!marked.isEmpty()) {
            audit.record(context.committee().id(), AuditActions.FOLLOW_UP_DEPARTMENT_READY, department.name(),
                    messages.get("followup.audit.departmentReady", context.period().name(),
                            String.valueOf(marked.size()), String.valueOf(refused.size())));
        }
        return new DepartmentReadyResult(department.name(), markedItems, alreadyReady, refused);
    }

    /**
     * The officials' progress panel: for each of the current user's own departments (in the given order) that has rows
     * among {@code rows}, its counts; empty for everyone who is not an official of the committee. Counts only what it
     * is given (the overview the view shows), so it reads nothing.
     */
    @PreAuthorize("@committeeAccess.member(#context)")
    public List<DepartmentProgress> ownDepartmentProgress(CommitteeContext context, List<FollowUpRow> rows,
                                                          List<Department> departments) {
        AppUserPrincipal user = CurrentUser.get();
        if (!CommitteeAccess.worksForOwnDepartments(context.committee().id())) {
            return List.of();
        }
        List<DepartmentProgress> progress = new ArrayList<>();
        for (Department own : departments) {
            if (!user.departmentIds().contains(own.id())) {
                continue;
            }
            List<FollowUpRow> mine = rows.stream().filter(r -> Long.valueOf(own.id()).equals(r.departmentId())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            int ready = (int) mine.stream().filter(FollowUpRow::ready).count();
            int withoutStatus = (int) mine.stream().filter(r -> r.status() == null).count();
            int drafts = (int) mine.stream().filter(FollowUpRow::fromPreviousPeriod).count();
            progress.add(new DepartmentProgress(own, ready, mine.size(), withoutStatus, drafts,
                    ready < mine.size() && !context.period().isLocked()));
        }
        return progress;
    }

    /** The message key of why the entry is not ready, or null when it may be marked. */
    private static String refusal(FollowUpRow r) {
        if (r.status() == null) {
            return "followup.error.readyNoStatus";
        }
        if (r.fromPreviousPeriod()) {
            return "followup.error.readyDraft";
        }
        return null;
    }

    private FollowUpRow editableRow(CommitteeContext context, long itemId, AppUserPrincipal user) {
        FollowUpRow row = marks.row(context, itemId, user)
                .orElseThrow(() -> new NotFoundException("followup.error.itemNotFound", String.valueOf(itemId)));
        requireMayMark(user, context, row.departmentId(), printed(row));
        requireOpen(context);
        // serialise with concurrent edits of the same entry
        marks.lockEntry(context, itemId);
        return marks.row(context, itemId, user).orElseThrow();
    }

    private static void requireMayMark(AppUserPrincipal user, CommitteeContext context, Long departmentId,
                                       String what) {
        if (!ReadyMarks.mayMark(user, context, departmentId)) {
            log.warn("Nekad klarmarkering: {} försökte markera {} i {}", user.username(), what,
                    context.period().slug());
            throw new AccessDeniedException("followup.error.notAllowed");
        }
    }

    private static void requireOpen(CommitteeContext context) {
        if (context.period().isLocked()) {
            throw new LockedException("followup.error.periodLocked", context.period().name());
        }
        if (context.period().state() != PeriodState.OPEN) {
            throw new ConflictException("followup.error.readyNotOpen", context.period().name());
        }
    }

    private FollowUpRow current(CommitteeContext context, long itemId, AppUserPrincipal user) {
        return marks.row(context, itemId, user).orElseThrow();
    }

    private static String printed(FollowUpRow r) {
        return r.printedText();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
