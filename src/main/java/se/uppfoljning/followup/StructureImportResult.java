package se.uppfoljning.followup;

/** What an import of goals, indicators and assignments did. Importing the same file again creates and writes nothing. */
public record StructureImportResult(int rows, int itemsCreated, int itemsUpdated, int entriesWritten) {
}
