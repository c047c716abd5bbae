package se.uppfoljning.users;

import se.uppfoljning.base.security.Membership;
import se.uppfoljning.organisation.Department;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user as the administration lists them: memberships with committee codes, departments with names;
 * {@code lockedUntil}: the end of a login lock still in force after repeated failed logins, else null.
 */
public record UserSummary(long id, String username, String displayName, boolean enabled, boolean mustChangePassword,
                          OffsetDateTime createdAt, List<UserMembership> memberships, List<Department> departments,
                          String email, OffsetDateTime lockedUntil) {

    public UserSummary {
        memberships = List.copyOf(memberships);
        departments = List.copyOf(departments);
    }

    /** The same user with a lock that has ended shown as none. */
    public UserSummary lockAt(Instant now) {
        return lockedUntil == null || lockedUntil.toInstant().isAfter(now) ? this
                : new UserSummary(id, username, displayName, enabled, mustChangePassword, createdAt, memberships,
                departments, email, null);
    }

    public Set<Membership> membershipSet() {
        return memberships.stream().map(m -> new Membership(m.committeeId(), m.role())).collect(Collectors.toSet());
    }

    public Set<Long> departmentIds() {
        return departments.stream().map(Department::id).collect(Collectors.toSet());
    }
}
