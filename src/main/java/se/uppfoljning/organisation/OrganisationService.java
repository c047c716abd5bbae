package se.uppfoljning.organisation;

import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeDirectory;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.organisation.internal.OrganisationRepository;

import java.util.List;

/** Organisation, committees, departments and plan years (a committee's periods: {@code periods.PeriodService}). */
@Service
@Transactional(readOnly = true)
public class OrganisationService implements CommitteeDirectory {

    /** The plan years (ÖSB) the application accepts. */
    public static final int MIN_PLAN_YEAR = 2000;
    public static final int MAX_PLAN_YEAR = 2100;

    private final OrganisationRepository repository;

    OrganisationService(OrganisationRepository repository) {
        this.repository = repository;
    }

    @PreAuthorize("isAuthenticated()")
    public List<Committee> committeesOfCurrentUser() {
        AppUserPrincipal user = CurrentUser.get();
        return repository.committees(user.memberships().stream().map(Membership::committeeId).toList(), user.isSystem());
    }

    /** The committee by slug; unknown → 404, not a member → 403. */
    @PreAuthorize("isAuthenticated()")
    @PostAuthorize("@committeeAccess.member(returnObject)") // one look-up: the found committee is the scope
    public Committee committee(String slug) {
        return repository.committee(slug).orElseThrow(() -> new NotFoundException("error.committeeNotFound", slug));
    }

    /** The committee's id for {@code CommitteeAccess}, which then decides; unknown → 404. */
    @Override
    @Unrestricted("finds the id of a committee's address for CommitteeAccess, which decides the right next")
    public long committeeIdOf(String committeeSlug) {
        return repository.committee(committeeSlug)
                .orElseThrow(() -> new NotFoundException("error.committeeNotFound", committeeSlug)).id();
    }

    @PreAuthorize("@committeeAccess.member(#committeeId)")
    public List<Department> departments(long committeeId) {
        return repository.departments(committeeId);
    }

    /** The organisation by its address part ("orebro"); unknown → 404. Not secret: its name is public. */
    @PreAuthorize("isAuthenticated()")
    public Organisation organisation(String slug) {
        return repository.organisation(slug).orElseThrow(() -> new NotFoundException("error.organisationNotFound", slug));
    }

    /** Every organisation, by name (names and slugs are public): for the application itself and administrators. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Organisation> organisations() {
        return repository.organisations();
    }

    /** The organisation a committee belongs to. */
    @PreAuthorize("@committeeAccess.member(#committee)")
    public Organisation organisationOf(Committee committee) {
        return repository.organisation(committee.organisationId()).orElseThrow();
    }

    /**
     * Every committee of the organisation, whether or not the current user is a member (names and slugs only, which
     * are public): for the application itself (public pages) and administrators.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Committee> committeesOf(Organisation organisation) {
        return repository.committeesOf(organisation.id());
    }

    @Unrestricted("whether any organisation exists, asked at start-up before anyone is signed in")
    public boolean isEmpty() {
        return repository.isEmpty();
    }

    /** A new organisation with the default status scales of DOMAIN.md. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long createOrganisation(String name) {
        long id = repository.insertOrganisation(name, Organisation.slugOf(name));
        String[][] goal = {{"Uppfylls", "success"}, {"Uppfylls delvis", "warning"}, {"Uppfylls ej", "error"}};
        String[][] assignment = {{"Genomfört", "success"}, {"Påbörjat", "warning"}, {"Ej påbörjat", "error"}};
        for (int i = 0; i < goal.length; i++) {
            repository.insertStatus(id, "GOAL", goal[i][0], goal[i][1], i);
            repository.insertStatus(id, "ASSIGNMENT", assignment[i][0], assignment[i][1], i);
        }
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void createPlanYear(long organisationId, int year) {
        repository.insertPlanYear(organisationId, year, Messages.text("organisation.planYear.label", String.valueOf(year)));
    }

    /** The plan years (ÖSB) of the committee's organisation, newest first. */
    @PreAuthorize("@committeeAccess.member(#committee)")
    public List<Integer> planYears(Committee committee) {
        return repository.planYears(committee.organisationId());
    }

    /**
     * Makes sure the organisation has plan year (ÖSB) {@code year}; the secretariat of any of its committees may add
     * it. Returns whether it was new.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public boolean ensurePlanYear(Committee committee, int year) {
        if (year < MIN_PLAN_YEAR || year > MAX_PLAN_YEAR) {
            throw new ValidationException("organisation.error.planYearOutOfRange",
                    String.valueOf(year), String.valueOf(MIN_PLAN_YEAR), String.valueOf(MAX_PLAN_YEAR));
        }
        if (repository.planYears(committee.organisationId()).contains(year)) {
            return false;
        }
        repository.insertPlanYear(committee.organisationId(), year,
                Messages.text("organisation.planYear.label", String.valueOf(year)));
        return true;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Committee createCommittee(long organisationId, String slug, String code, String name) {
        return repository.insertCommittee(organisationId, slug, code, name);
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeId, 'KEEP_STRUCTURE')")
    public Department createDepartment(long committeeId, String name) {
        return repository.insertDepartment(committeeId, name);
    }

    /** Renames the committee's department; the caller has checked that the name is free. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public void renameDepartment(Committee committee, long departmentId, String name) {
        repository.renameDepartment(committee.id(), departmentId, name);
    }
}
