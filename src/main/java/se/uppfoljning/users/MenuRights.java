package se.uppfoljning.users;

/**
 * What the signed-in user may reach in any of their committees, for the menu before a committee is chosen: administer
 * (users, structure, publication) and run reports as a secretariat (periods, the report, the structure, the log).
 * Each view's service decides again for the chosen committee.
 */
public record MenuRights(boolean mayAdminister, boolean mayRunReports) {
}
