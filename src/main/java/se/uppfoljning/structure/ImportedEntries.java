package se.uppfoljning.structure;

import se.uppfoljning.periods.CommitteeContext;

/**
 * What the structure import needs of the follow-up entries (a file row may carry an item's status and comment). The
 * follow-up feature implements it, so the entries stay written by their owner and structure does not depend on it.
 */
public interface ImportedEntries {

    /** Longest comment an entry takes, in characters. */
    int maxCommentLength();

    /** The id of the status with this label on the kind's scale; a ValidationException when the scale has none. */
    Long statusId(CommitteeContext context, ItemKind kind, String label);

    /**
     * Writes the item's status and comment in the period when they differ from its entry; a null status id or an
     * empty comment keeps what the entry has (a structure file never empties comments). Returns 1 if written, else 0.
     */
    int writeIfChanged(CommitteeContext context, long itemId, ItemKind kind, Long statusId, String comment,
                       String username);
}
