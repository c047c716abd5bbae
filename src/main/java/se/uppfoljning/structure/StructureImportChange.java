package se.uppfoljning.structure;

/**
 * One change a structure import makes, for the preview: the file's line, what kind of change, what it is about
 * (area name, "14 text" of a goal, an item's number and text) and, for renames and moves, from what to what.
 * The UI words it with the bundle key {@code structure.import.change.<KIND>} (arguments subject, from, to).
 */
public record StructureImportChange(int line, Kind kind, String subject, String from, String to) {

    public enum Kind {
        AREA_CREATED, GOAL_CREATED, ITEM_CREATED, ITEM_RENAMED, ITEM_MOVED_AREA, ITEM_MOVED_GOAL, OWNER_CHANGED,
        /** The target as data set or changed (from "–" when the item had none). */
        TARGET_SET
    }
}
