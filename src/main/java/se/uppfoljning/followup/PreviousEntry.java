package se.uppfoljning.followup;

/**
 * An item's status and comment as they stood in the previous period, shown beside the current ones.
 *
 * @param periodName the previous period's name, e.g. "Delårsrapport 1 2024"
 * @param status     the status label, or null when not assessed
 * @param comment    the comment, never null (may be empty)
 */
public record PreviousEntry(String periodName, String status, String comment) {
}
