package se.uppfoljning.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.internal.AuditRepository;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SecurityEvent;
import se.uppfoljning.base.security.Unrestricted;

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
    private final Messages messages;

    AuditService(AuditRepository repository, Messages messages) {
        this.repository = repository;
        this.messages = messages;
    }

    /**
     * Logs a change made by the current user. Must run inside the caller's transaction (MANDATORY: an entry
     * without the change's transaction could outlive a rolled-back change, or be missing for a committed one).
     * Never pass passwords or other secrets in {@code details}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Unrestricted("writes an audit line for a caller that has decided its own right; reads nothing")
    public void record(Long committeeId, String action, String subject, String details) {
        AppUserPrincipal user = CurrentUser.get();
        repository.insert(user.username(), committeeId, action, subject, details == null ? "" : details);
    }

    /** {@link #record} for many subjects at once (a bulk change such as a spreadsheet import), as one batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Unrestricted("writes audit lines for a caller that has decided its own right; reads nothing")
    public void recordAll(Long committeeId, String action, List<String[]> subjectsAndDetails) {
        repository.insertAll(CurrentUser.get().username(), committeeId, action, subjectsAndDetails);
    }

    /**
     * Writes a security event in a transaction of its own: the refusal it records usually rolls back the caller's
     * work, and a failed login has no transaction at all. The client address goes first in the details.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @Unrestricted("records sign-in events, which happen before anyone is signed in")
    public void onSecurityEvent(SecurityEvent event) {
        String details = event.details() == null ? "" : event.details();
        if (event.address() != null && !event.address().isBlank()) {
            details = (messages.get("audit.security.address", event.address()) + " " + details).strip();
        }
        repository.insert(truncate(event.username(), 200), event.committeeId(), event.action(),
                truncate(event.subject() == null ? "" : event.subject(), 500), truncate(details, 2000));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Whether the current user may see security events (admins). */
    @PreAuthorize("isAuthenticated()")
    public boolean maySeeSecurityEvents() {
        return CommitteeAccess.mayAnywhere(Right.ADMINISTER);
    }

    /** Entries for the API ({@code GET /api/v1/audit}): admins only, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEntry> searchAsAdmin(AuditQuery query) {
        return search(query);
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
        if (CommitteeAccess.mayAnywhere(Right.ADMINISTER)) { // user is the current user
            return AuditRepository.Scope.everything();
        }
        Set<Long> committees = user.memberships().stream().filter(m -> m.role() == Role.SECRETARIAT)
                .map(Membership::committeeId).collect(Collectors.toSet());
        return new AuditRepository.Scope(false, committees);
    }
}
