package se.uppfoljning.indicators.internal;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Repository;
import se.uppfoljning.db.tables.FollowUpItem;
import se.uppfoljning.db.tables.IndicatorValue;
import se.uppfoljning.db.tables.IndicatorValueHistory;
import se.uppfoljning.db.tables.records.IndicatorTargetRecord;
import se.uppfoljning.db.tables.records.IndicatorValueRecord;
import se.uppfoljning.indicators.IndicatorTarget;
import se.uppfoljning.indicators.MeasuredValue;
import se.uppfoljning.indicators.TargetKind;
import se.uppfoljning.indicators.ValueHistoryEntry;
import se.uppfoljning.indicators.ValueSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static se.uppfoljning.db.Tables.FOLLOW_UP_ITEM;
import static se.uppfoljning.db.Tables.INDICATOR_TARGET;
import static se.uppfoljning.db.Tables.INDICATOR_VALUE;
import static se.uppfoljning.db.Tables.INDICATOR_VALUE_HISTORY;
import static se.uppfoljning.db.Tables.STATUS_VALUE;

/** The indicators feature's tables: targets, measured values and their history. */
@Repository
public class IndicatorRepository {

    private static final se.uppfoljning.db.tables.IndicatorTarget T = INDICATOR_TARGET;
    private static final IndicatorValue V = INDICATOR_VALUE;
    private static final IndicatorValueHistory H = INDICATOR_VALUE_HISTORY;
    private static final FollowUpItem I = FOLLOW_UP_ITEM;

    private final DSLContext db;

    IndicatorRepository(DSLContext db) {
        this.db = db;
    }

    /** An item as the rights and texts need it. {@code kind}: COMMITTEE_GOAL, INDICATOR or ASSIGNMENT. */
    public record ItemInfo(long id, long committeeId, String kind, Long departmentId, String number, String text,
                           String targetText) {
    }

    public Optional<ItemInfo> item(long itemId) {
        return db.select(I.ID, I.COMMITTEE_ID, I.KIND, I.DEPARTMENT_ID, I.NUMBER, I.TEXT, I.TARGET_TEXT)
                .from(I).where(I.ID.eq(itemId))
                .fetchOptional(r -> new ItemInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    /** The committee's item with the number in the plan year (not retired). */
    public Optional<Long> itemByNumber(long committeeId, int planYear, String number) {
        return db.select(I.ID).from(I)
                .where(I.COMMITTEE_ID.eq(committeeId).and(I.PLAN_YEAR.eq(planYear)).and(I.NUMBER.eq(number)))
                .fetchOptional(I.ID);
    }

    /** The committee's items of the plan year by number (goals and indicators have one), in one statement. */
    public Map<String, ItemInfo> itemsByNumber(long committeeId, int planYear) {
        Map<String, ItemInfo> result = new HashMap<>();
        db.select(I.ID, I.COMMITTEE_ID, I.KIND, I.DEPARTMENT_ID, I.NUMBER, I.TEXT, I.TARGET_TEXT)
                .from(I).where(I.COMMITTEE_ID.eq(committeeId).and(I.PLAN_YEAR.eq(planYear)).and(I.NUMBER.isNotNull()))
                .orderBy(I.RETIRED_AT.nullsFirst(), I.ID)
                .fetch().forEach(r -> result.putIfAbsent(r.value5(), new ItemInfo(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7())));
        return result;
    }

    public Optional<IndicatorTarget> target(long itemId) {
        return db.selectFrom(T).where(T.ITEM_ID.eq(itemId)).fetchOptional(IndicatorRepository::target);
    }

    private static IndicatorTarget target(IndicatorTargetRecord r) {
        return new IndicatorTarget(r.getItemId(), TargetKind.valueOf(r.getTargetKind()), r.getTargetValue(),
                r.getUnit(), r.getComparisonYear(), r.getKoladaKpi(), r.getKoladaMunicipality(), r.getKoladaOu(),
                r.getVersion(), r.getUpdatedAt(), r.getUpdatedBy());
    }

    /**
     * Writes the target when {@code expectedVersion} is the stored one (0: none stored); false when someone saved in
     * between (nothing written).
     */
    public boolean writeTarget(IndicatorTarget t, int expectedVersion, String user, OffsetDateTime now) {
        if (expectedVersion == 0) {
            return db.insertInto(T, T.ITEM_ID, T.TARGET_KIND, T.TARGET_VALUE, T.UNIT, T.COMPARISON_YEAR, T.KOLADA_KPI,
                            T.KOLADA_MUNICIPALITY, T.KOLADA_OU, T.VERSION, T.UPDATED_AT, T.UPDATED_BY)
                    .values(t.itemId(), t.kind().name(), t.value(), t.unit(), t.comparisonYear(), t.koladaKpi(),
                            t.koladaMunicipality(), t.koladaUnit(), 1, now, user)
                    .onConflictDoNothing().execute() == 1;
        }
        return db.update(T).set(T.TARGET_KIND, t.kind().name()).set(T.TARGET_VALUE, t.value()).set(T.UNIT, t.unit())
                .set(T.COMPARISON_YEAR, t.comparisonYear()).set(T.KOLADA_KPI, t.koladaKpi())
                .set(T.KOLADA_MUNICIPALITY, t.koladaMunicipality()).set(T.KOLADA_OU, t.koladaUnit())
                .set(T.VERSION, T.VERSION.plus(1)).set(T.UPDATED_AT, now).set(T.UPDATED_BY, user)
                .where(T.ITEM_ID.eq(t.itemId()).and(T.VERSION.eq(expectedVersion))).execute() == 1;
    }

    public List<MeasuredValue> values(long itemId) {
        return db.selectFrom(V).where(V.ITEM_ID.eq(itemId)).orderBy(V.YEAR, V.GENDER.desc())
                .fetch(IndicatorRepository::value);
    }

    private static MeasuredValue value(IndicatorValueRecord r) {
        return new MeasuredValue(r.getYear(), r.getGender(), r.getValue(), r.getPreliminary(),
                ValueSource.valueOf(r.getSource()), r.getSourceRef(), r.getSourceFlag(), r.getFetchedAt(),
                r.getVersion(), r.getUpdatedAt(), r.getUpdatedBy());
    }

    public List<ValueHistoryEntry> history(long itemId) {
        return db.select(V.YEAR, V.GENDER, H.VERSION, H.OLD_VALUE, H.NEW_VALUE, H.OLD_PRELIMINARY, H.NEW_PRELIMINARY,
                        H.SOURCE, H.SOURCE_REF, H.CHANGED_BY, H.CHANGED_AT)
                .from(H).join(V).on(V.ID.eq(H.VALUE_ID))
                .where(V.ITEM_ID.eq(itemId))
                .orderBy(H.ID.desc())
                .fetch(r -> new ValueHistoryEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), ValueSource.valueOf(r.value8()), r.value9(), r.value10(), r.value11()));
    }

    /** A value as stored, for comparing before writing. */
    public record StoredValue(long id, long itemId, int year, String gender, BigDecimal value, boolean preliminary,
                              String source, int version) {
    }

    public Optional<StoredValue> storedValue(long itemId, int year, String gender) {
        return db.selectFrom(V).where(V.ITEM_ID.eq(itemId).and(V.YEAR.eq(year)).and(V.GENDER.eq(gender)))
                .fetchOptional(IndicatorRepository::stored);
    }

    /** The stored values of the items, keyed item → "year:gender". One statement. */
    public Map<Long, Map<String, StoredValue>> storedValues(Collection<Long> itemIds) {
        Map<Long, Map<String, StoredValue>> result = new HashMap<>();
        db.selectFrom(V).where(V.ITEM_ID.in(itemIds)).fetch().forEach(r -> result
                .computeIfAbsent(r.getItemId(), k -> new HashMap<>())
                .put(r.getYear() + ":" + r.getGender(), stored(r)));
        return result;
    }

    private static StoredValue stored(IndicatorValueRecord r) {
        return new StoredValue(r.getId(), r.getItemId(), r.getYear(), r.getGender(), r.getValue(), r.getPreliminary(),
                r.getSource(), r.getVersion());
    }

    /** A value to write: new (no {@code before}) or a change of {@code before}. */
    public record ValueWrite(long itemId, int year, String gender, BigDecimal value, boolean preliminary,
                             ValueSource source, String sourceRef, String flag, OffsetDateTime fetchedAt,
                             StoredValue before) {
    }

    /**
     * Writes the values with their history in a fixed number of statements (one insert of the new rows, one batch of
     * updates, one insert of the history), whatever their number. Updates are conditional on the version read;
     * returns false (and the caller must roll back) when one of them finds another version.
     */
    public boolean write(List<ValueWrite> writes, String user, OffsetDateTime now) {
        if (writes.isEmpty()) {
            return true;
        }
        List<ValueWrite> inserts = writes.stream().filter(w -> w.before() == null).toList();
        List<ValueWrite> updates = writes.stream().filter(w -> w.before() != null).toList();
        var historyInsert = db.insertInto(H, H.VALUE_ID, H.VERSION, H.OLD_VALUE, H.NEW_VALUE, H.OLD_PRELIMINARY,
                H.NEW_PRELIMINARY, H.SOURCE, H.SOURCE_REF, H.CHANGED_BY, H.CHANGED_AT);
        if (!inserts.isEmpty()) {
            var insert = db.insertInto(V, V.ITEM_ID, V.YEAR, V.GENDER, V.VALUE, V.PRELIMINARY, V.SOURCE_FLAG, V.SOURCE,
                    V.SOURCE_REF, V.FETCHED_AT, V.VERSION, V.UPDATED_AT, V.UPDATED_BY);
            for (ValueWrite w : inserts) {
                insert = insert.values(w.itemId(), w.year(), w.gender(), w.value(), w.preliminary(), w.flag(),
                        w.source().name(), w.sourceRef(), w.fetchedAt(), 1, now, user);
            }
            Map<String, Long> ids = new HashMap<>();
            insert.returning(V.ID, V.ITEM_ID, V.YEAR, V.GENDER).fetch()
                    .forEach(r -> ids.put(r.getItemId() + ":" + r.getYear() + ":" + r.getGender(), r.getId()));
            for (ValueWrite w : inserts) {
                historyInsert = historyInsert.values(ids.get(w.itemId() + ":" + w.year() + ":" + w.gender()), 1, null,
                        w.value(), null, w.preliminary(), w.source().name(), w.sourceRef(), user, now);
            }
        }
        if (!updates.isEmpty()) {
            List<Query> queries = new ArrayList<>();
            for (ValueWrite w : updates) {
                queries.add(db.update(V).set(V.VALUE, w.value()).set(V.PRELIMINARY, w.preliminary())
                        .set(V.SOURCE_FLAG, w.flag()).set(V.SOURCE, w.source().name()).set(V.SOURCE_REF, w.sourceRef())
                        .set(V.FETCHED_AT, w.fetchedAt()).set(V.VERSION, w.before().version() + 1)
                        .set(V.UPDATED_AT, now).set(V.UPDATED_BY, user)
                        .where(V.ID.eq(w.before().id()).and(V.VERSION.eq(w.before().version()))));
                historyInsert = historyInsert.values(w.before().id(), w.before().version() + 1, w.before().value(),
                        w.value(), w.before().preliminary(), w.preliminary(), w.source().name(), w.sourceRef(), user,
                        now);
            }
            int[] counts = queries.size() == 1 ? new int[]{queries.get(0).execute()} : db.batch(queries).execute();
            for (int count : counts) {
                // a JDBC driver may report "success, count unknown" (-2) for batched statements
                if (count == 0) {
                    return false;
                }
            }
        }
        historyInsert.execute();
        return true;
    }

    /** Only the fetch time of unchanged Kolada values, in one statement. */
    public void touchFetched(Collection<Long> valueIds, OffsetDateTime now) {
        if (!valueIds.isEmpty()) {
            db.update(V).set(V.FETCHED_AT, now).where(V.ID.in(valueIds)).execute();
        }
    }

    /** The committee's items with a Kolada link (not retired), in report order. */
    public List<IndicatorTarget> linkedTargets(long committeeId) {
        return db.select(T.fields()).from(T).join(I).on(I.ID.eq(T.ITEM_ID))
                .where(I.COMMITTEE_ID.eq(committeeId).and(I.RETIRED_AT.isNull()).and(T.KOLADA_KPI.isNotNull())
                        .and(T.KOLADA_MUNICIPALITY.isNotNull().or(T.KOLADA_OU.isNotNull())))
                .orderBy(I.SORT_ORDER, I.ID)
                .fetch(r -> target(r.into(T)));
    }

    /** Every target of the committee's items, with their total values (oldest first): two statements. */
    public Map<Long, TargetAndTotals> targetsWithTotals(long committeeId) {
        Map<Long, TargetAndTotals> result = new LinkedHashMap<>();
        db.select(T.fields()).from(T).join(I).on(I.ID.eq(T.ITEM_ID)).where(I.COMMITTEE_ID.eq(committeeId))
                .fetch(r -> target(r.into(T)))
                .forEach(t -> result.put(t.itemId(), new TargetAndTotals(t, new ArrayList<>())));
        if (!result.isEmpty()) {
            db.selectFrom(V).where(V.ITEM_ID.in(result.keySet()).and(V.GENDER.eq("T"))).orderBy(V.YEAR)
                    .fetch(r -> Map.entry(r.getItemId(), value(r)))
                    .forEach(e -> result.get(e.getKey()).totals().add(e.getValue()));
        }
        return result;
    }

    public record TargetAndTotals(IndicatorTarget target, List<MeasuredValue> totals) {

        /** The same target with the values of {@code lastYear} and before (totals are in year order). */
        public TargetAndTotals upTo(int lastYear) {
            return new TargetAndTotals(target, totals.stream().filter(v -> v.year() <= lastYear).toList());
        }
    }

    /** The organisation's goal scale: label → tone (success, warning, error, contrast), in scale order. */
    public Map<String, String> goalScale(long organisationId) {
        Map<String, String> result = new LinkedHashMap<>();
        db.select(STATUS_VALUE.LABEL, STATUS_VALUE.TONE).from(STATUS_VALUE)
                .where(STATUS_VALUE.ORGANISATION_ID.eq(organisationId).and(STATUS_VALUE.SCALE.eq("GOAL")))
                .orderBy(STATUS_VALUE.SORT_ORDER).fetch().forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    /** The items' department and printed number/text, for the notifications of a refresh. */
    public Map<Long, ItemInfo> items(Collection<Long> itemIds) {
        Map<Long, ItemInfo> result = new HashMap<>();
        db.select(I.ID, I.COMMITTEE_ID, I.KIND, I.DEPARTMENT_ID, I.NUMBER, I.TEXT, I.TARGET_TEXT)
                .from(I).where(I.ID.in(itemIds))
                .fetch().forEach(r -> result.put(r.value1(), new ItemInfo(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7())));
        return result;
    }

}
