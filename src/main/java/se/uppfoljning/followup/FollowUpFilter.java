package se.uppfoljning.followup;

import se.uppfoljning.structure.ItemKind;
import java.util.Locale;

/**
 * What the overview shows: null fields match everything. {@code status} is a status label, or
 * {@link #NOT_ASSESSED} for rows without a status. {@code notReadyOnly}: what is left to do, the rows not marked ready.
 */
public record FollowUpFilter(Long areaId, String status, Long departmentId, KindFilter kind, String text,
                             boolean notReadyOnly) {

    public static final String NOT_ASSESSED = "-";
    /** As {@code status}: rows whose status was carried from the previous period and not yet confirmed. */
    public static final String CARRIED = "~";

    public static final FollowUpFilter NONE = new FollowUpFilter(null, null, null, null, null, false);

    /** Goals (committee goals and indicators together, as the progress page counts them) or one kind. */
    public enum KindFilter {
        GOAL, COMMITTEE_GOAL, INDICATOR, ASSIGNMENT;

        boolean matches(ItemKind kind) {
            return switch (this) {
                case GOAL -> kind != ItemKind.ASSIGNMENT;
                case COMMITTEE_GOAL -> kind == ItemKind.COMMITTEE_GOAL;
                case INDICATOR -> kind == ItemKind.INDICATOR;
                case ASSIGNMENT -> kind == ItemKind.ASSIGNMENT;
            };
        }
    }

    public boolean matches(FollowUpRow row) {
        if (areaId != null && row.areaId() != areaId) {
            return false;
        }
        if (status != null && !(NOT_ASSESSED.equals(status) ? row.status() == null
                : CARRIED.equals(status) ? row.fromPreviousPeriod() : status.equals(row.status()))) {
            return false;
        }
        if (departmentId != null && !departmentId.equals(row.departmentId())) {
            return false;
        }
        if (kind != null && !kind.matches(row.kind())) {
            return false;
        }
        if (notReadyOnly && row.ready()) {
            return false;
        }
        if (text != null && !text.isBlank()) {
            String needle = text.strip().toLowerCase(Locale.ROOT);
            return contains(row.printedText(), needle) || contains(row.comment(), needle) || contains(row.owner(), needle);
        }
        return true;
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
