package se.uppfoljning.followup;

import java.util.List;

/** An area's goals (committee goals and indicators) and assignments counted per status, in scale order. */
public record AreaProgress(long areaId, String areaName, List<StatusCount> goals, List<StatusCount> assignments) {

    public static int total(List<StatusCount> counts) {
        return counts.stream().mapToInt(StatusCount::count).sum();
    }
}
