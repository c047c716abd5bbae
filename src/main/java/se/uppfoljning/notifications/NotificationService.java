package se.uppfoljning.notifications;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.notifications.internal.NotificationRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * In-app notifications: other features create them (inside their own transaction, which also decides who may send
 * them); each user reads and marks only their own.
 */
@Service
@Transactional(readOnly = true)
public class NotificationService {

    private final NotificationRepository repository;
    private final Clock clock;

    NotificationService(NotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Creates the notifications as the current user. MANDATORY: the calling feature's service checks who may notify
     * whom and runs this in its transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Unrestricted("writes notifications for a caller that has decided its own right (reminders)")
    public int create(List<NewNotification> notifications) {
        if (notifications.isEmpty()) {
            return 0;
        }
        return repository.insert(notifications, CurrentUser.get().username(), now());
    }

    /** The current user's notifications, newest first (at most {@code limit}). */
    @PreAuthorize("isAuthenticated()")
    public List<UserNotification> mine(int limit) {
        return repository.forUser(me().id(), limit);
    }

    @PreAuthorize("isAuthenticated()")
    public int unreadCount() {
        AppUserPrincipal user = CurrentUser.find().orElse(null);
        return user == null || user.isSystem() ? 0 : repository.unreadCount(user.id());
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void markRead(long notificationId) {
        repository.markRead(me().id(), notificationId, now());
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public int markAllRead() {
        return repository.markAllRead(me().id(), now());
    }

    private static AppUserPrincipal me() {
        return CurrentUser.get();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
