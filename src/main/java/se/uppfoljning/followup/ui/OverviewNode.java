package se.uppfoljning.followup.ui;

import se.uppfoljning.followup.FollowUpRow;

/** A line of the overview's flat list: an area's heading, a table's heading (strategic goal or assignment group), or a row. */
sealed interface OverviewNode {

    String label();

    record AreaNode(long id, String label) implements OverviewNode {
    }

    /** A table of the report: heading, and the texts of its first and second column headers. */
    record GroupNode(String key, String label, String itemHeading, String statusHeading) implements OverviewNode {
    }

    record RowNode(FollowUpRow row) implements OverviewNode {
        @Override
        public String label() {
            return row.printedText();
        }
    }
}
