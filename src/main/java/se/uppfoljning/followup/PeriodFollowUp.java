package se.uppfoljning.followup;

import se.uppfoljning.base.security.CommitteeScoped;
import se.uppfoljning.periods.CommitteeContext;

import java.util.List;

/**
 * A committee's follow-up in one period as the API gives it: the areas with their goal and assignment sections and
 * rows in report order (Bilaga 2), the same as {@link FollowUpOverview#areas()}, without the status scales.
 */
public record PeriodFollowUp(CommitteeContext context, List<AreaSection> areas) implements CommitteeScoped {

    public PeriodFollowUp {
        areas = List.copyOf(areas);
    }

    @Override
    public long committeeId() {
        return context.committeeId();
    }

    /** How many rows the areas hold. */
    public int rowCount() {
        int count = 0;
        for (AreaSection area : areas) {
            for (GoalSection goal : area.goals()) {
                count += goal.rows().size();
            }
            for (AssignmentSection section : area.assignments()) {
                count += section.rows().size();
            }
        }
        return count;
    }
}
