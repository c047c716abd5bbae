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

import java.sql.ResultSet;
import java.sql.SQLException;
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
        return query.read(db, ApiOverviewQuery::found, periodSlug, committeeSlug);
    }

    /**
     * Straight from the result set (a jOOQ record per row cost a third of the request): the committee and the period
     * from the first row only, then the rows.
     */
    private static Optional<Found> found(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        var committee = new se.uppfoljning.organisation.Committee(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5));
        long periodId = rs.getLong(6);
        if (rs.wasNull()) {
            return Optional.of(new Found(committee, null, List.of()));
        }
        var period = new se.uppfoljning.periods.ReportingPeriod(periodId, committee.id(), rs.getString(7),
                rs.getString(8), PeriodKind.valueOf(rs.getString(9)), rs.getInt(10),
                rs.getObject(11, LocalDate.class), PeriodState.valueOf(rs.getString(12)));
        List<OverviewRecord> rows = new ArrayList<>();
        do {
            long itemId = rs.getLong(CONTEXT + 6);
            if (!rs.wasNull()) { // null on the one row of a period without rows
                rows.add(row(rs, itemId));
            }
        } while (rs.next());
        return Optional.of(new Found(committee, period, rows));
    }

    /** The row's columns from {@code CONTEXT + 1} on (1-based), as {@link FollowUpRepository}'s record reads them. */
    private static OverviewRecord row(ResultSet rs, long itemId) throws SQLException {
        int i = CONTEXT + 1;
        String comment = rs.getString(i + 17);
        int version = rs.getInt(i + 18); // 0 when there is no entry, as the overview
        OffsetDateTime readyAt = RenderedQuery.offsetDateTime(rs, i + 22);
        return new OverviewRecord(rs.getLong(i), rs.getString(i + 1), longOrNull(rs, i + 2),
                intOrNull(rs, i + 3), rs.getString(i + 4), itemId, ItemKind.valueOf(rs.getString(i + 6)),
                rs.getString(i + 7), rs.getString(i + 8), rs.getString(i + 9), longOrNull(rs, i + 10),
                rs.getString(i + 11), rs.getInt(i + 12), rs.getBoolean(i + 13), rs.getBoolean(i + 14),
                rs.getString(i + 15), rs.getString(i + 16), comment == null ? "" : comment, version,
                RenderedQuery.offsetDateTime(rs, i + 19), rs.getString(i + 20), rs.getBoolean(i + 21), readyAt,
                readyAt == null ? null : rs.getString(i + 23));
    }

    /** The driver's getObject with a type costs several times its getLong. */
    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
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
