package se.uppfoljning.finance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The sum of a level's non-summed rows in one cut and group (group null for rows without one). */
public record FinanceAggregate(String level, FinanceCut cut, String group, int count, Figures sums) {

    /** Aggregates computed in memory (the preview); the repository computes the same in SQL. */
    public static List<FinanceAggregate> of(Collection<FinanceRow> rows) {
        record Key(String level, FinanceCut cut, String group) {
        }
        Map<Key, FinanceAggregate> map = new LinkedHashMap<>();
        for (FinanceRow r : rows) {
            if (r.summed()) {
                continue;
            }
            map.merge(new Key(r.levelCode(), r.cut(), r.groupCode()),
                    new FinanceAggregate(r.levelCode(), r.cut(), r.groupCode(), 1, r.figures()),
                    (a, b) -> new FinanceAggregate(a.level, a.cut, a.group, a.count + b.count, a.sums.plus(b.sums)));
        }
        return new ArrayList<>(map.values());
    }

    static FinanceAggregate total(List<FinanceAggregate> aggregates, String level, FinanceCut cut) {
        int count = 0;
        Figures sums = Figures.ZERO;
        boolean any = false;
        for (FinanceAggregate a : aggregates) {
            if (a.level.equals(level) && a.cut == cut) {
                count += a.count;
                sums = sums.plus(a.sums);
                any = true;
            }
        }
        return any ? new FinanceAggregate(level, cut, null, count, sums) : null;
    }

    static FinanceAggregate group(List<FinanceAggregate> aggregates, String level, FinanceCut cut, String group) {
        return aggregates.stream()
                .filter(a -> a.level.equals(level) && a.cut == cut && Objects.equals(a.group, group))
                .findFirst().orElse(null);
    }
}
