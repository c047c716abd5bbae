package se.uppfoljning.readiness;

import java.util.List;

/**
 * How complete one department's follow-up is in a period: its items, how many lack a status or a comment, are
 * unconfirmed drafts from the previous period, or are not marked ready; its owners (the officials of the department)
 * and the incomplete items. {@code departmentId} is null for items without a department.
 */
public record DepartmentCompleteness(Long departmentId, String department, int items, int withoutStatus,
                                     int withoutComment, int drafts, int notReady, List<Owner> owners,
                                     List<IncompleteItem> incomplete) {

    public DepartmentCompleteness {
        owners = List.copyOf(owners);
        incomplete = List.copyOf(incomplete);
    }

    public int ready() {
        return items - notReady;
    }

    /** Whole percent of the items marked ready, rounded down (100 only when all are). */
    public int percentReady() {
        return items == 0 ? 100 : ready() * 100 / items;
    }

    public boolean complete() {
        return incomplete.isEmpty();
    }

    /** An official of the department. */
    public record Owner(long userId, String name, String email) {
    }

    /** What an item lacks. */
    public enum Missing { STATUS, COMMENT, DRAFT, READY }

    /** An item that lacks something, with its number (null for assignments) and text. */
    public record IncompleteItem(long itemId, String number, String text, List<Missing> missing) {

        public IncompleteItem {
            missing = List.copyOf(missing);
        }

        public String printedText() {
            return number == null ? text : number + " " + text;
        }
    }
}
