package se.uppfoljning.followup;

import org.springframework.stereotype.Component;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.followup.internal.FollowUpRepository;
import se.uppfoljning.periods.CommitteeContext;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up entries' ready mark ("klar") as the readiness feature sets it: the mark lives on the entry, so the
 * entries' owner writes it. No rights are checked here; the readiness service decides them before calling.
 */
@Component
public class ReadyMarks {

    private final FollowUpRepository repository;

    ReadyMarks(FollowUpRepository repository) {
        this.repository = repository;
    }

    /** The item's row in the period as {@code user} sees it; empty when the committee has no such item. */
    public Optional<FollowUpRow> row(CommitteeContext context, long itemId, AppUserPrincipal user) {
        return repository.row(context.committee().id(), context.period().id(), itemId)
                .map(r -> FollowUpService.toRow(r, user, context));
    }

    /** The period's rows of one department, in report order. */
    public List<FollowUpRow> departmentRows(CommitteeContext context, long departmentId, AppUserPrincipal user) {
        return repository.overview(context.committee().id(), context.period().id(), context.period().year()).stream()
                .filter(r -> Long.valueOf(departmentId).equals(r.departmentId()))
                .map(r -> FollowUpService.toRow(r, user, context)).toList();
    }

    /** Locks the item's entry in the period for the rest of the transaction (serialises with concurrent edits). */
    public void lockEntry(CommitteeContext context, long itemId) {
        repository.lockEntry(itemId, context.period().id());
    }

    /** Marks the items' entries ready; returns the ids of the items marked now. */
    public List<Long> mark(Collection<Long> itemIds, long periodId, OffsetDateTime now, String username) {
        return repository.markReady(itemIds, periodId, now, username);
    }

    /** Takes the mark away; false when the entry was not marked. */
    public boolean unmark(long itemId, long periodId) {
        return repository.unmarkReady(itemId, periodId);
    }

    /**
     * Who may mark an item ready (or take the mark away): the secretariat and admins of the committee for every item,
     * an official for the items of their departments.
     */
    public static boolean mayMark(AppUserPrincipal user, CommitteeContext context, Long departmentId) {
        return FollowUpService.mayMarkReady(user, context, departmentId);
    }
}
