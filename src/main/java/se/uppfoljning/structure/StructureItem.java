package se.uppfoljning.structure;

/** A goal, indicator or assignment as the secretariat maintains it (without follow-up). */
public record StructureItem(long id, ItemKind kind, long areaId, String areaName, Long strategicGoalId,
                            Integer strategicGoalNumber, String number, String text, String targetText,
                            Long departmentId, String owner, int planYear, boolean carriedOver,
                            boolean derivedFromFinance, boolean retired) {

    public String printedText() {
        return number == null ? text : number + " " + text;
    }
}
