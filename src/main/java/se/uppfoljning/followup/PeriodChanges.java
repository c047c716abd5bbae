package se.uppfoljning.followup;

import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.ReportingPeriod;
import java.util.List;
import java.util.Map;

/**
 * What changed in a committee's follow-up from period {@code since} to the context's period: the changed items (old →
 * new, who, when) and, per area, how many changed and their new statuses.
 */
public record PeriodChanges(CommitteeContext context, ReportingPeriod since, List<ItemChange> changes,
                            List<AreaCount> perArea) {

    /** Changed items of an area, counted per new status (null key: not assessed). */
    public record AreaCount(String area, int changed, Map<String, Integer> byStatus) {
    }
}
