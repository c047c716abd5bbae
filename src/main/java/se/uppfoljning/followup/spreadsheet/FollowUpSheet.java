package se.uppfoljning.followup.spreadsheet;

import java.util.List;
import java.util.function.Function;

/**
 * The columns of the follow-up spreadsheet (export and import), in export order. Headers come from the
 * translation bundle ("workbook.column.*"); the import finds columns by header, so their order may change.
 */
public enum FollowUpSheet {
    ID(8, false), AREA(28, true), GOAL(36, true), KIND(14, false), NUMBER(9, false), TEXT(60, true),
    OWNER(24, true), STATUS(18, false), COMMENT(80, true), VERSION(9, false), READY(14, false);

    /** Custom document property naming the committee and period the file was exported from. */
    public static final String PERIOD_PROPERTY = "Uppföljning period";
    /** The columns the import needs. */
    public static final List<FollowUpSheet> REQUIRED = List.of(ID, STATUS, COMMENT, VERSION);

    private final int width;
    private final boolean wrap;

    FollowUpSheet(int width, boolean wrap) {
        this.width = width;
        this.wrap = wrap;
    }

    public int width() {
        return width;
    }

    public boolean wrap() {
        return wrap;
    }

    /**
     * Written by the application: the import uses id and version to find the entry and detect stale copies; "Klar"
     * is for information (marking ready is done in the application) and is not read.
     */
    public boolean doNotEdit() {
        return this == ID || this == VERSION || this == READY;
    }

    public String header(Function<String, String> text) {
        return text.apply("workbook.column." + name().toLowerCase(java.util.Locale.ROOT));
    }
}
