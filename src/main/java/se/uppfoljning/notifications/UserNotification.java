package se.uppfoljning.notifications;

import java.time.OffsetDateTime;

/** A notification to one user (e.g. a reminder from the secretariat); {@code readAt} is null while unread. */
public record UserNotification(long id, String title, String body, String link, OffsetDateTime createdAt,
                               String createdBy, OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
