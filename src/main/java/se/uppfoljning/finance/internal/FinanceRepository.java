package se.uppfoljning.finance.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Repository;
import se.uppfoljning.finance.FinanceAggregate;
import se.uppfoljning.finance.FinanceCut;
import se.uppfoljning.finance.FinanceImportInfo;
import se.uppfoljning.finance.FinanceLevel;
import se.uppfoljning.finance.FinanceRow;
import se.uppfoljning.finance.Figures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static se.uppfoljning.db.Tables.FINANCE_IMPORT;
import static se.uppfoljning.db.Tables.FINANCE_LEVEL;
import static se.uppfoljning.db.Tables.FINANCE_ROW;

/** Finance figures in PostgreSQL: reads, set-based sums, and the replace of an import through a staging table. */
@Repository
public class FinanceRepository {

    private static final String STAGE_COLUMNS = "level_code, cut, group_code, code, name, summed, sort_order, "
            + "prev_period_outcome, prev_year_closed, outcome_to_date, budget_to_date, original_budget, forecast, budget, "
            + "prev_period_date, group_name, row_heading, group_heading";
    private static final String KEY_MATCH = "r.level_code = s.level_code and r.cut = s.cut and r.code = s.code";
    private static final String DIFFERS = "(r.group_code, r.name, r.summed, r.sort_order, r.prev_period_outcome, "
            + "r.prev_year_closed, r.outcome_to_date, r.budget_to_date, r.original_budget, r.forecast, r.budget, "
            + "r.prev_period_date, r.group_name, r.row_heading, r.group_heading) "
            + "is distinct from (s.group_code, s.name, s.summed, s.sort_order, s.prev_period_outcome, "
            + "s.prev_year_closed, s.outcome_to_date, s.budget_to_date, s.original_budget, s.forecast, s.budget, "
            + "s.prev_period_date, s.group_name, s.row_heading, s.group_heading)";

    private final DSLContext db;
    private final Clock clock;

    FinanceRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<FinanceLevel> levels(long committeeId) {
        return db.selectFrom(FINANCE_LEVEL).where(FINANCE_LEVEL.COMMITTEE_ID.eq(committeeId))
                .orderBy(FINANCE_LEVEL.SORT_ORDER, FINANCE_LEVEL.CODE)
                .fetch(r -> new FinanceLevel(r.getCode(), r.getName(), r.getSortOrder()));
    }

    public void upsertLevel(long committeeId, String code, String name, int sortOrder) {
        db.insertInto(FINANCE_LEVEL, FINANCE_LEVEL.COMMITTEE_ID, FINANCE_LEVEL.CODE, FINANCE_LEVEL.NAME,
                        FINANCE_LEVEL.SORT_ORDER)
                .values(committeeId, code, name, sortOrder)
                .onConflict(FINANCE_LEVEL.COMMITTEE_ID, FINANCE_LEVEL.CODE)
                .doUpdate().set(FINANCE_LEVEL.NAME, name).set(FINANCE_LEVEL.SORT_ORDER, sortOrder)
                .execute();
    }

    /** Every row of the period in file order within level and cut. */
    public List<FinanceRow> rows(long periodId) {
        return rows(FINANCE_ROW.PERIOD_ID.eq(periodId));
    }

    private List<FinanceRow> rows(Condition condition) {
        return db.selectFrom(FINANCE_ROW).where(condition)
                .orderBy(FINANCE_ROW.LEVEL_CODE, FINANCE_ROW.CUT, FINANCE_ROW.SORT_ORDER)
                .fetch(r -> new FinanceRow(r.getLevelCode(), FinanceCut.valueOf(r.getCut()), r.getGroupCode(),
                        r.getCode(), r.getName(), r.getSummed(), r.getSortOrder(),
                        new Figures(r.getPrevPeriodOutcome(), r.getPrevYearClosed(), r.getOutcomeToDate(),
                                r.getBudgetToDate(), r.getOriginalBudget(), r.getForecast(), r.getBudget()),
                        r.getGroupName(), r.getRowHeading(), r.getGroupHeading(), r.getPrevPeriodDate()));
    }

    /** Sums of the non-summed rows per level, cut and group; levels in {@code excluded} left out. */
    public List<FinanceAggregate> aggregates(long periodId, List<String> excluded) {
        var r = FINANCE_ROW;
        return db.select(r.LEVEL_CODE, r.CUT, r.GROUP_CODE, DSL.count(),
                        DSL.sum(r.PREV_PERIOD_OUTCOME), DSL.sum(r.PREV_YEAR_CLOSED), DSL.sum(r.OUTCOME_TO_DATE),
                        DSL.sum(r.BUDGET_TO_DATE), DSL.sum(r.ORIGINAL_BUDGET), DSL.sum(r.FORECAST), DSL.sum(r.BUDGET))
                .from(r)
                .where(r.PERIOD_ID.eq(periodId).and(r.SUMMED.isFalse()).and(r.LEVEL_CODE.notIn(excluded)))
                .groupBy(r.LEVEL_CODE, r.CUT, r.GROUP_CODE)
                .fetch(x -> new FinanceAggregate(x.value1(), FinanceCut.valueOf(x.value2()), x.value3(), x.value4(),
                        new Figures(longOrNull(x.value5()), x.value6().longValueExact(), x.value7().longValueExact(),
                                longOrNull(x.value8()), longOrNull(x.value9()), x.value10().longValueExact(),
                                x.value11().longValueExact())));
    }

    public List<FinanceRow> summedRows(long periodId, List<String> excluded) {
        return rows(FINANCE_ROW.PERIOD_ID.eq(periodId).and(FINANCE_ROW.SUMMED.isTrue())
                .and(FINANCE_ROW.LEVEL_CODE.notIn(excluded)));
    }

    public int rowCount(long periodId) {
        return db.fetchCount(FINANCE_ROW, FINANCE_ROW.PERIOD_ID.eq(periodId));
    }

    private static Long longOrNull(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }

    /**
     * Streams rows into a transaction-local staging table with COPY: {@code producer} is handed a sink for the rows.
     * If the producer throws (an invalid file), the COPY is cancelled and the exception passes on.
     */
    public <T> T stage(Function<Consumer<FinanceRow>, T> producer) {
        db.execute("drop table if exists finance_stage");
        db.execute("create temp table finance_stage (level_code text not null, cut text not null, group_code text, "
                + "code text not null, name text not null, summed boolean not null, sort_order int not null, "
                + "prev_period_outcome bigint, prev_year_closed bigint not null, outcome_to_date bigint not null, "
                + "budget_to_date bigint, original_budget bigint, forecast bigint not null, budget bigint not null, "
                + "prev_period_date date, group_name text, row_heading text, group_heading text) "
                + "on commit drop");
        T result = db.connectionResult(connection -> {
            PGConnection pg = connection.unwrap(PGConnection.class);
            CopyIn copy = pg.getCopyAPI().copyIn("copy finance_stage (" + STAGE_COLUMNS + ") from stdin");
            try {
                StringBuilder buffer = new StringBuilder(1 << 17);
                T value = producer.apply(row -> {
                    appendCopyLine(buffer, row);
                    if (buffer.length() > (1 << 16)) {
                        try {
                            write(copy, buffer);
                        } catch (SQLException e) {
                            throw new DataAccessResourceFailureException("COPY failed", e);
                        }
                    }
                });
                write(copy, buffer);
                copy.endCopy();
                return value;
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        // the replace's anti-joins probe the stage by key: with this index a nested loop (the plan PostgreSQL picks
        // when finance_row's statistics lag behind a large import) stays linear instead of 100 000 × 100 000
        db.execute("create index on finance_stage (level_code, cut, code)");
        db.execute("analyze finance_stage");
        return result;
    }

    /** Sums of the staged non-summed rows per level, cut and group (an import's preview). */
    public List<FinanceAggregate> stagedAggregates() {
        return db.fetch("select level_code, cut, group_code, count(*), sum(prev_period_outcome), "
                        + "sum(prev_year_closed), sum(outcome_to_date), sum(budget_to_date), sum(original_budget), "
                        + "sum(forecast), sum(budget) from finance_stage where not summed "
                        + "group by level_code, cut, group_code")
                .map(x -> new FinanceAggregate(x.get(0, String.class), FinanceCut.valueOf(x.get(1, String.class)),
                        x.get(2, String.class), x.get(3, Integer.class),
                        new Figures(x.get(4, Long.class), x.get(5, Long.class), x.get(6, Long.class),
                                x.get(7, Long.class), x.get(8, Long.class), x.get(9, Long.class),
                                x.get(10, Long.class))));
    }

    public List<FinanceRow> stagedSummedRows() {
        return db.fetch("select " + STAGE_COLUMNS + " from finance_stage where summed order by level_code, cut, "
                        + "sort_order")
                .map(x -> new FinanceRow(x.get(0, String.class), FinanceCut.valueOf(x.get(1, String.class)),
                        x.get(2, String.class), x.get(3, String.class), x.get(4, String.class), true,
                        x.get(6, Integer.class), new Figures(x.get(7, Long.class), x.get(8, Long.class),
                        x.get(9, Long.class), x.get(10, Long.class), x.get(11, Long.class), x.get(12, Long.class),
                        x.get(13, Long.class)), x.get(15, String.class), x.get(16, String.class),
                        x.get(17, String.class), x.get(14, LocalDate.class)));
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static void appendCopyLine(StringBuilder b, FinanceRow r) {
        Figures f = r.figures();
        text(b, r.levelCode()).append('\t').append(r.cut().name()).append('\t');
        text(b, r.groupCode()).append('\t');
        text(b, r.code()).append('\t');
        text(b, r.name()).append('\t').append(r.summed() ? 't' : 'f').append('\t').append(r.sortOrder()).append('\t');
        number(b, f.prevPeriodOutcome()).append('\t').append(f.prevYearClosed()).append('\t')
                .append(f.outcomeToDate()).append('\t');
        number(b, f.budgetToDate()).append('\t');
        number(b, f.originalBudget()).append('\t').append(f.forecast()).append('\t').append(f.budget()).append('\t');
        text(b, r.prevPeriodDate() == null ? null : r.prevPeriodDate().toString()).append('\t');
        text(b, r.groupName()).append('\t');
        text(b, r.rowHeading()).append('\t');
        text(b, r.groupHeading()).append('\n');
    }

    private static StringBuilder text(StringBuilder b, String s) {
        if (s == null) {
            return b.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b;
    }

    private static StringBuilder number(StringBuilder b, Long n) {
        return n == null ? b.append("\\N") : b.append(n.longValue());
    }

    /** What replacing the period's rows of {@code levels} with the staged rows would do: added, changed, removed. */
    public int[] diff(long periodId, List<String> levels) {
        String[] levelArray = levels.toArray(String[]::new);
        Record counts = db.fetchOne("select "
                        + "(select count(*) from finance_stage s where not exists (select 1 from finance_row r "
                        + "  where r.period_id = ? and " + KEY_MATCH + ")), "
                        + "(select count(*) from finance_stage s join finance_row r on r.period_id = ? and " + KEY_MATCH
                        + "  where " + DIFFERS + "), "
                        + "(select count(*) from finance_row r where r.period_id = ? and r.level_code = any(?) "
                        + "  and not exists (select 1 from finance_stage s where " + KEY_MATCH + "))",
                periodId, periodId, periodId, levelArray);
        return new int[]{counts.get(0, Integer.class), counts.get(1, Integer.class), counts.get(2, Integer.class)};
    }

    /** Replaces the period's rows of {@code levels} with the staged rows, touching only what differs. */
    public int[] apply(long periodId, List<String> levels) {
        // imports of one period run one at a time (the transaction holds the lock)
        db.fetch("select pg_advisory_xact_lock(?)", periodId);
        String[] levelArray = levels.toArray(String[]::new);
        int removed = db.execute("delete from finance_row r where r.period_id = ? and r.level_code = any(?) "
                + "and not exists (select 1 from finance_stage s where " + KEY_MATCH + ")", periodId, levelArray);
        int changed = db.execute("update finance_row r set group_code = s.group_code, name = s.name, "
                + "summed = s.summed, sort_order = s.sort_order, prev_period_outcome = s.prev_period_outcome, "
                + "prev_year_closed = s.prev_year_closed, outcome_to_date = s.outcome_to_date, "
                + "budget_to_date = s.budget_to_date, original_budget = s.original_budget, forecast = s.forecast, "
                + "budget = s.budget, prev_period_date = s.prev_period_date, group_name = s.group_name, "
                + "row_heading = s.row_heading, group_heading = s.group_heading "
                + "from finance_stage s where r.period_id = ? and " + KEY_MATCH + " and " + DIFFERS,
                periodId);
        int added = db.execute("insert into finance_row (period_id, " + STAGE_COLUMNS + ") select ?, "
                + STAGE_COLUMNS.replaceAll("(\\w+)", "s.$1") + " from finance_stage s where not exists "
                + "(select 1 from finance_row r where r.period_id = ? and " + KEY_MATCH + ")", periodId, periodId);
        return new int[]{added, changed, removed};
    }

    public void insertImport(long periodId, String fileName, String sha256, int rowCount, List<String> levels,
                             String result, int[] counts, String message, String username) {
        db.insertInto(FINANCE_IMPORT)
                .set(FINANCE_IMPORT.PERIOD_ID, periodId)
                .set(FINANCE_IMPORT.FILE_NAME, fileName)
                .set(FINANCE_IMPORT.SHA256, sha256)
                .set(FINANCE_IMPORT.ROW_COUNT, rowCount)
                .set(FINANCE_IMPORT.LEVELS, String.join(",", levels))
                .set(FINANCE_IMPORT.RESULT, result)
                .set(FINANCE_IMPORT.ADDED, counts[0])
                .set(FINANCE_IMPORT.CHANGED, counts[1])
                .set(FINANCE_IMPORT.REMOVED, counts[2])
                .set(FINANCE_IMPORT.MESSAGE, message.length() > 2000 ? message.substring(0, 2000) : message)
                .set(FINANCE_IMPORT.IMPORTED_BY, username)
                .set(FINANCE_IMPORT.IMPORTED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    /** The latest import with the given results (e.g. only those that changed figures). */
    public Optional<FinanceImportInfo> latestImport(long periodId, List<String> results) {
        return db.selectFrom(FINANCE_IMPORT)
                .where(FINANCE_IMPORT.PERIOD_ID.eq(periodId).and(FINANCE_IMPORT.RESULT.in(results)))
                .orderBy(FINANCE_IMPORT.IMPORTED_AT.desc(), FINANCE_IMPORT.ID.desc())
                .limit(1)
                .fetchOptional(r -> new FinanceImportInfo(r.getFileName(), r.getSha256(), r.getRowCount(),
                        r.getLevels(), r.getResult(), r.getAdded(), r.getChanged(), r.getRemoved(),
                        r.getImportedBy(), r.getImportedAt()));
    }

    public List<FinanceImportInfo> imports(long periodId) {
        return db.selectFrom(FINANCE_IMPORT).where(FINANCE_IMPORT.PERIOD_ID.eq(periodId))
                .orderBy(FINANCE_IMPORT.IMPORTED_AT.desc(), FINANCE_IMPORT.ID.desc())
                .fetch(r -> new FinanceImportInfo(r.getFileName(), r.getSha256(), r.getRowCount(),
                        r.getLevels(), r.getResult(), r.getAdded(), r.getChanged(), r.getRemoved(),
                        r.getImportedBy(), r.getImportedAt()));
    }
}
