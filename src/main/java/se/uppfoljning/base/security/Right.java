package se.uppfoljning.base.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do in a committee, and which roles grant it: the one table of rights. Services check it
 * ({@link CommitteeAccess#holds}) and put the answers into their read models as {@code may…} flags; views show what
 * the flags allow and never ask for roles.
 */
public enum Right {
    /**
     * Edit follow-up entries and indicator values: the secretariat every item, an official the items of their own
     * departments (the service checks the item's department with {@link CommitteeAccess#mayForDepartment}).
     */
    EDIT_FOLLOW_UP(Role.SECRETARIAT, Role.OFFICIAL),
    /** Create periods, move them to review and back, decide them. */
    MANAGE_PERIODS(Role.SECRETARIAT, Role.ADMIN),
    /** Reopen a decided period, with a reason. */
    REOPEN_PERIOD(Role.ADMIN),
    /** Upload finance figures. */
    IMPORT_FINANCE(Role.CONTROLLER),
    /** See each finding of the finance checks (others see whether the figures are consistent). */
    SEE_FINANCE_FINDINGS(Role.CONTROLLER, Role.SECRETARIAT, Role.ADMIN),
    /** Define or rename the committee's budget levels and set the statuses derived from its finance. */
    KEEP_FINANCE(Role.CONTROLLER, Role.ADMIN),
    /**
     * Mark follow-up items ready (or take the mark away): the secretariat and admins every item, an official the
     * items of their own departments (see {@link CommitteeAccess#mayForDepartment}).
     */
    MARK_READY(Role.SECRETARIAT, Role.ADMIN, Role.OFFICIAL),
    /** See how complete the period's follow-up is: the secretariat every department, an official their own. */
    SEE_COMPLETENESS(Role.SECRETARIAT, Role.ADMIN, Role.OFFICIAL),
    /** Edit Bilaga 1's measures and preview the appendices before the decision. */
    EDIT_APPENDICES(Role.SECRETARIAT, Role.ADMIN),
    /** Work on a whole committee's report (the secretariat's menu: periods, structure, publication). */
    WORK_ON_REPORT(Role.SECRETARIAT, Role.ADMIN),
    /** Keep the committee's structure: areas, strategic goals, items, departments, plan years. */
    KEEP_STRUCTURE(Role.SECRETARIAT, Role.ADMIN),
    /** Fetch all of a committee's linked indicators from Kolada at once. */
    REFRESH_INDICATORS(Role.SECRETARIAT),
    /** Turn the public pages of the committee's decided reports on and off. */
    PUBLISH(Role.ADMIN),
    /** Administer users, tokens and the audit log. */
    ADMINISTER(Role.ADMIN);

    private final Set<Role> roles;

    Right(Role first, Role... more) {
        this.roles = EnumSet.of(first, more);
    }

    /** The roles that grant it. */
    public Set<Role> roles() {
        return roles;
    }
}
