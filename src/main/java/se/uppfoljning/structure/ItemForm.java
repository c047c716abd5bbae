package se.uppfoljning.structure;

/**
 * What the secretariat enters for a goal, indicator or assignment. Goals and indicators sit under a strategic goal
 * (their area follows from it); assignments sit directly under an area.
 */
public record ItemForm(ItemKind kind, Long strategicGoalId, Long areaId, String number, String text, String targetText,
                       Long departmentId, int planYear, boolean carriedOver, boolean derivedFromFinance) {
}
