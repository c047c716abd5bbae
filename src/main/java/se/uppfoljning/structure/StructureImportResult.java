package se.uppfoljning.structure;

import java.util.List;

/**
 * What an import of goals, indicators and assignments did (or would do, in a preview): counts, and every strategic
 * area, strategic goal and item it creates, renames or moves, and every owner it changes. Importing the same file
 * again creates and writes nothing.
 */
public record StructureImportResult(int rows, int itemsCreated, int itemsUpdated, int entriesWritten,
                                    List<StructureImportChange> changes) {

    public StructureImportResult {
        changes = List.copyOf(changes);
    }

    public StructureImportResult(int rows, int itemsCreated, int itemsUpdated, int entriesWritten) {
        this(rows, itemsCreated, itemsUpdated, entriesWritten, List.of());
    }

    /** Names of the strategic areas the import creates (applying needs an explicit confirmation of them). */
    public List<String> newAreas() {
        return changes.stream().filter(c -> c.kind() == StructureImportChange.Kind.AREA_CREATED)
                .map(StructureImportChange::subject).toList();
    }
}
