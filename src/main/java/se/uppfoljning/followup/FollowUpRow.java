package se.uppfoljning.followup;

import se.uppfoljning.structure.ItemKind;
import java.time.OffsetDateTime;

/**
 * A goal, indicator or assignment with its follow-up entry in one period. {@code status} is the label as printed
 * (null when not assessed); {@code version} is 0 while nobody has written an entry for the period. {@code mayMarkReady}:
 * the current user may mark or unmark it ready now (open period, own department or secretariat).
 */
public record FollowUpRow(long id, ItemKind kind, long areaId, Integer strategicGoalNumber, String number, String text,
                          String targetText, Long departmentId, String owner, int planYear, boolean carriedOver,
                          boolean derivedFromFinance, String status, String statusTone, String comment, int version,
                          OffsetDateTime updatedAt, String updatedBy, boolean editable,
                          boolean fromPreviousPeriod, OffsetDateTime readyAt, String readyBy,
                          boolean mayMarkReady) {

    /** Marked ready ("klar") for this period by an official or the secretariat. */
    public boolean ready() {
        return readyAt != null;
    }

    /** A draft: status and comment carried over from the previous period, not yet saved or confirmed here. */
    public boolean draft() {
        return fromPreviousPeriod;
    }

    /** The row's text as printed in Bilaga 2: number prefix included for goals and indicators. */
    public String printedText() {
        return number == null ? text : number + " " + text;
    }

    /** The ÖSB year the assignment was given (the previous year for carried-over assignments). */
    public int osbYear() {
        return carriedOver ? planYear - 1 : planYear;
    }

    public boolean isAssessed() {
        return status != null;
    }
}
