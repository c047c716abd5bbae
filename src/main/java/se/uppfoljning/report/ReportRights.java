package se.uppfoljning.report;

/**
 * What the current user may do with a period's whole report besides writing the sections {@code maySave} allows: run
 * it – change the outline, confirm sections, name editors, import a report – which is the secretariat's, while the
 * period is not decided.
 */
public record ReportRights(boolean mayRunReport) {
}
