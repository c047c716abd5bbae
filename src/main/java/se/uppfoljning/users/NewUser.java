package se.uppfoljning.users;

import se.uppfoljning.base.security.Membership;

import java.util.Set;

/** What an admin enters for a new user; the password is the initial one, to be changed at first login. */
public record NewUser(String username, String displayName, String password, Set<Membership> memberships,
                      Set<Long> departmentIds, String email) {

    public NewUser(String username, String displayName, String password, Set<Membership> memberships,
                   Set<Long> departmentIds) {
        this(username, displayName, password, memberships, departmentIds, null);
    }

    public NewUser {
        memberships = memberships == null ? Set.of() : Set.copyOf(memberships);
        departmentIds = departmentIds == null ? Set.of() : Set.copyOf(departmentIds);
    }

    /** Never expose the password in logs. */
    @Override
    public String toString() {
        return "NewUser[" + username + "]";
    }
}
