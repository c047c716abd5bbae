package se.uppfoljning.followup.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import se.uppfoljning.base.database.RenderedQuery;
import se.uppfoljning.db.tables.Committee;
import se.uppfoljning.db.tables.PeriodItem;
import se.uppfoljning.db.tables.ReportingPeriod;
import se.uppfoljning.followup.internal.FollowUpRepository.EntryColumns;
import se.uppfoljning.followup.internal.FollowUpRepository.OverviewRecord;
import se.uppfoljning.followup.internal.FollowUpRepository.StructureColumns;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.structure.ItemKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.selectOne;
import static se.uppfoljning.db.Tables.APP_USER;
import static se.uppfoljning.db.Tables.COMMITTEE;
import static se.uppfoljning.db.Tables.DEPARTMENT;
import static se.uppfoljning.db.Tables.FOLLOW_UP_ENTRY;
import static se.uppfoljning.db.Tables.FOLLOW_UP_ITEM;
import static se.uppfoljning.db.Tables.PERIOD_ITEM;
import static se.uppfoljning.db.Tables.REPORTING_PERIOD;
import static se.uppfoljning.db.Tables.STATUS_VALUE;
import static se.uppfoljning.db.Tables.STRATEGIC_AREA;
import static se.uppfoljning.db.Tables.STRATEGIC_GOAL;

/**
 * The API's read of a committee's follow-up in a period in <b>one statement</b>, rendered once: the committee and the
 * period by their slugs and the overview's rows – a decided period's kept structure, otherwise (an open period, or
 * one decided before structures were kept) the live one, exactly as {@link FollowUpRepository#decidedOverview} and
 * {@link FollowUpRepository#overview} choose – in report order. The UI keeps its own statements (and their guard).
 */
@Repository
public class ApiOverviewQuery {

    /** What the statement found: the committee (or nothing), its period (or null) and the rows in report order. */
    public record Found(se.uppfoljning.organisation.Committee committee, se.uppfoljning.periods.ReportingPeriod period,
                        List<OverviewRecord> records) {
    }

    private static final Committee C = COMMITTEE;
    private static final ReportingPeriod RP = REPORTING_PERIOD;
    /** The committee's and the period's columns, then {@link #ROW} columns of the rows. */
    private static final int CONTEXT = 12;
    /** Per row: the 15 structure columns, the 9 entry columns, the area's and the item's sort order. */
    private static final int ROW = 26;

    private final DSLContext db;
    private final RenderedQuery query;

    ApiOverviewQuery(DSLContext db) {
        this.db = db;
        this.query = new RenderedQuery(db, template(), "period", "committee");
    }

    /** Empty when no committee has the slug; {@code period} null when the committee has no period with the slug. */
    public Optional<Found> find(String committeeSlug, String periodSlug) {
        List<Record> records = query.fetch(db, r -> r, periodSlug, committeeSlug);
        if (records.isEmpty()) {
            return Optional.empty();
        }
        Record first = records.get(0);
        var committee = new se.uppfoljning.organisation.Committee((Long) first.get(0), (Long) first.get(1),
                (String) first.get(2), (String) first.get(3), (String) first.get(4));
        if (first.get(5) == null) {
            return Optional.of(new Found(committee, null, List.of()));
        }
        var period = new se.uppfoljning.periods.ReportingPeriod((Long) first.get(5), committee.id(),
                (String) first.get(6), (String) first.get(7), PeriodKind.valueOf((String) first.get(8)),
                (Integer) first.get(9), (LocalDate) first.get(10), PeriodState.valueOf((String) first.get(11)));
        List<OverviewRecord> rows = new ArrayList<>(records.size());
        for (Record r : records) {
            if (r.get(CONTEXT + 5) != null) { // item id: null on the one record of a period without rows
                rows.add(row(r));
            }
        }
        return Optional.of(new Found(committee, period, rows));
    }

    /** The rendered SQL, for tests. */
    String sql() {
        return query.sql();
    }

    private static OverviewRecord row(Record r) {
        int i = CONTEXT;
        Integer version = (Integer) r.get(i + 18);
        OffsetDateTime readyAt = (OffsetDateTime) r.get(i + 22);
        String comment = (String) r.get(i + 17);
        return new OverviewRecord((Long) r.get(i), (String) r.get(i + 1), (Long) r.get(i + 2), (Integer) r.get(i + 3),
                (String) r.get(i + 4), (Long) r.get(i + 5), ItemKind.valueOf((String) r.get(i + 6)),
                (String) r.get(i + 7), (String) r.get(i + 8), (String) r.get(i + 9), (Long) r.get(i + 10),
                (String) r.get(i + 11), (Integer) r.get(i + 12), (Boolean) r.get(i + 13), (Boolean) r.get(i + 14),
                (String) r.get(i + 15), (String) r.get(i + 16), comment == null ? "" : comment,
                version == null ? 0 : version, (OffsetDateTime) r.get(i + 19), (String) r.get(i + 20),
                Boolean.TRUE.equals(r.get(i + 21)), readyAt, readyAt == null ? null : (String) r.get(i + 23));
    }

    /**
     * select committee, period, rows.* from committee left join period (by slug) left join lateral (the kept rows of
     * a decided period union all the live rows unless such rows exist) rows on true where committee.slug = ?
     * order by the report order.
     */
    private static Select<Record> template() {
        Field<String> periodSlug = DSL.param("period", RP.SLUG.getDataType());
        Field<String> committeeSlug = DSL.param("committee", C.SLUG.getDataType());
        Condition decided = RP.STATE.eq(inline(PeriodState.DECIDED.name()));

        FollowUpRepository.EntryColumns keptEntry = new EntryColumns();
        PeriodItem P = PERIOD_ITEM;
        var kept = DSL.select(rowFields(FollowUpRepository.DECIDED, keptEntry, P.AREA_SORT_ORDER, P.SORT_ORDER))
                .from(P)
                .leftJoin(FOLLOW_UP_ENTRY).on(FOLLOW_UP_ENTRY.ITEM_ID.eq(P.ITEM_ID)
                        .and(FOLLOW_UP_ENTRY.PERIOD_ID.eq(P.PERIOD_ID)))
                .leftJoin(STATUS_VALUE).on(STATUS_VALUE.ID.eq(FOLLOW_UP_ENTRY.STATUS_ID))
                .leftJoin(APP_USER).on(APP_USER.USERNAME.eq(FOLLOW_UP_ENTRY.UPDATED_BY))
                .leftJoin(keptEntry.readyUser).on(keptEntry.readyUser.USERNAME.eq(FOLLOW_UP_ENTRY.READY_BY))
                .where(P.PERIOD_ID.eq(RP.ID).and(decided));

        FollowUpRepository.EntryColumns liveEntry = new EntryColumns();
        PeriodItem anyKept = PERIOD_ITEM.as("any_kept");
        var I = FOLLOW_UP_ITEM;
        var E = FOLLOW_UP_ENTRY;
        var live = DSL.select(rowFields(FollowUpRepository.LIVE, liveEntry, STRATEGIC_AREA.SORT_ORDER, I.SORT_ORDER))
                .from(I)
                .join(STRATEGIC_AREA).on(STRATEGIC_AREA.ID.eq(I.AREA_ID))
                .leftJoin(STRATEGIC_GOAL).on(STRATEGIC_GOAL.ID.eq(I.STRATEGIC_GOAL_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(I.DEPARTMENT_ID))
                .leftJoin(E).on(E.ITEM_ID.eq(I.ID).and(E.PERIOD_ID.eq(RP.ID)))
                .leftJoin(STATUS_VALUE).on(STATUS_VALUE.ID.eq(E.STATUS_ID))
                .leftJoin(APP_USER).on(APP_USER.USERNAME.eq(E.UPDATED_BY))
                .leftJoin(liveEntry.readyUser).on(liveEntry.readyUser.USERNAME.eq(E.READY_BY))
                // as FollowUpRepository.inPeriod: the plan year's items, retired ones only where followed up
                .where(I.COMMITTEE_ID.eq(C.ID).and(I.PLAN_YEAR.eq(RP.YEAR))
                        .and(I.RETIRED_AT.isNull().or(E.ID.isNotNull().and(E.FROM_PREVIOUS_PERIOD.isFalse())))
                        .and(not(decided.and(exists(selectOne().from(anyKept).where(anyKept.PERIOD_ID.eq(RP.ID)))))));

        Table<?> rows = kept.unionAll(live).asTable("overview_row");
        List<SelectField<?>> select = new ArrayList<>(List.of(C.ID, C.ORGANISATION_ID, C.SLUG, C.CODE, C.NAME,
                RP.ID, RP.SLUG, RP.NAME, RP.KIND, RP.YEAR, RP.END_DATE, RP.STATE));
        select.addAll(List.of(rows.fields()));
        return DSL.select(select)
                .from(C)
                .leftJoin(RP).on(RP.COMMITTEE_ID.eq(C.ID).and(RP.SLUG.eq(periodSlug)))
                .leftJoin(lateral(rows)).on(DSL.trueCondition())
                .where(C.SLUG.eq(committeeSlug))
                // as the overview: area, goals and indicators before assignments, goal number, carried over, order, id
                .orderBy(rows.field("c24"), DSL.field(rows.field("c6", String.class).eq(inline(ItemKind.ASSIGNMENT.name()))),
                        rows.field("c3"), rows.field("c13"), rows.field("c25"), rows.field("c5"));
    }

    /** The row's columns under names of their own, in the same order for the kept and the live structure. */
    private static List<SelectField<?>> rowFields(StructureColumns c, EntryColumns e, Field<Integer> areaSort,
                                                  Field<Integer> itemSort) {
        var E = FOLLOW_UP_ENTRY;
        List<Field<?>> fields = new ArrayList<>(c.fields());
        fields.addAll(List.of(STATUS_VALUE.LABEL, STATUS_VALUE.TONE, E.COMMENT, E.VERSION, E.UPDATED_AT,
                coalesce(APP_USER.DISPLAY_NAME, E.UPDATED_BY), E.FROM_PREVIOUS_PERIOD, E.READY_AT,
                coalesce(e.readyUser.DISPLAY_NAME, E.READY_BY), areaSort, itemSort));
        List<SelectField<?>> named = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            named.add(fields.get(i).as("c" + i));
        }
        if (named.size() != ROW) {
            throw new IllegalStateException(named.size() + " row columns");
        }
        return named;
    }
}
