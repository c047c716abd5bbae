package se.uppfoljning.users.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;
import se.uppfoljning.base.database.RenderedQuery;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.users.AssignableCommittee;
import se.uppfoljning.users.UserMembership;
import se.uppfoljning.users.UserSummary;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static se.uppfoljning.db.Tables.API_TOKEN;
import static se.uppfoljning.db.Tables.APP_USER;
import static se.uppfoljning.db.Tables.COMMITTEE;
import static se.uppfoljning.db.Tables.COMMITTEE_MEMBERSHIP;
import static se.uppfoljning.db.Tables.DEPARTMENT;
import static se.uppfoljning.db.Tables.USER_DEPARTMENT;

@Repository
public class UserRepository {

    private final DSLContext db;
    /** {@link #findByTokenHash}'s statement, rendered once: it runs on every API request with a token. */
    private final RenderedQuery byTokenHash;

    UserRepository(DSLContext db) {
        this.db = db;
        this.byTokenHash = new RenderedQuery(db, db.select(principalFields()).select(API_TOKEN.ID, API_TOKEN.SCOPE)
                .from(API_TOKEN).join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(param("hash", API_TOKEN.TOKEN_HASH.getDataType())), API_TOKEN.REVOKED_AT.isNull(),
                        API_TOKEN.EXPIRES_AT.gt(param("now", API_TOKEN.EXPIRES_AT.getDataType())), APP_USER.ENABLED.isTrue()),
                "hash", "now");
    }

    /** The user with memberships and departments in one statement. */
    public Optional<AppUserPrincipal> findPrincipal(String username) {
        return db.select(principalFields())
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(UserRepository::principal);
    }

    /** A valid API token's owner and the token (id, scope). */
    public record TokenPrincipal(long tokenId, String scope, AppUserPrincipal user) {
    }

    /**
     * The owner (with memberships and departments) of the API token with this SHA-256 hash, when the token is neither
     * revoked nor expired at {@code now} and the owner is enabled; one statement, nothing cached.
     */
    public Optional<TokenPrincipal> findByTokenHash(String hash, OffsetDateTime now) {
        // by position: the rendered statement's records know their columns by name only, not by table
        return byTokenHash.fetchOptional(db, r -> new TokenPrincipal((Long) r.get(8), (String) r.get(9), principal(r)),
                hash, now);
    }

    private static List<SelectField<?>> principalFields() {
        return List.of(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH, APP_USER.ENABLED,
                APP_USER.MUST_CHANGE_PASSWORD,
                multiset(select(COMMITTEE_MEMBERSHIP.COMMITTEE_ID, COMMITTEE_MEMBERSHIP.ROLE)
                        .from(COMMITTEE_MEMBERSHIP).where(COMMITTEE_MEMBERSHIP.USER_ID.eq(APP_USER.ID)))
                        .convertFrom(r -> r.map(m -> new Membership(m.value1(), Role.valueOf(m.value2()))))
                        .as("memberships"),
                multiset(select(USER_DEPARTMENT.DEPARTMENT_ID)
                        .from(USER_DEPARTMENT).where(USER_DEPARTMENT.USER_ID.eq(APP_USER.ID)))
                        .convertFrom(r -> r.map(m -> m.value1()))
                        .as("departments"));
    }

    /** The principal from a record that starts with {@link #principalFields()}, read by position. */
    @SuppressWarnings("unchecked")
    private static AppUserPrincipal principal(Record r) {
        return new AppUserPrincipal((Long) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3),
                (Boolean) r.get(4), (Boolean) r.get(5), new HashSet<>((List<Membership>) r.get(6)),
                new HashSet<>((List<Long>) r.get(7)));
    }

    /** Users with memberships (committee codes) and departments (names), by username; one statement. */
    public List<UserSummary> summaries() {
        return summaries(noCondition());
    }

    public Optional<UserSummary> summary(long id) {
        return summaries(APP_USER.ID.eq(id)).stream().findFirst();
    }

    private List<UserSummary> summaries(Condition condition) {
        return db.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ENABLED,
                        APP_USER.MUST_CHANGE_PASSWORD, APP_USER.CREATED_AT,
                        multiset(select(COMMITTEE_MEMBERSHIP.COMMITTEE_ID, COMMITTEE.CODE, COMMITTEE_MEMBERSHIP.ROLE)
                                .from(COMMITTEE_MEMBERSHIP).join(COMMITTEE).on(COMMITTEE.ID.eq(COMMITTEE_MEMBERSHIP.COMMITTEE_ID))
                                .where(COMMITTEE_MEMBERSHIP.USER_ID.eq(APP_USER.ID))
                                .orderBy(COMMITTEE.SORT_ORDER, COMMITTEE.ID, COMMITTEE_MEMBERSHIP.ROLE))
                                .convertFrom(r -> r.map(m -> new UserMembership(m.value1(), m.value2(), Role.valueOf(m.value3())))),
                        multiset(select(DEPARTMENT.ID, DEPARTMENT.COMMITTEE_ID, DEPARTMENT.NAME)
                                .from(USER_DEPARTMENT).join(DEPARTMENT).on(DEPARTMENT.ID.eq(USER_DEPARTMENT.DEPARTMENT_ID))
                                .where(USER_DEPARTMENT.USER_ID.eq(APP_USER.ID))
                                .orderBy(DEPARTMENT.COMMITTEE_ID, DEPARTMENT.SORT_ORDER, DEPARTMENT.NAME))
                                .convertFrom(r -> r.map(d -> new Department(d.value1(), d.value2(), d.value3()))),
                        APP_USER.EMAIL, APP_USER.LOCKED_UNTIL)
                .from(APP_USER)
                .where(condition)
                .orderBy(APP_USER.USERNAME)
                .fetch(r -> new UserSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }

    /** All committees with their departments. */
    public List<AssignableCommittee> committees() {
        return db.select(COMMITTEE.ID, COMMITTEE.SLUG, COMMITTEE.CODE, COMMITTEE.NAME,
                        multiset(select(DEPARTMENT.ID, DEPARTMENT.COMMITTEE_ID, DEPARTMENT.NAME).from(DEPARTMENT)
                                .where(DEPARTMENT.COMMITTEE_ID.eq(COMMITTEE.ID))
                                .orderBy(DEPARTMENT.SORT_ORDER, DEPARTMENT.NAME))
                                .convertFrom(r -> r.map(d -> new Department(d.value1(), d.value2(), d.value3()))))
                .from(COMMITTEE)
                .orderBy(COMMITTEE.SORT_ORDER, COMMITTEE.ID)
                .fetch(r -> new AssignableCommittee(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Map<Long, String> committeeCodes(Collection<Long> ids) {
        return db.select(COMMITTEE.ID, COMMITTEE.CODE).from(COMMITTEE).where(COMMITTEE.ID.in(ids))
                .fetchMap(COMMITTEE.ID, COMMITTEE.CODE);
    }

    public List<Department> departments(Collection<Long> ids) {
        return db.select(DEPARTMENT.ID, DEPARTMENT.COMMITTEE_ID, DEPARTMENT.NAME).from(DEPARTMENT)
                .where(DEPARTMENT.ID.in(ids)).orderBy(DEPARTMENT.COMMITTEE_ID, DEPARTMENT.SORT_ORDER, DEPARTMENT.NAME)
                .fetch(r -> new Department(r.value1(), r.value2(), r.value3()));
    }

    /** The login lock of an account (null inside when it has none); empty when there is no such account. */
    public Optional<Optional<OffsetDateTime>> lockedUntil(String username) {
        return db.select(APP_USER.LOCKED_UNTIL).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> Optional.ofNullable(r.value1()));
    }

    /** Sets or (null) lifts the login lock; the number of accounts changed. */
    public int setLockedUntil(String username, OffsetDateTime until) {
        return db.update(APP_USER).set(APP_USER.LOCKED_UNTIL, until).where(APP_USER.USERNAME.eq(username)).execute();
    }

    public boolean usernameExists(String username) {
        return db.fetchExists(APP_USER, APP_USER.USERNAME.equalIgnoreCase(username));
    }

    public void updateEmail(long userId, String email) {
        db.update(APP_USER).set(APP_USER.EMAIL, email).where(APP_USER.ID.eq(userId)).execute();
    }

    public long insert(String username, String displayName, String passwordHash, boolean mustChangePassword) {
        return db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
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

    /** Memberships and departments are current state, not history: the audit log keeps what they were. */
    public void replaceMembershipsAndDepartments(long userId, Collection<Membership> memberships,
                                                 Collection<Long> departmentIds) {
        db.deleteFrom(COMMITTEE_MEMBERSHIP).where(COMMITTEE_MEMBERSHIP.USER_ID.eq(userId)).execute();
        db.deleteFrom(USER_DEPARTMENT).where(USER_DEPARTMENT.USER_ID.eq(userId)).execute();
        addMemberships(userId, memberships);
        addDepartments(userId, departmentIds);
    }

    public void updateDisplayName(long userId, String displayName) {
        db.update(APP_USER).set(APP_USER.DISPLAY_NAME, displayName).where(APP_USER.ID.eq(userId)).execute();
    }

    public void updateEnabled(long userId, boolean enabled) {
        db.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(userId)).execute();
    }

    public void updatePassword(long userId, String passwordHash, boolean mustChangePassword) {
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .where(APP_USER.ID.eq(userId)).execute();
    }

    public Optional<String> passwordHash(long userId) {
        return db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.PASSWORD_HASH);
    }

    /**
     * The enabled users holding ADMIN somewhere, rows locked until the transaction ends, so two admins cannot
     * concurrently retire each other and leave none.
     */
    public Set<Long> lockActiveAdmins() {
        return new HashSet<>(db.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ENABLED.isTrue())
                .and(exists(selectOne().from(COMMITTEE_MEMBERSHIP)
                        .where(COMMITTEE_MEMBERSHIP.USER_ID.eq(APP_USER.ID))
                        .and(COMMITTEE_MEMBERSHIP.ROLE.eq(Role.ADMIN.name()))))
                .forUpdate()
                .fetch(APP_USER.ID));
    }

    /** The enabled officials of the committee who belong to the department, ascending ids. */
    public List<Long> departmentOfficials(long committeeId, long departmentId) {
        return db.selectDistinct(APP_USER.ID).from(APP_USER)
                .join(USER_DEPARTMENT).on(USER_DEPARTMENT.USER_ID.eq(APP_USER.ID))
                .join(COMMITTEE_MEMBERSHIP).on(COMMITTEE_MEMBERSHIP.USER_ID.eq(APP_USER.ID))
                .where(USER_DEPARTMENT.DEPARTMENT_ID.eq(departmentId)
                        .and(COMMITTEE_MEMBERSHIP.COMMITTEE_ID.eq(committeeId))
                        .and(COMMITTEE_MEMBERSHIP.ROLE.eq(Role.OFFICIAL.name()))
                        .and(APP_USER.ENABLED.isTrue()))
                .orderBy(APP_USER.ID)
                .fetch(APP_USER.ID);
    }
}
