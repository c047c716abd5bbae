package se.uppfoljning.followup;

/** A user's edit of an entry: the status label (blank = not assessed), the comment and the version it was based on. */
public record FollowUpChange(String status, String comment, int version) {
}
