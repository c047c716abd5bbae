package se.uppfoljning.followup;

/** How many rows have a status; {@code status} null counts the rows not assessed. */
public record StatusCount(String status, String tone, int count) {
}
