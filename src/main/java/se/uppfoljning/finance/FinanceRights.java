package se.uppfoljning.finance;

/**
 * What the current user may do with a period's finance: upload figures (a controller, only while the period is not
 * decided) and see each finding of the checks (others see whether the figures are consistent).
 */
public record FinanceRights(boolean mayImport, boolean maySeeFindings) {
}
