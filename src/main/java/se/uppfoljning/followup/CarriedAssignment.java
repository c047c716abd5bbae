package se.uppfoljning.followup;

/** An assignment not done by the end of its plan year, carried into the next one; status is its latest (or null). */
public record CarriedAssignment(long itemId, String area, String text, String owner, String status) {
}
