package se.uppfoljning.users;

import se.uppfoljning.base.security.Membership;

import java.util.Set;

/** An admin's change of a user's name, committee roles and departments (replaces the old ones). */
public record UserChange(String displayName, Set<Membership> memberships, Set<Long> departmentIds, String email) {

    /** Keeps the e-mail address as it is. */
    public UserChange(String displayName, Set<Membership> memberships, Set<Long> departmentIds) {
        this(displayName, memberships, departmentIds, KEEP_EMAIL);
    }

    /** Marker for "leave the e-mail address unchanged". */
    public static final String KEEP_EMAIL = "\u0000keep";

    public UserChange {
        memberships = memberships == null ? Set.of() : Set.copyOf(memberships);
        departmentIds = departmentIds == null ? Set.of() : Set.copyOf(departmentIds);
    }
}
