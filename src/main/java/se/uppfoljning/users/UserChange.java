package se.uppfoljning.users;

import se.uppfoljning.base.security.Membership;

import java.util.Set;

/** An admin's change of a user's name, committee roles and departments (replaces the old ones). */
public record UserChange(String displayName, Set<Membership> memberships, Set<Long> departmentIds) {

    public UserChange {
        memberships = memberships == null ? Set.of() : Set.copyOf(memberships);
        departmentIds = departmentIds == null ? Set.of() : Set.copyOf(departmentIds);
    }
}
