package se.uppfoljning.followup;

import java.util.Objects;
/** An item whose status or comment differs between two periods: the row now, with its area and the values then. */
public record ItemChange(FollowUpRow row, String areaName, String oldStatus, String oldComment) {

    public boolean statusChanged() {
        return !Objects.equals(oldStatus, row.status());
    }

    public boolean commentChanged() {
        return !Objects.equals(oldComment == null ? "" : oldComment, row.comment() == null ? "" : row.comment());
    }
}
