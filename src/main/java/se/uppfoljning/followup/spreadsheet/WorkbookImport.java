package se.uppfoljning.followup.spreadsheet;

import java.util.List;

/**
 * What an edited spreadsheet changes (a preview, {@code applied} false) or changed ({@code applied} true):
 * {@code rows} data rows read, of which {@code changes} differ from the period's entries; the others are ignored.
 */
public record WorkbookImport(String fileName, int rows, List<WorkbookChange> changes, boolean applied) {

    public WorkbookImport {
        changes = List.copyOf(changes);
    }
}
