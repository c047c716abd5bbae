package se.uppfoljning.followup.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import se.uppfoljning.db.Tables;
import se.uppfoljning.db.tables.AppUser;
import se.uppfoljning.db.tables.Department;
import se.uppfoljning.db.tables.FollowUpEntry;
import se.uppfoljning.db.tables.FollowUpItem;
import se.uppfoljning.db.tables.PeriodItem;
import se.uppfoljning.db.tables.StatusValue;
import se.uppfoljning.db.tables.StrategicArea;
import se.uppfoljning.db.tables.StrategicGoal;
import se.uppfoljning.db.tables.records.FollowUpEntryRecord;
import se.uppfoljning.db.tables.records.FollowUpItemRecord;
import se.uppfoljning.followup.HistoryEntry;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.followup.StatusOption;
import se.uppfoljning.structure.StatusScale;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static se.uppfoljning.db.Tables.APP_USER;
import static se.uppfoljning.db.Tables.DEPARTMENT;
import static se.uppfoljning.db.Tables.FOLLOW_UP_ENTRY;
import static se.uppfoljning.db.Tables.FOLLOW_UP_HISTORY;
import static se.uppfoljning.db.Tables.FOLLOW_UP_ITEM;
import static se.uppfoljning.db.Tables.STATUS_VALUE;
import static se.uppfoljning.db.Tables.STRATEGIC_AREA;
import static se.uppfoljning.db.Tables.STRATEGIC_GOAL;

@Repository
public class FollowUpRepository {

    private static final FollowUpItem I = FOLLOW_UP_ITEM;
    private static final FollowUpEntry E = FOLLOW_UP_ENTRY;
    private static final StrategicArea A = STRATEGIC_AREA;
    private static final StrategicGoal G = STRATEGIC_GOAL;
    private static final StatusValue S = STATUS_VALUE;
    private static final Department D = DEPARTMENT;
    private static final AppUser U = APP_USER;
    private static final PeriodItem P = Tables.PERIOD_ITEM;

    /** Where an overview row's structure comes from: the live tables, or a decided period's snapshot. */
    record StructureColumns(Field<Long> areaId, Field<String> areaName,
                                    Field<Long> goalId, Field<Integer> goalNumber,
                                    Field<String> goalText, Field<Long> itemId,
                                    Field<String> kind, Field<String> number,
                                    Field<String> text, Field<String> targetText,
                                    Field<Long> departmentId, Field<String> owner,
                                    Field<Integer> planYear, Field<Boolean> carriedOver,
                                    Field<Boolean> derivedFromFinance) {
        List<Field<?>> fields() {
            return List.of(areaId, areaName, goalId, goalNumber, goalText, itemId, kind, number, text, targetText,
                    departmentId, owner, planYear, carriedOver, derivedFromFinance);
        }
    }

    static final StructureColumns LIVE = new StructureColumns(A.ID, A.NAME, G.ID, G.NUMBER, G.TEXT, I.ID,
            I.KIND, I.NUMBER, I.TEXT, I.TARGET_TEXT, I.DEPARTMENT_ID, D.NAME, I.PLAN_YEAR, I.CARRIED_OVER,
            I.DERIVED_FROM_FINANCE);
    static final StructureColumns DECIDED = new StructureColumns(P.AREA_ID, P.AREA_NAME, P.GOAL_ID,
            P.GOAL_NUMBER, P.GOAL_TEXT, P.ITEM_ID, P.KIND, P.NUMBER, P.TEXT, P.TARGET_TEXT, P.DEPARTMENT_ID, P.OWNER,
            P.PLAN_YEAR, P.CARRIED_OVER, P.DERIVED_FROM_FINANCE);

    private final DSLContext db;

    FollowUpRepository(DSLContext db) {
        this.db = db;
    }

    /** A flat row of the overview query: the item, where it sits in the report, and its entry in the period. */
    public record OverviewRecord(long areaId, String areaName, Long goalId, Integer goalNumber, String goalText,
                                 long itemId, ItemKind kind, String number, String text, String targetText,
                                 Long departmentId, String owner, int planYear, boolean carriedOver,
                                 boolean derivedFromFinance, String status, String statusTone, String comment,
                                 int version, OffsetDateTime updatedAt, String updatedBy, boolean fromPreviousPeriod,
                                 OffsetDateTime readyAt, String readyBy) {
    }

    /** Every item of the committee followed up in the period, in report order, in one statement. */
    public List<OverviewRecord> overview(long committeeId, long periodId, int year) {
        return overviewQuery(periodId, inPeriod(committeeId, year));
    }

    /** The items a period shows: its plan year's, retired ones only where they were followed up. */
    private static Condition inPeriod(long committeeId, int year) {
        return I.COMMITTEE_ID.eq(committeeId).and(I.PLAN_YEAR.eq(year))
                .and(I.RETIRED_AT.isNull().or(E.ID.isNotNull().and(E.FROM_PREVIOUS_PERIOD.isFalse())));
    }

    /**
     * Keeps the period's structure as it is now (areas, goals, items, owners) in {@code period_item}, replacing an
     * earlier one (a period decided again after reopening), in two statements.
     */
    public int insertDecidedStructure(long committeeId, long periodId, int year) {
        db.deleteFrom(P).where(P.PERIOD_ID.eq(periodId)).execute();
        return db.insertInto(P, P.PERIOD_ID, P.ITEM_ID, P.AREA_ID, P.AREA_NAME, P.AREA_SORT_ORDER, P.GOAL_ID,
                        P.GOAL_NUMBER, P.GOAL_TEXT, P.KIND, P.NUMBER, P.TEXT, P.TARGET_TEXT, P.DEPARTMENT_ID, P.OWNER,
                        P.PLAN_YEAR, P.CARRIED_OVER, P.DERIVED_FROM_FINANCE, P.SORT_ORDER)
                .select(db.select(DSL.val(periodId), I.ID, A.ID, A.NAME, A.SORT_ORDER, G.ID, G.NUMBER,
                                G.TEXT, I.KIND, I.NUMBER, I.TEXT, I.TARGET_TEXT, I.DEPARTMENT_ID, D.NAME, I.PLAN_YEAR,
                                I.CARRIED_OVER, I.DERIVED_FROM_FINANCE, I.SORT_ORDER)
                        .from(I)
                        .join(A).on(A.ID.eq(I.AREA_ID))
                        .leftJoin(G).on(G.ID.eq(I.STRATEGIC_GOAL_ID))
                        .leftJoin(D).on(D.ID.eq(I.DEPARTMENT_ID))
                        .leftJoin(E).on(E.ITEM_ID.eq(I.ID).and(E.PERIOD_ID.eq(periodId)))
                        .where(inPeriod(committeeId, year)))
                .execute();
    }

    /**
     * A decided period as it was decided: the structure from its snapshot, the entries as locked; in report order,
     * one statement. Empty when the period has no snapshot.
     */
    public List<OverviewRecord> decidedOverview(long periodId) {
        EntryColumns entry = new EntryColumns();
        return db.select(DECIDED.fields()).select(entry.fields())
                .from(P)
                .leftJoin(E).on(E.ITEM_ID.eq(P.ITEM_ID).and(E.PERIOD_ID.eq(P.PERIOD_ID)))
                .leftJoin(S).on(S.ID.eq(E.STATUS_ID))
                .leftJoin(U).on(U.USERNAME.eq(E.UPDATED_BY))
                .leftJoin(entry.readyUser).on(entry.readyUser.USERNAME.eq(E.READY_BY))
                .where(P.PERIOD_ID.eq(periodId))
                .orderBy(P.AREA_SORT_ORDER, field(P.KIND.eq(ItemKind.ASSIGNMENT.name())), P.GOAL_NUMBER,
                        P.CARRIED_OVER, P.SORT_ORDER, P.ITEM_ID)
                .fetch(r -> record(r, DECIDED, entry));
    }

    /** Every item of the committee, all plan years, retired ones included, without follow-up. */
    public List<OverviewRecord> structure(long committeeId) {
        return overviewQuery(-1, I.COMMITTEE_ID.eq(committeeId));
    }

    public Optional<OverviewRecord> row(long committeeId, long periodId, long itemId) {
        return overviewQuery(periodId, I.ID.eq(itemId).and(I.COMMITTEE_ID.eq(committeeId))).stream().findFirst();
    }

    private List<OverviewRecord> overviewQuery(long periodId, Condition condition) {
        EntryColumns entry = new EntryColumns();
        return db.select(LIVE.fields()).select(entry.fields())
                .from(I)
                .join(A).on(A.ID.eq(I.AREA_ID))
                .leftJoin(G).on(G.ID.eq(I.STRATEGIC_GOAL_ID))
                .leftJoin(D).on(D.ID.eq(I.DEPARTMENT_ID))
                .leftJoin(E).on(E.ITEM_ID.eq(I.ID).and(E.PERIOD_ID.eq(periodId)))
                .leftJoin(S).on(S.ID.eq(E.STATUS_ID))
                .leftJoin(U).on(U.USERNAME.eq(E.UPDATED_BY))
                .leftJoin(entry.readyUser).on(entry.readyUser.USERNAME.eq(E.READY_BY))
                .where(condition)
                .orderBy(A.SORT_ORDER, field(I.KIND.eq(ItemKind.ASSIGNMENT.name())), G.NUMBER, I.CARRIED_OVER,
                        I.SORT_ORDER, I.ID)
                .fetch(r -> record(r, LIVE, entry));
    }

    /** The entry's side of an overview row: status, comment, version, who saved and who marked it ready. */
    static final class EntryColumns {
        final AppUser readyUser = APP_USER.as("ready_user");
        final Field<String> updatedBy = coalesce(U.DISPLAY_NAME, E.UPDATED_BY).as("updated_by_name");
        final Field<String> readyBy = coalesce(readyUser.DISPLAY_NAME, E.READY_BY).as("ready_by_name");

        List<Field<?>> fields() {
            return List.of(S.LABEL, S.TONE, E.COMMENT, E.VERSION, E.UPDATED_AT, updatedBy, E.FROM_PREVIOUS_PERIOD,
                    E.READY_AT, readyBy);
        }
    }

    private static OverviewRecord record(Record r, StructureColumns c, EntryColumns e) {
        return new OverviewRecord(r.get(c.areaId()), r.get(c.areaName()), r.get(c.goalId()), r.get(c.goalNumber()),
                r.get(c.goalText()), r.get(c.itemId()), ItemKind.valueOf(r.get(c.kind())), r.get(c.number()),
                r.get(c.text()), r.get(c.targetText()), r.get(c.departmentId()), r.get(c.owner()),
                r.get(c.planYear()), r.get(c.carriedOver()), r.get(c.derivedFromFinance()), r.get(S.LABEL),
                r.get(S.TONE), r.get(E.COMMENT) == null ? "" : r.get(E.COMMENT),
                r.get(E.VERSION) == null ? 0 : r.get(E.VERSION), r.get(E.UPDATED_AT), r.get(e.updatedBy),
                Boolean.TRUE.equals(r.get(E.FROM_PREVIOUS_PERIOD)), r.get(E.READY_AT),
                r.get(E.READY_AT) == null ? null : r.get(e.readyBy));
    }

    /**
     * Marks the entries of the items ready that have a status and are not drafts from the previous period and are
     * not ready yet; returns the items marked.
     */
    public List<Long> markReady(Collection<Long> itemIds, long periodId, OffsetDateTime now, String username) {
        return db.update(E)
                .set(E.READY_AT, now)
                .set(E.READY_BY, username)
                .where(E.PERIOD_ID.eq(periodId).and(E.ITEM_ID.in(itemIds)).and(E.READY_AT.isNull())
                        .and(E.STATUS_ID.isNotNull()).and(E.FROM_PREVIOUS_PERIOD.isFalse()))
                .returning(E.ITEM_ID)
                .fetch(E.ITEM_ID);
    }

    /** Takes the ready mark away; false when it was not ready. */
    public boolean unmarkReady(long itemId, long periodId) {
        return db.update(E)
                .set(E.READY_AT, (OffsetDateTime) null)
                .set(E.READY_BY, (String) null)
                .where(E.ITEM_ID.eq(itemId).and(E.PERIOD_ID.eq(periodId)).and(E.READY_AT.isNotNull()))
                .execute() == 1;
    }

    public List<StatusOption> statuses(long organisationId) {
        return db.selectFrom(S).where(S.ORGANISATION_ID.eq(organisationId)).orderBy(S.SCALE.desc(), S.SORT_ORDER)
                .fetch(r -> new StatusOption(r.getId(), StatusScale.valueOf(r.getScale()), r.getLabel(), r.getTone()));
    }

    /** What the services need to know of an item to decide who may edit it. */
    public record ItemRef(long id, long committeeId, ItemKind kind, Long departmentId, boolean derivedFromFinance) {
    }

    public Optional<ItemRef> item(long itemId) {
        return db.selectFrom(I).where(I.ID.eq(itemId)).fetchOptional(r -> new ItemRef(r.getId(), r.getCommitteeId(),
                ItemKind.valueOf(r.getKind()), r.getDepartmentId(), r.getDerivedFromFinance()));
    }

    public Optional<FollowUpEntryRecord> lockEntry(long itemId, long periodId) {
        return db.selectFrom(E).where(E.ITEM_ID.eq(itemId).and(E.PERIOD_ID.eq(periodId))).forUpdate().fetchOptional();
    }

    /** The entries of the items in the period, locked for the caller's transaction, by item id. */
    public Map<Long, FollowUpEntryRecord> lockEntries(Collection<Long> itemIds, long periodId) {
        return db.selectFrom(E).where(E.PERIOD_ID.eq(periodId).and(E.ITEM_ID.eq(DSL.any(itemIds.toArray(Long[]::new))))).orderBy(E.ID).forUpdate()
                .fetchMap(E.ITEM_ID);
    }

    /** One entry update of a bulk write; {@code expectedVersion} was checked under the lock. */
    public record EntryUpdate(long entryId, int expectedVersion, Long statusId, String comment, String oldStatus,
                              String newStatus, String oldComment) {
    }

    /**
     * {@link #updateEntry} and {@link #insertHistory} for many entries locked by {@link #lockEntries}, as two JDBC
     * batches. Keep the columns written in step with those two methods.
     */
    public void updateEntries(List<EntryUpdate> updates, String username, OffsetDateTime now) {
        if (updates.isEmpty()) {
            return;
        }
        var update = db.batch(db.update(E)
                .set(E.STATUS_ID, (Long) null)
                .set(E.COMMENT, (String) null)
                .set(E.VERSION, (Integer) null)
                .set(E.UPDATED_AT, (OffsetDateTime) null)
                .set(E.UPDATED_BY, (String) null)
                .set(E.FROM_PREVIOUS_PERIOD, false)
                .where(E.ID.eq((Long) null).and(E.VERSION.eq((Integer) null))));
        for (EntryUpdate u : updates) {
            update.bind(u.statusId(), u.comment(), u.expectedVersion() + 1, now, username, false, u.entryId(),
                    u.expectedVersion());
        }
        int[] counts = update.execute();
        for (int count : counts) {
            if (count == 0) {
                throw new IllegalStateException("entry changed although locked");
            }
        }
        // as in updateEntry: an entry without a status is not ready
        Long[] withoutStatus = updates.stream().filter(u -> u.statusId() == null).map(EntryUpdate::entryId)
                .toArray(Long[]::new);
        if (withoutStatus.length > 0) {
            db.update(E).set(E.READY_AT, DSL.castNull(E.READY_AT))
                    .set(E.READY_BY, DSL.castNull(E.READY_BY))
                    .where(E.ID.eq(DSL.any(withoutStatus)).and(E.READY_AT.isNotNull()))
                    .execute();
        }
        var H = FOLLOW_UP_HISTORY;
        var history = db.batch(db.insertInto(H, H.ENTRY_ID, H.VERSION, H.OLD_STATUS, H.NEW_STATUS, H.OLD_COMMENT,
                H.NEW_COMMENT, H.CHANGED_BY, H.CHANGED_AT).values((Long) null, null, null, null, null, null, null, null));
        for (EntryUpdate u : updates) {
            history.bind(u.entryId(), u.expectedVersion() + 1, u.oldStatus(), u.newStatus(), u.oldComment(),
                    u.comment(), username, now);
        }
        history.execute();
    }

    /** An entry's status label and comment, for comparing two periods. */
    public record EntryValues(String status, String comment) {
    }

    /** Status and comment of every entry of the committee's items in a period, by item id, in one statement. */
    public Map<Long, EntryValues> entryValues(long committeeId, long periodId) {
        Map<Long, EntryValues> values = new HashMap<>();
        db.select(E.ITEM_ID, S.LABEL, E.COMMENT)
                .from(E)
                .join(I).on(I.ID.eq(E.ITEM_ID))
                .leftJoin(S).on(S.ID.eq(E.STATUS_ID))
                .where(E.PERIOD_ID.eq(periodId).and(I.COMMITTEE_ID.eq(committeeId)))
                .forEach(r -> values.put(r.value1(), new EntryValues(r.value2(), r.value3())));
        return values;
    }

    /** One item's status and comment in a period, if it has an entry there. */
    public Optional<EntryValues> entryValue(long itemId, long periodId) {
        return db.select(S.LABEL, E.COMMENT)
                .from(E)
                .leftJoin(S).on(S.ID.eq(E.STATUS_ID))
                .where(E.ITEM_ID.eq(itemId).and(E.PERIOD_ID.eq(periodId)))
                .fetchOptional(r -> new EntryValues(r.value1(), r.value2()));
    }

    public String statusLabel(Long statusId) {
        return statusId == null ? null : db.select(S.LABEL).from(S).where(S.ID.eq(statusId)).fetchOne(S.LABEL);
    }

    public String displayName(String username) {
        return db.select(U.DISPLAY_NAME).from(U).where(U.USERNAME.eq(username)).fetchOptional(U.DISPLAY_NAME)
                .orElse(username);
    }

    /** Inserts the first entry of an item in a period; empty when someone else inserted it meanwhile. */
    public Optional<Long> insertEntry(long itemId, long periodId, Long statusId, String comment, String username,
                                      OffsetDateTime now) {
        return db.insertInto(E)
                .set(E.ITEM_ID, itemId)
                .set(E.PERIOD_ID, periodId)
                .set(E.STATUS_ID, statusId)
                .set(E.COMMENT, comment)
                .set(E.VERSION, 1)
                .set(E.UPDATED_AT, now)
                .set(E.UPDATED_BY, username)
                .onConflictDoNothing()
                .returning(E.ID)
                .fetchOptional()
                .map(FollowUpEntryRecord::getId);
    }

    public boolean updateEntry(long entryId, int expectedVersion, Long statusId, String comment, String username,
                               OffsetDateTime now) {
        return db.update(E)
                .set(E.STATUS_ID, statusId)
                .set(E.COMMENT, comment)
                .set(E.VERSION, expectedVersion + 1)
                .set(E.UPDATED_AT, now)
                .set(E.UPDATED_BY, username)
                .set(E.FROM_PREVIOUS_PERIOD, false)
                // an entry without a status is not ready
                .set(E.READY_AT, statusId == null ? DSL.castNull(E.READY_AT) : E.READY_AT)
                .set(E.READY_BY, statusId == null ? DSL.castNull(E.READY_BY) : E.READY_BY)
                .where(E.ID.eq(entryId).and(E.VERSION.eq(expectedVersion)))
                .execute() == 1;
    }

    /**
     * Copies the statuses and comments of the committee's items of {@code year} from one period into another as
     * drafts (from_previous_period), with a first history row each; items retired or already followed up are left.
     * A retired item whose only entry in a period is such a draft is not part of that period.
     */
    public int insertDraftsFromPreviousPeriod(long committeeId, int year, long fromPeriodId, long toPeriodId, String username,
                         OffsetDateTime now) {
        var source = FOLLOW_UP_ENTRY.as("source");
        int copied = db.insertInto(E, E.ITEM_ID, E.PERIOD_ID, E.STATUS_ID, E.COMMENT, E.VERSION, E.UPDATED_AT,
                        E.UPDATED_BY, E.FROM_PREVIOUS_PERIOD)
                .select(db.select(I.ID, DSL.val(toPeriodId), source.STATUS_ID, source.COMMENT,
                                DSL.val(1), DSL.val(now), DSL.val(username),
                                DSL.val(true))
                        .from(source)
                        // an assignment carried into a new plan year starts from its last entry of the year before
                        .join(I).on(I.ID.eq(source.ITEM_ID).or(I.CARRIED_FROM_ITEM_ID.eq(source.ITEM_ID)))
                        .where(source.PERIOD_ID.eq(fromPeriodId)
                                .and(I.COMMITTEE_ID.eq(committeeId))
                                .and(I.PLAN_YEAR.eq(year))
                                .and(I.RETIRED_AT.isNull())))
                .onConflictDoNothing()
                .execute();
        db.insertInto(FOLLOW_UP_HISTORY, FOLLOW_UP_HISTORY.ENTRY_ID, FOLLOW_UP_HISTORY.VERSION,
                        FOLLOW_UP_HISTORY.OLD_STATUS, FOLLOW_UP_HISTORY.NEW_STATUS, FOLLOW_UP_HISTORY.OLD_COMMENT,
                        FOLLOW_UP_HISTORY.NEW_COMMENT, FOLLOW_UP_HISTORY.CHANGED_BY, FOLLOW_UP_HISTORY.CHANGED_AT)
                .select(db.select(E.ID, DSL.val(1), DSL.inline((String) null), S.LABEL,
                                DSL.inline((String) null), E.COMMENT, E.UPDATED_BY, E.UPDATED_AT)
                        .from(E).leftJoin(S).on(S.ID.eq(E.STATUS_ID))
                        .where(E.PERIOD_ID.eq(toPeriodId).and(E.FROM_PREVIOUS_PERIOD.isTrue())
                                .and(DSL.notExists(DSL.selectOne().from(FOLLOW_UP_HISTORY)
                                        .where(FOLLOW_UP_HISTORY.ENTRY_ID.eq(E.ID))))))
                .execute();
        return copied;
    }

    public void insertHistory(long entryId, int version, String oldStatus, String newStatus, String oldComment,
                              String newComment, String username, OffsetDateTime now) {
        db.insertInto(FOLLOW_UP_HISTORY)
                .set(FOLLOW_UP_HISTORY.ENTRY_ID, entryId)
                .set(FOLLOW_UP_HISTORY.VERSION, version)
                .set(FOLLOW_UP_HISTORY.OLD_STATUS, oldStatus)
                .set(FOLLOW_UP_HISTORY.NEW_STATUS, newStatus)
                .set(FOLLOW_UP_HISTORY.OLD_COMMENT, oldComment)
                .set(FOLLOW_UP_HISTORY.NEW_COMMENT, newComment)
                .set(FOLLOW_UP_HISTORY.CHANGED_BY, username)
                .set(FOLLOW_UP_HISTORY.CHANGED_AT, now)
                .execute();
    }

    /** Newest first. */
    public List<HistoryEntry> history(long itemId, long periodId) {
        var H = FOLLOW_UP_HISTORY;
        return db.select(H.VERSION, H.CHANGED_AT, coalesce(U.DISPLAY_NAME, H.CHANGED_BY), H.OLD_STATUS, H.NEW_STATUS,
                        H.OLD_COMMENT, H.NEW_COMMENT)
                .from(H)
                .join(E).on(E.ID.eq(H.ENTRY_ID))
                .leftJoin(U).on(U.USERNAME.eq(H.CHANGED_BY))
                .where(E.ITEM_ID.eq(itemId).and(E.PERIOD_ID.eq(periodId)))
                .orderBy(H.VERSION.desc(), H.ID.desc())
                .fetch(r -> new HistoryEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }
}
