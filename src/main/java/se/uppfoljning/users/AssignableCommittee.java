package se.uppfoljning.users;

import se.uppfoljning.organisation.Department;

import java.util.List;

/** A committee an admin can give users a role in, with the departments they can be given. */
public record AssignableCommittee(long id, String slug, String code, String name, List<Department> departments) {

    public AssignableCommittee {
        departments = List.copyOf(departments);
    }
}
