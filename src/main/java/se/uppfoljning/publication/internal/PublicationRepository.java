package se.uppfoljning.publication.internal;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Set;

import static se.uppfoljning.db.Tables.COMMITTEE_PUBLICATION;

/** The publication switch per committee (table committee_publication, written only here). */
@Repository
public class PublicationRepository {

    private final DSLContext db;

    PublicationRepository(DSLContext db) {
        this.db = db;
    }

    public boolean isEnabled(long committeeId) {
        return db.fetchExists(COMMITTEE_PUBLICATION, COMMITTEE_PUBLICATION.COMMITTEE_ID.eq(committeeId)
                .and(COMMITTEE_PUBLICATION.ENABLED.isTrue()));
    }

    public Set<Long> enabled(Collection<Long> committeeIds) {
        return db.select(COMMITTEE_PUBLICATION.COMMITTEE_ID).from(COMMITTEE_PUBLICATION)
                .where(COMMITTEE_PUBLICATION.COMMITTEE_ID.in(committeeIds).and(COMMITTEE_PUBLICATION.ENABLED.isTrue()))
                .fetchSet(COMMITTEE_PUBLICATION.COMMITTEE_ID);
    }

    public void set(long committeeId, boolean enabled, String username) {
        db.insertInto(COMMITTEE_PUBLICATION)
                .set(COMMITTEE_PUBLICATION.COMMITTEE_ID, committeeId)
                .set(COMMITTEE_PUBLICATION.ENABLED, enabled)
                .set(COMMITTEE_PUBLICATION.CHANGED_BY, username)
                .onConflict(COMMITTEE_PUBLICATION.COMMITTEE_ID)
                .doUpdate()
                .set(COMMITTEE_PUBLICATION.ENABLED, enabled)
                .set(COMMITTEE_PUBLICATION.CHANGED_BY, username)
                .set(COMMITTEE_PUBLICATION.CHANGED_AT, DSL.currentOffsetDateTime())
                .execute();
    }
}
