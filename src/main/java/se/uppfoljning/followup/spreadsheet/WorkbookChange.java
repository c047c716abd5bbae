package se.uppfoljning.followup.spreadsheet;

import se.uppfoljning.structure.ItemKind;
import java.util.Objects;

/**
 * One row of an edited spreadsheet that changes an entry: where it is in the file ({@code row}, as the spreadsheet
 * numbers it), the item, and its status and comment before and after. Statuses are labels, null when not assessed.
 */
public record WorkbookChange(int row, long itemId, ItemKind kind, String number, String text, String oldStatus,
                             String newStatus, String oldComment, String newComment, int version,
                             boolean fromPreviousPeriod) {

    public boolean statusChanged() {
        return !Objects.equals(oldStatus, newStatus);
    }

    public boolean commentChanged() {
        return !Objects.equals(oldComment, newComment);
    }

    /** The item as printed in Bilaga 2. */
    public String printedText() {
        return number == null ? text : number + " " + text;
    }
}
