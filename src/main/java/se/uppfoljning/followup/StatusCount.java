package se.uppfoljning.followup;

/**
 * How many rows have a status; {@code status} null counts the rows not assessed, {@link FollowUpFilter#CARRIED}
 * (tone "carried") those whose status was carried from the previous period and not confirmed in this one.
 */
public record StatusCount(String status, String tone, int count) {
}
