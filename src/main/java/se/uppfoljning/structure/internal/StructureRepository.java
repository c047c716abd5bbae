package se.uppfoljning.structure.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import se.uppfoljning.db.tables.records.FollowUpItemRecord;
import se.uppfoljning.structure.ItemForm;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.structure.StrategicArea;
import se.uppfoljning.structure.StrategicGoal;
import se.uppfoljning.structure.StructureItem;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static se.uppfoljning.db.Tables.DEPARTMENT;
import static se.uppfoljning.db.Tables.FOLLOW_UP_ITEM;
import static se.uppfoljning.db.Tables.STRATEGIC_AREA;
import static se.uppfoljning.db.Tables.STRATEGIC_GOAL;

/** Areas, strategic goals and items as the secretariat edits them. */
@Repository
public class StructureRepository {

    private static final se.uppfoljning.db.tables.FollowUpItem I = FOLLOW_UP_ITEM;
    private static final se.uppfoljning.db.tables.StrategicArea A = STRATEGIC_AREA;
    private static final se.uppfoljning.db.tables.StrategicGoal G = STRATEGIC_GOAL;
    private static final se.uppfoljning.db.tables.Department D = DEPARTMENT;

    private final DSLContext db;

    StructureRepository(DSLContext db) {
        this.db = db;
    }

    public List<StrategicArea> areas(long organisationId) {
        return db.selectFrom(A).where(A.ORGANISATION_ID.eq(organisationId)).orderBy(A.SORT_ORDER, A.ID)
                .fetch(r -> new StrategicArea(r.getId(), r.getName(), r.getSortOrder()));
    }

    public boolean areaNameTaken(long organisationId, String name, Long exceptId) {
        return db.fetchExists(A, A.ORGANISATION_ID.eq(organisationId).and(A.NAME.equalIgnoreCase(name))
                .and(exceptId == null ? org.jooq.impl.DSL.trueCondition() : A.ID.ne(exceptId)));
    }

    public void renameArea(long areaId, String name) {
        db.update(A).set(A.NAME, name).where(A.ID.eq(areaId)).execute();
    }

    /** Rewrites the areas' order as given (ids in the new order). */
    public void reorderAreas(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            db.update(A).set(A.SORT_ORDER, i).where(A.ID.eq(ids.get(i))).execute();
        }
    }

    public List<StrategicGoal> goals(long organisationId) {
        return db.selectFrom(G).where(G.ORGANISATION_ID.eq(organisationId)).orderBy(G.NUMBER)
                .fetch(r -> new StrategicGoal(r.getId(), r.getNumber(), r.getText(), r.getAreaId()));
    }

    public void updateGoal(long goalId, String text, long areaId) {
        db.update(G).set(G.TEXT, text).set(G.AREA_ID, areaId).where(G.ID.eq(goalId)).execute();
    }

    public List<StructureItem> items(long committeeId, int planYear) {
        return db.select(I.ID, I.KIND, I.AREA_ID, A.NAME, I.STRATEGIC_GOAL_ID, G.NUMBER, I.NUMBER, I.TEXT,
                        I.TARGET_TEXT, I.DEPARTMENT_ID, D.NAME, I.PLAN_YEAR, I.CARRIED_OVER, I.DERIVED_FROM_FINANCE,
                        I.RETIRED_AT)
                .from(I)
                .join(A).on(A.ID.eq(I.AREA_ID))
                .leftJoin(G).on(G.ID.eq(I.STRATEGIC_GOAL_ID))
                .leftJoin(D).on(D.ID.eq(I.DEPARTMENT_ID))
                .where(I.COMMITTEE_ID.eq(committeeId).and(I.PLAN_YEAR.eq(planYear)))
                .orderBy(A.SORT_ORDER, org.jooq.impl.DSL.field(I.KIND.eq(ItemKind.ASSIGNMENT.name())), G.NUMBER,
                        I.CARRIED_OVER, I.SORT_ORDER, I.ID)
                .fetch(r -> new StructureItem(r.value1(), ItemKind.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12(), r.value13(), r.value14(), r.value15() != null));
    }

    public Optional<Long> itemCommittee(long itemId) {
        return db.select(I.COMMITTEE_ID).from(I).where(I.ID.eq(itemId)).fetchOptional(I.COMMITTEE_ID);
    }

    public boolean numberTaken(long committeeId, int planYear, String number, Long exceptId) {
        return db.fetchExists(I, I.COMMITTEE_ID.eq(committeeId).and(I.PLAN_YEAR.eq(planYear)).and(I.NUMBER.eq(number))
                .and(exceptId == null ? org.jooq.impl.DSL.trueCondition() : I.ID.ne(exceptId)));
    }

    public boolean departmentOf(long departmentId, long committeeId) {
        return db.fetchExists(D, D.ID.eq(departmentId).and(D.COMMITTEE_ID.eq(committeeId)));
    }

    /** An item's fields as the form gives them; assignments carry no goal or number, goals are never carried over. */
    private static java.util.Map<org.jooq.Field<?>, Object> contents(long areaId, ItemForm form) {
        boolean assignment = form.kind() == ItemKind.ASSIGNMENT;
        java.util.Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(I.KIND, form.kind().name());
        values.put(I.AREA_ID, areaId);
        values.put(I.STRATEGIC_GOAL_ID, assignment ? null : form.strategicGoalId());
        values.put(I.NUMBER, assignment ? null : form.number());
        values.put(I.TEXT, form.text());
        values.put(I.TARGET_TEXT, form.targetText());
        values.put(I.DEPARTMENT_ID, form.departmentId());
        values.put(I.PLAN_YEAR, form.planYear());
        values.put(I.CARRIED_OVER, assignment && form.carriedOver());
        values.put(I.DERIVED_FROM_FINANCE, !assignment && form.derivedFromFinance());
        return values;
    }

    /** New items go last within their table. */
    public long insertItem(long committeeId, long areaId, ItemForm form) {
        Integer max = db.select(org.jooq.impl.DSL.max(I.SORT_ORDER)).from(I).where(I.COMMITTEE_ID.eq(committeeId))
                .fetchOne(0, Integer.class);
        return db.insertInto(I)
                .set(I.COMMITTEE_ID, committeeId)
                .set(contents(areaId, form))
                .set(I.SORT_ORDER, max == null ? 0 : max + 1)
                .returning(I.ID).fetchOne().getId();
    }

    public void updateItem(long itemId, long areaId, ItemForm form) {
        db.update(I)
                .set(contents(areaId, form))
                .where(I.ID.eq(itemId))
                .execute();
    }

    public void setRetired(long itemId, boolean retired) {
        db.update(I).set(I.RETIRED_AT, retired ? OffsetDateTime.now(ZoneOffset.UTC) : null).where(I.ID.eq(itemId))
                .execute();
    }

    /**
     * The committee's assignments of {@code year}, not retired and not yet carried into the next year, whose latest
     * entry that year is not done (done: the assignment scale's success status, "Genomfört"); with that entry.
     */
    public List<se.uppfoljning.structure.RemainingAssignment> unfinishedAssignments(long committeeId, int year) {
        var E = se.uppfoljning.db.Tables.FOLLOW_UP_ENTRY;
        var P = se.uppfoljning.db.Tables.REPORTING_PERIOD;
        var S = se.uppfoljning.db.Tables.STATUS_VALUE;
        var next = FOLLOW_UP_ITEM.as("next");
        var last = org.jooq.impl.DSL.lateral(db.select(E.STATUS_ID, E.COMMENT).from(E).join(P).on(P.ID.eq(E.PERIOD_ID))
                .where(E.ITEM_ID.eq(I.ID)).orderBy(P.END_DATE.desc()).limit(1)).as("last");
        var lastStatus = last.field(E.STATUS_ID);
        return db.select(I.ID, A.NAME, I.TEXT, D.NAME, S.LABEL)
                .from(I)
                .join(A).on(A.ID.eq(I.AREA_ID))
                .leftJoin(D).on(D.ID.eq(I.DEPARTMENT_ID))
                .leftJoin(last).on(org.jooq.impl.DSL.trueCondition())
                .leftJoin(S).on(S.ID.eq(lastStatus))
                .where(I.COMMITTEE_ID.eq(committeeId).and(I.PLAN_YEAR.eq(year))
                        .and(I.KIND.eq(ItemKind.ASSIGNMENT.name())).and(I.RETIRED_AT.isNull())
                        .and(S.TONE.isDistinctFrom("success"))
                        .and(org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(next)
                                .where(next.CARRIED_FROM_ITEM_ID.eq(I.ID)))))
                .orderBy(A.SORT_ORDER, I.CARRIED_OVER, I.SORT_ORDER, I.ID)
                .fetch(r -> new se.uppfoljning.structure.RemainingAssignment(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5()));
    }

    /** Copies the given assignments into {@code year} as carried over ("Kvarstående uppdrag från ÖSB {year - 1}"). */
    public int copyRemainingAssignments(List<Long> itemIds, int year) {
        return db.insertInto(I, I.COMMITTEE_ID, I.KIND, I.AREA_ID, I.TEXT, I.TARGET_TEXT, I.DEPARTMENT_ID, I.PLAN_YEAR,
                        I.CARRIED_OVER, I.DERIVED_FROM_FINANCE, I.SORT_ORDER, I.CARRIED_FROM_ITEM_ID)
                .select(db.select(I.COMMITTEE_ID, I.KIND, I.AREA_ID, I.TEXT, I.TARGET_TEXT, I.DEPARTMENT_ID,
                                org.jooq.impl.DSL.val(year), org.jooq.impl.DSL.val(true), org.jooq.impl.DSL.val(false),
                                I.SORT_ORDER, I.ID)
                        .from(I).where(I.ID.in(itemIds)).orderBy(I.SORT_ORDER, I.ID))
                .execute();
    }

    // --- areas, goals and items as the structure import writes them -----------------------------------------------------------------

    public Long findArea(long organisationId, String name) {
        return db.select(A.ID).from(A).where(A.ORGANISATION_ID.eq(organisationId).and(A.NAME.eq(name))).fetchOne(A.ID);
    }

    public long insertArea(long organisationId, String name) {
        int order = db.fetchCount(A, A.ORGANISATION_ID.eq(organisationId));
        return db.insertInto(A).set(A.ORGANISATION_ID, organisationId).set(A.NAME, name).set(A.SORT_ORDER, order)
                .returning(A.ID).fetchOne().getId();
    }

    public Record findGoal(long organisationId, int number) {
        return db.select(G.ID, G.TEXT, G.AREA_ID).from(G)
                .where(G.ORGANISATION_ID.eq(organisationId).and(G.NUMBER.eq(number))).fetchOne();
    }

    public long insertGoal(long organisationId, long areaId, int number, String text) {
        return db.insertInto(G).set(G.ORGANISATION_ID, organisationId).set(G.AREA_ID, areaId).set(G.NUMBER, number)
                .set(G.TEXT, text).returning(G.ID).fetchOne().getId();
    }

    /** An item as an import delivers it. */
    public record ItemData(long committeeId, ItemKind kind, long areaId, Long strategicGoalId, String number,
                           String text, String targetText, long departmentId, int planYear, boolean carriedOver,
                           boolean derivedFromFinance, int sortOrder) {
    }

    public enum UpsertOutcome { CREATED, UPDATED, UNCHANGED }

    /** The item and what it was before the import (for the preview: renamed, moved, new owner); nulls when new. */
    public record Upserted(long id, UpsertOutcome outcome, String oldText, Long oldAreaId, Long oldGoalId,
                           Long oldDepartmentId) {
    }

    /**
     * Inserts the item or updates the existing one; goals and indicators are identified by number, assignments by
     * text, within a committee's plan year. Unchanged items are not written.
     */
    public Upserted upsertItem(ItemData data) {
        Condition key = data.kind() == ItemKind.ASSIGNMENT
                ? I.KIND.eq(data.kind().name()).and(I.TEXT.eq(data.text()))
                : I.NUMBER.eq(data.number());
        FollowUpItemRecord item = db.selectFrom(I)
                .where(I.COMMITTEE_ID.eq(data.committeeId()).and(I.PLAN_YEAR.eq(data.planYear())).and(key))
                .fetchOptional().orElse(null);
        boolean isNew = item == null;
        String oldText = isNew ? null : item.getText();
        Long oldAreaId = isNew ? null : item.getAreaId();
        Long oldGoalId = isNew ? null : item.getStrategicGoalId();
        Long oldDepartmentId = isNew ? null : item.getDepartmentId();
        if (isNew) {
            item = db.newRecord(I);
            item.setCommitteeId(data.committeeId());
        }
        item.setKind(data.kind().name());
        item.setAreaId(data.areaId());
        item.setStrategicGoalId(data.strategicGoalId());
        item.setNumber(data.number());
        item.setText(data.text());
        item.setTargetText(data.targetText());
        item.setDepartmentId(data.departmentId());
        item.setPlanYear(data.planYear());
        item.setCarriedOver(data.carriedOver());
        item.setDerivedFromFinance(data.derivedFromFinance());
        item.setSortOrder(data.sortOrder());
        if (isNew) {
            item.store();
            return new Upserted(item.getId(), UpsertOutcome.CREATED, null, null, null, null);
        }
        if (differsFromStored(item)) {
            item.store();
            return new Upserted(item.getId(), UpsertOutcome.UPDATED, oldText, oldAreaId, oldGoalId, oldDepartmentId);
        }
        return new Upserted(item.getId(), UpsertOutcome.UNCHANGED, oldText, oldAreaId, oldGoalId, oldDepartmentId);
    }

    private static boolean differsFromStored(FollowUpItemRecord item) {
        for (var field : item.fields()) {
            if (!java.util.Objects.equals(item.get(field), item.original(field))) {
                return true;
            }
        }
        return false;
    }
}
