package se.uppfoljning.followup;

import java.util.List;
import java.util.stream.Stream;

/** A strategic area: its goals first, then its assignment tables, in report order. */
public record AreaSection(long id, String name, List<GoalSection> goals, List<AssignmentSection> assignments) {

    public AreaSection {
        goals = List.copyOf(goals);
        assignments = List.copyOf(assignments);
    }

    public Stream<FollowUpRow> rows() {
        return Stream.concat(goals.stream().flatMap(g -> g.rows().stream()),
                assignments.stream().flatMap(a -> a.rows().stream()));
    }
}
