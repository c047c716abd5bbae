package se.uppfoljning.notifications;

/** A notification to create for a user; {@code link} is a path inside the application (may be null). */
public record NewNotification(long userId, Long committeeId, String title, String body, String link) {
}
