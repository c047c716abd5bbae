package se.uppfoljning.users.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;

import static se.uppfoljning.db.Tables.APP_USER;
import static se.uppfoljning.db.Tables.COMMITTEE_MEMBERSHIP;
import static se.uppfoljning.db.Tables.USER_DEPARTMENT;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

@Repository
public class UserRepository {

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    /** The user with memberships and departments in one statement. */
    public Optional<AppUserPrincipal> findPrincipal(String username) {
        return db.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH, APP_USER.ENABLED,
                        multiset(select(COMMITTEE_MEMBERSHIP.COMMITTEE_ID, COMMITTEE_MEMBERSHIP.ROLE)
                                .from(COMMITTEE_MEMBERSHIP).where(COMMITTEE_MEMBERSHIP.USER_ID.eq(APP_USER.ID)))
                                .convertFrom(r -> r.map(m -> new Membership(m.value1(), Role.valueOf(m.value2())))),
                        multiset(select(USER_DEPARTMENT.DEPARTMENT_ID)
                                .from(USER_DEPARTMENT).where(USER_DEPARTMENT.USER_ID.eq(APP_USER.ID)))
                                .convertFrom(r -> r.map(m -> m.value1())))
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new AppUserPrincipal(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        new HashSet<>(r.value6()), new HashSet<>(r.value7())));
    }

    public long insert(String username, String displayName, String passwordHash) {
        return db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .returning(APP_USER.ID).fetchOne().getId();
    }

    public void addMemberships(long userId, Collection<Membership> memberships) {
        for (Membership m : memberships) {
            db.insertInto(COMMITTEE_MEMBERSHIP)
                    .set(COMMITTEE_MEMBERSHIP.USER_ID, userId)
                    .set(COMMITTEE_MEMBERSHIP.COMMITTEE_ID, m.committeeId())
                    .set(COMMITTEE_MEMBERSHIP.ROLE, m.role().name())
                    .execute();
        }
    }

    public void addDepartments(long userId, Collection<Long> departmentIds) {
        for (Long id : departmentIds) {
            db.insertInto(USER_DEPARTMENT).set(USER_DEPARTMENT.USER_ID, userId).set(USER_DEPARTMENT.DEPARTMENT_ID, id).execute();
        }
    }
}
