package se.uppfoljning.indicators;

import java.math.BigDecimal;

/**
 * A new target for an item: {@code kind} as a Swedish word or name ("minst", "AT_LEAST"), {@code value} exact,
 * {@code version} as read (0 for an item without a target). Kolada: a KPI id and a municipality or unit id, or all
 * null for no link.
 */
public record TargetChange(String kind, BigDecimal value, String unit, Integer comparisonYear, String koladaKpi,
                           String koladaMunicipality, String koladaUnit, int version) {
}
