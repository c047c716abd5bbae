package se.uppfoljning.indicators;

import java.util.List;
import java.util.Optional;

/**
 * Everything about one item's indicator: its target (empty when none is recorded), the values per year and gender
 * (oldest first), the changes of the values (newest first), the proposal, and whether the current user may enter
 * values ({@code mayEnterValues}) or change the target ({@code mayChangeTarget}).
 */
public record IndicatorDetail(long itemId, Optional<IndicatorTarget> target, List<MeasuredValue> values,
                              List<ValueHistoryEntry> history, Proposal proposal, boolean mayEnterValues,
                              boolean mayChangeTarget) {

    /** The total (gender T) values, oldest first: the trend. */
    public List<MeasuredValue> totals() {
        return values.stream().filter(v -> "T".equals(v.gender())).toList();
    }

    public boolean fromKolada() {
        return values.stream().anyMatch(v -> v.source() == ValueSource.KOLADA);
    }
}
