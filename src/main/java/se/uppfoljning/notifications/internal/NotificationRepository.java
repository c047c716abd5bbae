package se.uppfoljning.notifications.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import se.uppfoljning.db.tables.Notification;
import se.uppfoljning.notifications.NewNotification;
import se.uppfoljning.notifications.UserNotification;

import java.time.OffsetDateTime;
import java.util.List;

import static se.uppfoljning.db.Tables.NOTIFICATION;

@Repository
public class NotificationRepository {

    private static final Notification N = NOTIFICATION;

    private final DSLContext db;

    NotificationRepository(DSLContext db) {
        this.db = db;
    }

    /** All in one statement. */
    public int insert(List<NewNotification> notifications, String createdBy, OffsetDateTime now) {
        var insert = db.insertInto(N, N.USER_ID, N.COMMITTEE_ID, N.CREATED_AT, N.CREATED_BY, N.TITLE, N.BODY, N.LINK);
        for (NewNotification n : notifications) {
            insert = insert.values(n.userId(), n.committeeId(), now, createdBy, n.title(), n.body(), n.link());
        }
        return insert.execute();
    }

    public List<UserNotification> forUser(long userId, int limit) {
        return db.selectFrom(N).where(N.USER_ID.eq(userId)).orderBy(N.ID.desc()).limit(limit)
                .fetch(r -> new UserNotification(r.getId(), r.getTitle(), r.getBody(), r.getLink(), r.getCreatedAt(),
                        r.getCreatedBy(), r.getReadAt()));
    }

    public int unreadCount(long userId) {
        return db.fetchCount(N, N.USER_ID.eq(userId).and(N.READ_AT.isNull()));
    }

    public void markRead(long userId, long id, OffsetDateTime now) {
        db.update(N).set(N.READ_AT, now).where(N.ID.eq(id).and(N.USER_ID.eq(userId)).and(N.READ_AT.isNull()))
                .execute();
    }

    public int markAllRead(long userId, OffsetDateTime now) {
        return db.update(N).set(N.READ_AT, now).where(N.USER_ID.eq(userId).and(N.READ_AT.isNull())).execute();
    }
}
