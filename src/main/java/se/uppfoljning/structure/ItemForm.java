package se.uppfoljning.structure;

import se.uppfoljning.indicators.TargetInput;

/**
 * What the secretariat enters for a goal, indicator or assignment. Goals and indicators sit under a strategic goal
 * (their area follows from it); assignments sit directly under an area. {@code target}: the target as data (kind,
 * value, unit, comparison year; empty: left as it is), written through the indicators feature;
 * {@code targetVersion}: its version as read (0: none), null to take the stored one.
 */
public record ItemForm(ItemKind kind, Long strategicGoalId, Long areaId, String number, String text, String targetText,
                       Long departmentId, int planYear, boolean carriedOver, boolean derivedFromFinance,
                       TargetInput target, Integer targetVersion) {

    public ItemForm {
        target = target == null ? TargetInput.NONE : target;
    }

    /** Without a target as data: the target stays as it is. */
    public ItemForm(ItemKind kind, Long strategicGoalId, Long areaId, String number, String text, String targetText,
                    Long departmentId, int planYear, boolean carriedOver, boolean derivedFromFinance) {
        this(kind, strategicGoalId, areaId, number, text, targetText, departmentId, planYear, carriedOver,
                derivedFromFinance, TargetInput.NONE, null);
    }
}
