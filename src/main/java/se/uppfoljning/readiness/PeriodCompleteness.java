package se.uppfoljning.readiness;

import se.uppfoljning.periods.PeriodDetails;
import java.util.List;

/** Completeness of a period per department, least ready first; the period carries the deadline. */
public record PeriodCompleteness(PeriodDetails period, List<DepartmentCompleteness> departments) {

    public PeriodCompleteness {
        departments = List.copyOf(departments);
    }

    public List<DepartmentCompleteness> incompleteDepartments() {
        return departments.stream().filter(d -> !d.complete()).toList();
    }
}
