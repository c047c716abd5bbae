package se.uppfoljning.audit.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.audit.AuditQuery;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.jooq.impl.DSL.noCondition;
import static se.uppfoljning.db.Tables.APP_USER;
import static se.uppfoljning.db.Tables.AUDIT_LOG;
import static se.uppfoljning.db.Tables.COMMITTEE;

@Repository
public class AuditRepository {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** What a reader may see: everything, or only these committees' entries and none about users or security. */
    public record Scope(boolean all, Set<Long> committeeIds) {
        public static Scope everything() {
            return new Scope(true, Set.of());
        }
    }

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(String username, Long committeeId, String action, String subject, String details) {
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.USERNAME, username)
                .set(AUDIT_LOG.COMMITTEE_ID, committeeId)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT, subject)
                .set(AUDIT_LOG.DETAILS, details)
                .execute();
    }

    /** Many entries of one user, committee and action as one JDBC batch; each pair is {subject, details}. */
    public void insertAll(String username, Long committeeId, String action, List<String[]> subjectsAndDetails) {
        if (subjectsAndDetails.isEmpty()) {
            return;
        }
        var insert = db.batch(db.insertInto(AUDIT_LOG, AUDIT_LOG.USERNAME, AUDIT_LOG.COMMITTEE_ID, AUDIT_LOG.ACTION,
                AUDIT_LOG.SUBJECT, AUDIT_LOG.DETAILS).values((String) null, null, null, null, null));
        for (String[] entry : subjectsAndDetails) {
            insert.bind(username, committeeId, action, entry[0], entry[1]);
        }
        insert.execute();
    }

    public List<AuditEntry> search(AuditQuery query, Scope scope) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(visible(scope));
        if (query.text() != null && !query.text().isBlank()) {
            String pattern = "%" + query.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(AUDIT_LOG.USERNAME.likeIgnoreCase(pattern, '\\')
                    .or(AUDIT_LOG.SUBJECT.likeIgnoreCase(pattern, '\\'))
                    .or(AUDIT_LOG.DETAILS.likeIgnoreCase(pattern, '\\'))
                    .or(AUDIT_LOG.ACTION.likeIgnoreCase(pattern, '\\'))
                    .or(APP_USER.DISPLAY_NAME.likeIgnoreCase(pattern, '\\')));
        }
        if (query.from() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.ge(query.from().atStartOfDay(SWEDEN).toOffsetDateTime()));
        }
        if (query.to() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.lt(query.to().plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime()));
        }
        if (query.action() != null && !query.action().isBlank()) {
            conditions.add(AUDIT_LOG.ACTION.eq(query.action()));
        }
        if (query.securityOnly()) {
            conditions.add(AUDIT_LOG.ACTION.like(AuditActions.SECURITY_PREFIX + "%")
                    .or(AUDIT_LOG.ACTION.in(AuditActions.USER_PASSWORD_RESET, AuditActions.USER_PASSWORD_CHANGED)));
        }
        if (query.user() != null && !query.user().isBlank()) {
            conditions.add(AUDIT_LOG.USERNAME.eq(query.user().strip()));
        }
        if (query.since() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.ge(query.since()));
        }
        if (query.until() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.lt(query.until()));
        }
        return db.select(AUDIT_LOG.ID, AUDIT_LOG.OCCURRED_AT, AUDIT_LOG.USERNAME, AUDIT_LOG.COMMITTEE_ID, COMMITTEE.CODE,
                        AUDIT_LOG.ACTION, AUDIT_LOG.SUBJECT, AUDIT_LOG.DETAILS,
                        DSL.coalesce(APP_USER.DISPLAY_NAME, AUDIT_LOG.USERNAME))
                .from(AUDIT_LOG)
                .leftJoin(COMMITTEE).on(COMMITTEE.ID.eq(AUDIT_LOG.COMMITTEE_ID))
                .leftJoin(APP_USER).on(APP_USER.USERNAME.eq(AUDIT_LOG.USERNAME))
                .where(conditions)
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc())
                .limit(query.limit())
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    public List<String> actions(Scope scope) {
        return db.selectDistinct(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(visible(scope))
                .orderBy(AUDIT_LOG.ACTION).fetch(AUDIT_LOG.ACTION);
    }

    private static Condition visible(Scope scope) {
        if (scope.all()) {
            return noCondition();
        }
        return AUDIT_LOG.COMMITTEE_ID.in(scope.committeeIds())
                .and(AUDIT_LOG.ACTION.notLike(AuditActions.USER_PREFIX + "%"))
                .and(AUDIT_LOG.ACTION.notLike(AuditActions.SECURITY_PREFIX + "%"));
    }
}
