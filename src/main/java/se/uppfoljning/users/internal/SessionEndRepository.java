package se.uppfoljning.users.internal;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;

import static se.uppfoljning.db.Tables.SESSION_END;

/** The ends of users' sessions that every node carries out for itself (table session_end, migration 120). */
@Repository
public class SessionEndRepository {

    /** One ended session set: its id (increasing) and whose sessions end. */
    public record Ended(long id, String username) {
    }

    private final DSLContext db;

    SessionEndRepository(DSLContext db) {
        this.db = db;
    }

    /** Records that {@code username}'s sessions end, stamped with the database's clock (one for all nodes). */
    public void record(String username) {
        db.insertInto(SESSION_END).set(SESSION_END.USERNAME, username).execute();
    }

    /** The ends recorded within the last {@code seconds} seconds by the database's clock, oldest first. */
    public List<Ended> recent(int seconds) {
        return db.select(SESSION_END.ID, SESSION_END.USERNAME).from(SESSION_END)
                .where(DSL.condition("{0} > now() - make_interval(secs => {1})", SESSION_END.ENDED_AT, DSL.val(seconds)))
                .orderBy(SESSION_END.ID)
                .fetch(r -> new Ended(r.value1(), r.value2()));
    }

    /** Deletes the ends older than {@code hours} hours; returns how many. */
    public int deleteOlderThan(int hours) {
        return db.deleteFrom(SESSION_END)
                .where(DSL.condition("{0} < now() - make_interval(hours => {1})", SESSION_END.ENDED_AT, DSL.val(hours)))
                .execute();
    }
}
