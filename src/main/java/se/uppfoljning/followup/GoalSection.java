package se.uppfoljning.followup;

import se.uppfoljning.structure.ItemKind;
import java.util.List;

/** A strategic goal with the committee's goals or the municipality-wide indicators under it. */
public record GoalSection(long goalId, int number, String text, ItemKind kind, List<FollowUpRow> rows) {

    public GoalSection {
        rows = List.copyOf(rows);
    }

    public GoalSection withRows(List<FollowUpRow> newRows) {
        return new GoalSection(goalId, number, text, kind, newRows);
    }
}
