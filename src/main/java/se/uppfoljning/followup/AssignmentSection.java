package se.uppfoljning.followup;

import java.util.List;

/** An area's assignments of one ÖSB year, given that year or carried over from the year before. */
public record AssignmentSection(int osbYear, boolean carriedOver, List<FollowUpRow> rows) {

    public AssignmentSection {
        rows = List.copyOf(rows);
    }

    public AssignmentSection withRows(List<FollowUpRow> newRows) {
        return new AssignmentSection(osbYear, carriedOver, newRows);
    }
}
