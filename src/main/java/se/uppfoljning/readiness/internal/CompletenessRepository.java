package se.uppfoljning.readiness.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import se.uppfoljning.readiness.DepartmentCompleteness.Owner;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;
import static se.uppfoljning.db.Tables.APP_USER;
import static se.uppfoljning.db.Tables.COMMITTEE_MEMBERSHIP;
import static se.uppfoljning.db.Tables.DEPARTMENT;
import static se.uppfoljning.db.Tables.FOLLOW_UP_ENTRY;
import static se.uppfoljning.db.Tables.FOLLOW_UP_ITEM;
import static se.uppfoljning.db.Tables.STRATEGIC_AREA;
import static se.uppfoljning.db.Tables.STRATEGIC_GOAL;
import static se.uppfoljning.db.Tables.USER_DEPARTMENT;

/** The two statements behind completeness: every item of the period with its entry's state, and the owners. */
@Repository
public class CompletenessRepository {

    private static final se.uppfoljning.db.tables.FollowUpItem I = FOLLOW_UP_ITEM;
    private static final se.uppfoljning.db.tables.FollowUpEntry E = FOLLOW_UP_ENTRY;
    private static final se.uppfoljning.db.tables.Department D = DEPARTMENT;

    private final DSLContext db;

    CompletenessRepository(DSLContext db) {
        this.db = db;
    }

    /** One item of the period and what its entry lacks. */
    public record ItemState(long itemId, String number, String text, Long departmentId, String department,
                            boolean withoutStatus, boolean withoutComment, boolean draft, boolean notReady) {
    }

    /**
     * The committee's items followed up in the period (as the overview shows them: retired items only where they were
     * followed up), grouped by department in its order, then in report order.
     */
    public List<ItemState> items(long committeeId, long periodId, int year) {
        return db.select(I.ID, I.NUMBER, I.TEXT, I.DEPARTMENT_ID, D.NAME, E.STATUS_ID.isNull(),
                        coalesce(E.COMMENT, inline("")).eq(inline("")), coalesce(E.FROM_PREVIOUS_PERIOD, inline(false)),
                        E.READY_AT.isNull())
                .from(I)
                .join(STRATEGIC_AREA).on(STRATEGIC_AREA.ID.eq(I.AREA_ID))
                .leftJoin(STRATEGIC_GOAL).on(STRATEGIC_GOAL.ID.eq(I.STRATEGIC_GOAL_ID))
                .leftJoin(D).on(D.ID.eq(I.DEPARTMENT_ID))
                .leftJoin(E).on(E.ITEM_ID.eq(I.ID).and(E.PERIOD_ID.eq(periodId)))
                .where(I.COMMITTEE_ID.eq(committeeId).and(I.PLAN_YEAR.eq(year))
                        .and(I.RETIRED_AT.isNull().or(E.ID.isNotNull().and(E.FROM_PREVIOUS_PERIOD.isFalse()))))
                .orderBy(D.SORT_ORDER.nullsLast(), D.NAME, STRATEGIC_AREA.SORT_ORDER,
                        field(I.KIND.eq("ASSIGNMENT")), STRATEGIC_GOAL.NUMBER, I.CARRIED_OVER, I.SORT_ORDER, I.ID)
                .fetch(r -> new ItemState(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        Boolean.TRUE.equals(r.value6()), Boolean.TRUE.equals(r.value7()),
                        Boolean.TRUE.equals(r.value8()), Boolean.TRUE.equals(r.value9())));
    }

    /** The enabled officials of each department of the committee (users in the department with the OFFICIAL role). */
    public Map<Long, List<Owner>> owners(long committeeId) {
        return db.select(USER_DEPARTMENT.DEPARTMENT_ID, APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL)
                .from(USER_DEPARTMENT)
                .join(APP_USER).on(APP_USER.ID.eq(USER_DEPARTMENT.USER_ID))
                .join(D).on(D.ID.eq(USER_DEPARTMENT.DEPARTMENT_ID))
                .where(D.COMMITTEE_ID.eq(committeeId).and(APP_USER.ENABLED.isTrue())
                        .and(exists(selectOne().from(COMMITTEE_MEMBERSHIP)
                                .where(COMMITTEE_MEMBERSHIP.USER_ID.eq(APP_USER.ID)
                                        .and(COMMITTEE_MEMBERSHIP.COMMITTEE_ID.eq(D.COMMITTEE_ID))
                                        .and(COMMITTEE_MEMBERSHIP.ROLE.eq("OFFICIAL"))))))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .fetchGroups(r -> r.value1(), r -> new Owner(r.value2(), r.value3(), r.value4()))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }
}
