package se.uppfoljning.readiness;

import se.uppfoljning.organisation.Department;

/**
 * An official's own department in a period: how many of its rows are marked ready, how many have no status, how many
 * are unconfirmed drafts from the previous period; {@code mayShowLeft}: the period is open and something is left.
 */
public record DepartmentProgress(Department department, int ready, int total, int withoutStatus, int drafts,
                                 boolean mayShowLeft) {
}
