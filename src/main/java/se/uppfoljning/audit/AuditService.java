package se.uppfoljning.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.internal.AuditRepository;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The append-only log of every change in the application. Features call {@link #record} inside the transaction
 * that makes the change, so the entry and the change are committed (or rolled back) together; the database
 * refuses UPDATE and DELETE on the log.
 */
@Service
public class AuditService {

    private final AuditRepository repository;

    AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    /**
     * Logs a change made by the current user. Must run inside the caller's transaction (MANDATORY: an entry
     * without the change's transaction could outlive a rolled-back change, or be missing for a committed one).
     * Never pass passwords or other secrets in {@code details}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long committeeId, String action, String subject, String details) {
        AppUserPrincipal user = CurrentUser.get();
        repository.insert(user.username(), committeeId, action, subject, details == null ? "" : details);
    }

    /** {@link #record} for many subjects at once (a bulk change such as a spreadsheet import), as one batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Long committeeId, String action, List<String[]> subjectsAndDetails) {
        repository.insertAll(CurrentUser.get().username(), committeeId, action, subjectsAndDetails);
    }

    /**
     * Entries newest first. Admins see everything; the secretariat only entries of the committees where they are
     * secretariat, and none about users.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<AuditEntry> search(AuditQuery query) {
        return repository.search(query, scope(CurrentUser.get()));
    }

    /** The actions present in the entries the current user may see, for a filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<String> actions() {
        return repository.actions(scope(CurrentUser.get()));
    }

    private static AuditRepository.Scope scope(AppUserPrincipal user) {
        if (user.hasRoleAnywhere(Role.ADMIN)) {
            return AuditRepository.Scope.everything();
        }
        Set<Long> committees = user.memberships().stream().filter(m -> m.role() == Role.SECRETARIAT)
                .map(Membership::committeeId).collect(Collectors.toSet());
        return new AuditRepository.Scope(false, committees);
    }
}
