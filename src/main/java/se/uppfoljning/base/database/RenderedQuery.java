package se.uppfoljning.base.database;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.SQL;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A jOOQ query rendered to SQL once, for a statement that runs on every request (the API's token look-up and
 * follow-up read): building and rendering a query with joins and multisets cost more server CPU than running it
 * (issue 17's profile: a sixth of an API request). jOOQ's manual advises exactly this ("Performance considerations":
 * cache the SQL jOOQ generates). Each run is a plain-SQL query of jOOQ – the SQL between the binds as raw parts (not
 * scanned again: jOOQ's plain-SQL templating of a long string cost a tenth of a request), the binds with the
 * template's types – and its records are typed by the template's fields (converters and multisets included), so
 * jOOQ's execute listeners (statement counting, exception translation) and Spring's transaction handling see it as
 * any other statement.
 *
 * <p>The template's variable binds are {@link DSL#param(String, Class) named params}, each used once; constants are
 * inlined ({@link DSL#inline(Object)}). <b>Read the records by position</b> ({@code r.get(0)}): a plain-SQL result
 * knows its columns by name only, so {@code r.get(TABLE.ID)} has to guess between tables with the same column name
 * (jOOQ logs the ambiguity with a stack trace, which costs more than the statement). Thread-safe: nothing changes
 * after construction.
 */
public final class RenderedQuery {

    private final String sql;
    private final Field<?>[] fields;
    private final List<Param<?>> params;
    /** The SQL between the binds, kept as raw parts: jOOQ's plain-SQL templating scans a string char by char. */
    private final SQL[] between;
    /** "{0}{1}…": raw part, bind, raw part, … */
    private final String template;

    /**
     * @param names the template's params in the order their values will be given to {@link #fetchOptional} or
     *              {@link #read}; checked against the rendered order (an {@link IllegalArgumentException} if they
     *              differ or a bind is not named)
     */
    public RenderedQuery(DSLContext db, ResultQuery<?> template, String... names) {
        this.sql = db.render(template); // with "?" for the binds (jOOQ's default, ParamType.INDEXED)
        this.fields = template.fields();
        // the binds in the order of their "?" (inlined constants are params too, but not bound)
        this.params = template.getParams().values().stream().filter(p -> !p.isInline())
                .collect(Collectors.toCollection(ArrayList::new));
        List<String> rendered = params.stream().map(Param::getParamName).toList();
        if (!rendered.equals(List.of(names)) || template.getBindValues().size() != names.length) {
            throw new IllegalArgumentException("binds " + rendered + " (" + template.getBindValues().size()
                    + ") are not the named params " + List.of(names));
        }
        String[] parts = sql.split("\\?", -1);
        if (parts.length != names.length + 1) {
            throw new IllegalArgumentException("the SQL has another \"?\" than its binds: " + sql);
        }
        this.between = Arrays.stream(parts).map(DSL::raw).toArray(SQL[]::new);
        this.template = IntStream.range(0, 2 * parts.length - 1).mapToObj(i -> "{" + i + "}")
                .collect(Collectors.joining());
    }

    /**
     * Runs the statement with these values for the named params (in the constructor's order) and maps its one record,
     * if any.
     */
    public <E> Optional<E> fetchOptional(DSLContext db, RecordMapper<? super Record, E> mapper, Object... values) {
        return query(db, values).fetchOptional(mapper);
    }

    /**
     * Runs the statement and hands its JDBC result set to {@code reader}, for a statement on every request whose
     * records cost more than the statement (issue 17: jOOQ's record per row, a binding per value, was a third of an API
     * request). jOOQ still executes it (listeners, statement counting); the reader reads by column index (1-based, the
     * template's order) and must convert what jOOQ would have: a {@code timestamptz} is an {@code OffsetDateTime} in
     * the JVM's zone ({@link #offsetDateTime}).
     *
     * @throws DataAccessException when reading fails (the statement's own errors are translated as for any jOOQ query)
     */
    public <E> E read(DSLContext db, ResultSetReader<E> reader, Object... values) {
        try (Cursor<Record> cursor = query(db, values).fetchLazy()) {
            return reader.read(cursor.resultSet());
        } catch (SQLException e) {
            throw new DataAccessException("reading " + sql, e);
        }
    }

    /** Reads a whole JDBC result set; {@link SQLException}s are {@link #read}'s to translate. */
    @FunctionalInterface
    public interface ResultSetReader<E> {
        E read(ResultSet rs) throws SQLException;
    }

    /**
     * A {@code timestamptz} column as jOOQ reads it: the driver answers in UTC, jOOQ in the session's zone, which the
     * driver sets to the JVM's default zone; null stays null.
     */
    public static OffsetDateTime offsetDateTime(ResultSet rs, int column) throws SQLException {
        OffsetDateTime utc = rs.getObject(column, OffsetDateTime.class);
        return utc == null ? null : utc.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private ResultQuery<Record> query(DSLContext db, Object... values) {
        if (values.length != params.size()) {
            throw new IllegalArgumentException(params.size() + " values expected, got " + values.length);
        }
        QueryPart[] parts = new QueryPart[2 * values.length + 1];
        for (int i = 0; i < values.length; i++) {
            parts[2 * i] = between[i];
            parts[2 * i + 1] = bind(params.get(i), values[i]);
        }
        parts[parts.length - 1] = between[values.length];
        return db.resultQuery(template, parts).coerce(fields);
    }

    private static <T> Param<T> bind(Param<T> param, Object value) {
        return DSL.val(value, param.getDataType());
    }
}
