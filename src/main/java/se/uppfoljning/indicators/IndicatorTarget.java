package se.uppfoljning.indicators;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The target of an item as data and its Kolada link. {@code value}: exact decimal, only for AT_LEAST/AT_MOST;
 * {@code unit}: free text ("NKI", "kWh/m²"); {@code comparisonYear}: for INCREASE/DECREASE the year the latest value
 * is compared with (null: the year before it that has a value). {@code koladaKpi} (e.g. "N00945") with either
 * {@code koladaMunicipality} (e.g. "1880") or {@code koladaUnit} (an organisational unit's id). {@code version}: 0
 * when the item has no target yet.
 */
public record IndicatorTarget(long itemId, TargetKind kind, BigDecimal value, String unit, Integer comparisonYear,
                              String koladaKpi, String koladaMunicipality, String koladaUnit, int version,
                              OffsetDateTime updatedAt, String updatedBy) {

    public boolean linkedToKolada() {
        return koladaKpi != null && (koladaMunicipality != null || koladaUnit != null);
    }

    /** As the report writes it: "minst 75", "minst 3,45 NKI", "öka", "inget målvärde". */
    public String printed() {
        if (kind.needsValue() && value != null) {
            return kind.word() + " " + Numbers.format(value) + (unit == null || unit.isBlank() ? "" : " " + unit);
        }
        return kind.word();
    }
}
