package se.uppfoljning.indicators.kolada;

import java.math.BigDecimal;

/**
 * One value of a Kolada KPI as the API gives it: {@code kpi} and {@code area} (the municipality's or unit's id) as
 * strings, {@code year}, {@code gender} T/K/M, {@code value} exact as written in the JSON (null when Kolada has none),
 * {@code status} Kolada's flag of the value (null when empty).
 */
public record KoladaValue(String kpi, String area, int year, String gender, BigDecimal value, String status) {
}
