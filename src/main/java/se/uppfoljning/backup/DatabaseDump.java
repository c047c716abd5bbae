package se.uppfoljning.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import se.uppfoljning.base.i18n.Messages;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The dump format and its two directions, on a plain JDBC connection to PostgreSQL (no jOOQ: every table of the
 * schema {@code public} except Liquibase's own, found in the catalog).
 *
 * <p>A dump is a ZIP: per table {@code tables/<name>.copy} (PostgreSQL's binary COPY format, the table's stored,
 * non-generated columns in column order) and last {@code manifest.json} ({@link Manifest}: the application version,
 * the Liquibase changesets applied, per table its columns, row count and the SHA-256 of its file, and the
 * sequences' current values). Binary COPY needs the same column types on both sides, which the check of the
 * changesets guarantees.
 */
public final class DatabaseDump {

    public static final String MANIFEST = "manifest.json";
    public static final int FORMAT = 1;

    /**
     * Rows a fresh database gets from the migrations themselves (the "system" user that imports run as); a database
     * holding only these counts as empty. Restore replaces them with the dump's rows.
     */
    private static final Map<String, String> SEEDED_ROWS = Map.of("app_user", "username = 'system'");

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public record TableEntry(String name, List<String> columns, long rows, String file, String sha256) {
    }

    public record SequenceEntry(String name, Long lastValue) {
    }

    /** {@code changesets}: "id::author" of every changeset in the order applied. */
    public record Manifest(int format, String applicationVersion, Instant createdAt, List<String> changesets,
                           List<TableEntry> tables, List<SequenceEntry> sequences) {
    }

    /** What a restore put back. */
    public record RestoreSummary(Manifest manifest, long tables, long rows) {
    }

    private DatabaseDump() {
    }

    /**
     * Writes a dump of the connection's database to {@code out} (not closed) inside one read-only REPEATABLE READ
     * transaction, so every table comes from the same snapshot while the application keeps writing.
     */
    public static Manifest dump(Connection connection, OutputStream out, String applicationVersion, Instant createdAt)
            throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush(); // the caller owns the stream
                }
            });
            List<TableEntry> tables = new ArrayList<>();
            for (String table : tableNames(connection)) {
                List<String> columns = columns(connection, table);
                String file = "tables/" + table + ".copy";
                zip.putNextEntry(new ZipEntry(file));
                MessageDigest sha = sha256();
                DigestOutputStream digesting = new DigestOutputStream(new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        zip.write(b, off, len);
                    }

                    @Override
                    public void close() {
                    }
                }, sha);
                long rows = copy.copyOut("copy public." + quote(table) + " (" + String.join(", ", columns)
                        + ") to stdout (format binary)", digesting);
                digesting.flush();
                zip.closeEntry();
                tables.add(new TableEntry(table, columns, rows, file, HexFormat.of().formatHex(sha.digest())));
            }
            Manifest manifest = new Manifest(FORMAT, applicationVersion, createdAt, changesets(connection), tables,
                    sequences(connection));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            zip.close();
            connection.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Loads a dump into the connection's database in one transaction: the database must have the same changesets
     * applied and hold no rows except those its migrations seed, else {@link BackupException} and nothing changes.
     * Triggers (the period lock, the append-only audit log) and foreign keys are off for this transaction only
     * ({@code session_replication_role = replica}: the database user must be a superuser). Every table's file is
     * checked against the manifest's SHA-256 and row count; the sequences are set to the dump's values.
     */
    public static RestoreSummary restore(Connection connection, Path dump) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(dump.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new BackupException(Messages.text("backup.error.noManifest"));
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readValue(in, Manifest.class);
            }
            if (manifest.format() != FORMAT) {
                throw new BackupException(Messages.text("backup.error.format", String.valueOf(manifest.format()), String.valueOf(FORMAT)));
            }
            connection.setAutoCommit(false);
            try {
                checkSameMigrations(connection, manifest);
                checkEmpty(connection);
                long rows = load(connection, zip, manifest);
                connection.commit();
                return new RestoreSummary(manifest, manifest.tables().size(), rows);
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (ZipException e) {
            throw new BackupException(Messages.text("backup.error.notZip"), e);
        }
    }

    private static void checkSameMigrations(Connection connection, Manifest manifest) throws SQLException {
        List<String> here = changesets(connection);
        if (!new TreeSet<>(here).equals(new TreeSet<>(manifest.changesets()))) {
            TreeSet<String> onlyInDump = new TreeSet<>(manifest.changesets());
            onlyInDump.removeAll(here);
            TreeSet<String> onlyHere = new TreeSet<>(here);
            onlyHere.removeAll(manifest.changesets());
            throw new BackupException(Messages.text("backup.error.otherVersion", onlyInDump.toString(),
                    onlyHere.toString(), String.valueOf(manifest.applicationVersion())));
        }
        List<String> tables = tableNames(connection);
        List<String> dumped = manifest.tables().stream().map(TableEntry::name).toList();
        if (!new TreeSet<>(tables).equals(new TreeSet<>(dumped))) {
            throw new BackupException(Messages.text("backup.error.otherTables", dumped.toString(), tables.toString()));
        }
    }

    private static void checkEmpty(Connection connection) throws SQLException {
        for (String table : tableNames(connection)) {
            String seeded = SEEDED_ROWS.get(table);
            String sql = "select count(*) from public." + quote(table) + (seeded == null ? "" : " where not (" + seeded + ")");
            long rows = single(connection, sql);
            if (rows > 0) {
                throw new BackupException(Messages.text("backup.error.notEmpty", table, String.valueOf(rows)));
            }
        }
    }

    private static long load(Connection connection, ZipFile zip, Manifest manifest) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local session_replication_role = replica");
            statement.execute("truncate " + String.join(", ",
                    manifest.tables().stream().map(t -> "public." + quote(t.name())).toList()));
        } catch (SQLException e) {
            throw new BackupException(Messages.text("backup.error.noSuperuser", String.valueOf(e.getMessage())), e);
        }
        long total = 0;
        for (TableEntry table : manifest.tables()) {
            ZipEntry entry = zip.getEntry(table.file());
            if (entry == null) {
                throw new BackupException(Messages.text("backup.error.missingFile", table.file()));
            }
            MessageDigest sha = sha256();
            long rows;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                rows = copy.copyIn("copy public." + quote(table.name()) + " (" + String.join(", ", table.columns())
                        + ") from stdin (format binary)", in);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            if (!hash.equals(table.sha256()) || rows != table.rows()) {
                throw new BackupException(Messages.text("backup.error.damaged", table.name()));
            }
            long counted = single(connection, "select count(*) from public." + quote(table.name()));
            if (counted != table.rows()) {
                throw new BackupException(Messages.text("backup.error.rowCount", table.name(),
                        String.valueOf(counted), String.valueOf(table.rows())));
            }
            total += rows;
        }
        try (PreparedStatement used = connection.prepareStatement("select setval(?::regclass, ?, true)");
             // never used: back to its start, so the next value is the first
             PreparedStatement unused = connection.prepareStatement(
                     "select setval(seqrelid, seqstart, false) from pg_sequence where seqrelid = ?::regclass")) {
            for (SequenceEntry sequence : manifest.sequences()) {
                if (sequence.lastValue() == null) {
                    unused.setString(1, sequence.name());
                    unused.execute();
                } else {
                    used.setString(1, sequence.name());
                    used.setLong(2, sequence.lastValue());
                    used.execute();
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local session_replication_role = origin");
        }
        return total;
    }

    /** The application's tables: schema public without Liquibase's, by name. */
    public static List<String> tableNames(Connection connection) throws SQLException {
        return strings(connection, "select tablename from pg_tables where schemaname = 'public' "
                + "and tablename not in ('databasechangelog', 'databasechangeloglock') order by tablename");
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        // stored generated columns are computed again on restore, never copied
        return strings(connection, "select quote_ident(attname) from pg_attribute where attrelid = "
                + literal("public." + quote(table)) + "::regclass and attnum > 0 and not attisdropped "
                + "and attgenerated = '' order by attnum");
    }

    private static List<String> changesets(Connection connection) throws SQLException {
        return strings(connection, "select id || '::' || author from databasechangelog order by orderexecuted");
    }

    private static List<SequenceEntry> sequences(Connection connection) throws SQLException {
        List<SequenceEntry> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select format('%I.%I', schemaname, sequencename), last_value "
                     + "from pg_sequences where schemaname = 'public' order by 1")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long value = rs.getLong(2);
                result.add(new SequenceEntry(name, rs.wasNull() ? null : value)); // null: never used
            }
        }
        return result;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
