package se.uppfoljning.followup;

import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.structure.StatusScale;
import java.util.ArrayList;
import java.util.List;

/** Everything followed up for a committee in a period, shaped like Bilaga 2, with the status scales. */
public record FollowUpOverview(CommitteeContext context, List<AreaSection> areas, List<StatusOption> statuses) {

    public FollowUpOverview {
        areas = List.copyOf(areas);
        statuses = List.copyOf(statuses);
    }

    public List<FollowUpRow> rows() {
        return areas.stream().flatMap(AreaSection::rows).toList();
    }

    public List<StatusOption> statuses(StatusScale scale) {
        return statuses.stream().filter(s -> s.scale() == scale).toList();
    }

    /** Per area, and for the whole committee (area id 0, name null), the rows counted per status. */
    public List<AreaProgress> progress() {
        List<AreaProgress> result = new ArrayList<>();
        for (AreaSection area : areas) {
            result.add(new AreaProgress(area.id(), area.name(), count(area.rows().toList(), StatusScale.GOAL),
                    count(area.rows().toList(), StatusScale.ASSIGNMENT)));
        }
        result.add(new AreaProgress(0, null, count(rows(), StatusScale.GOAL), count(rows(), StatusScale.ASSIGNMENT)));
        return result;
    }

    /**
     * Rows that lag: not assessed, or with the scale's worst status ("Ej påbörjat", "Uppfylls ej"), in report order.
     * Carried drafts count by the status they carry.
     */
    public List<FollowUpRow> lagging(StatusScale scale) {
        return rows().stream().filter(r -> r.kind().scale() == scale)
                .filter(r -> r.status() == null || "error".equals(r.statusTone())).toList();
    }

    /**
     * Per status, in scale order; rows carried from the previous period and not yet confirmed count apart under
     * {@link FollowUpFilter#CARRIED} (they were not assessed in this period), rows without a status under null.
     */
    private List<StatusCount> count(List<FollowUpRow> rows, StatusScale scale) {
        List<FollowUpRow> ofScale = rows.stream().filter(r -> r.kind().scale() == scale && !r.fromPreviousPeriod())
                .toList();
        int carried = (int) rows.stream().filter(r -> r.kind().scale() == scale && r.fromPreviousPeriod()).count();
        List<StatusCount> counts = new ArrayList<>();
        for (StatusOption option : statuses(scale)) {
            counts.add(new StatusCount(option.label(), option.tone(),
                    (int) ofScale.stream().filter(r -> option.label().equals(r.status())).count()));
        }
        int notAssessed = (int) ofScale.stream().filter(r -> r.status() == null).count();
        if (notAssessed > 0) {
            counts.add(new StatusCount(null, "contrast", notAssessed));
        }
        if (carried > 0) {
            counts.add(new StatusCount(FollowUpFilter.CARRIED, "carried", carried));
        }
        return counts;
    }

    /** The same overview with only the matching rows; sections left empty are dropped. */
    public FollowUpOverview filter(FollowUpFilter filter) {
        List<AreaSection> filtered = areas.stream()
                .map(area -> new AreaSection(area.id(), area.name(),
                        area.goals().stream().map(g -> g.withRows(g.rows().stream().filter(filter::matches).toList()))
                                .filter(g -> !g.rows().isEmpty()).toList(),
                        area.assignments().stream().map(a -> a.withRows(a.rows().stream().filter(filter::matches).toList()))
                                .filter(a -> !a.rows().isEmpty()).toList()))
                .filter(area -> !area.goals().isEmpty() || !area.assignments().isEmpty())
                .toList();
        return new FollowUpOverview(context, filtered, statuses);
    }
}
