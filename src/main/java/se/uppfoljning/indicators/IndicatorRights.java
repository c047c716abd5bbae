package se.uppfoljning.indicators;

/**
 * What the current user may do with a committee's indicators as a whole: import measured values (its secretariat and
 * officials; each row is checked again on import) and fetch every linked indicator from Kolada (its secretariat).
 */
public record IndicatorRights(boolean mayImportValues, boolean mayRefreshFromKolada) {
}
