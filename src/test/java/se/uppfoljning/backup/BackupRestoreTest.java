package se.uppfoljning.backup;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the demo database over the API, restored into a fresh database (created in the same embedded server,
 * migrated by Liquibase), gives back every table's rows, the sequences and the decided appendices' bytes.
 */
class BackupRestoreTest extends AbstractIntegrationTest {

    private static final String FRESH = "restore_test";
    /** The empty, migrated database each test's fresh one is copied from. */
    private static final String MIGRATED = "restore_test_migrated";
    private static boolean templateMigrated;

    @Autowired
    private DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dump;

    @BeforeEach
    void setUp() throws Exception {
        testData.reset();
        dump = Files.createTempFile("uppfoljning-backup", ".zip");
        dropFresh();
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.deleteIfExists(dump);
        dropFresh();
    }

    private HttpResponse<Path> download(String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/backup"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofFile(dump));
    }

    @Test
    void backupOfTheDemoRestoresIntoAFreshDatabaseWithTheSameRowsAndAppendices() throws Exception {
        HttpResponse<Path> response = download("admin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/zip"));

        try (Connection fresh = createFresh()) {
            DatabaseDump.RestoreSummary summary = DatabaseDump.restore(fresh, dump);
            assertThat(summary.rows()).isGreaterThan(500); // the demo: about 600 rows in all tables
        }
        try (Connection main = dataSource.getConnection(); Connection fresh = connectFresh()) {
            Map<String, String> original = tableHashes(main);
            assertThat(original).containsKeys("follow_up_entry", "period_item", "period_appendix", "audit_log");
            assertThat(tableHashes(fresh)).isEqualTo(original);
            assertThat(rows(fresh, "select format('%I.%I', schemaname, sequencename) || '=' || last_value "
                    + "from pg_sequences where schemaname = 'public' order by 1"))
                    .isEqualTo(rows(main, "select format('%I.%I', schemaname, sequencename) || '=' || last_value "
                            + "from pg_sequences where schemaname = 'public' order by 1"));
            // the decided appendices: the stored hash, and the hash of the bytes actually stored, both as before
            String appendices = "select id || ':' || sha256 || ':' || encode(sha256(content), 'hex') "
                    + "from period_appendix order by id";
            List<String> before = rows(main, appendices);
            assertThat(before).isNotEmpty();
            assertThat(before).allSatisfy(row -> {
                String[] parts = row.split(":");
                assertThat(parts[1]).isEqualTo(parts[2]);
            });
            assertThat(rows(fresh, appendices)).isEqualTo(before);
            // the backup itself is in the audit log (and so in the dump)
            assertThat(rows(fresh, "select username from audit_log where action = 'security.backupCreated'"))
                    .contains("admin");
            // the identity sequences go on after the restored ids: a new row does not collide
            try (Statement statement = fresh.createStatement()) {
                statement.execute("insert into app_user (username, display_name, password_hash, enabled) "
                        + "values ('ny', 'Ny', '!', true)");
            }
        }
    }

    @Test
    void restoreIntoADatabaseWithDataIsRefusedAndChangesNothing() throws Exception {
        assertThat(download("admin").statusCode()).isEqualTo(200);
        try (Connection main = dataSource.getConnection()) {
            Map<String, String> before = tableHashes(main);
            assertThatThrownBy(() -> DatabaseDump.restore(main, dump))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("Databasen innehåller redan data");
            assertThat(tableHashes(main)).isEqualTo(before);
        }
    }

    @Test
    void aDamagedDumpIsRefusedAndTheFreshDatabaseStaysEmpty() throws Exception {
        assertThat(download("admin").statusCode()).isEqualTo(200);
        Path damaged = Files.createTempFile("uppfoljning-damaged", ".zip");
        try (ZipFile zip = new ZipFile(dump.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/period_appendix.copy")) {
                    bytes[bytes.length / 2] ^= 1; // one flipped bit inside the appendices' bytes
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        try (Connection fresh = createFresh()) {
            assertThatThrownBy(() -> DatabaseDump.restore(fresh, damaged))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("period_appendix");
            assertThat(rows(fresh, "select count(*) from follow_up_entry")).containsExactly("0");
            assertThat(rows(fresh, "select username from app_user")).containsExactly("system");
        } finally {
            Files.deleteIfExists(damaged);
        }
    }

    @Test
    void aDumpFromAnotherDatabaseVersionIsRefused() throws Exception {
        assertThat(download("admin").statusCode()).isEqualTo(200);
        try (Connection fresh = createFresh()) {
            try (Statement statement = fresh.createStatement()) {
                // as if this database were one migration behind the dump
                statement.execute("delete from databasechangelog where id = '080-committee-publication'");
            }
            assertThatThrownBy(() -> DatabaseDump.restore(fresh, dump))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("annan databasversion")
                    .hasMessageContaining("080-committee-publication");
            assertThat(rows(fresh, "select username from app_user")).containsExactly("system");
        }
    }

    @Test
    void onlyAdminsGetABackup() throws Exception {
        assertThat(download("sekretariat").statusCode()).isEqualTo(403);
        assertThat(download("controller").statusCode()).isEqualTo(403);
    }

    /** Per table: the MD5 of all its rows as text, in a stable order. */
    private static Map<String, String> tableHashes(Connection connection) throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String table : DatabaseDump.tableNames(connection)) {
            hashes.put(table, rows(connection, "select count(*) || ':' || coalesce(md5(string_agg(t::text, "
                    + "E'\\n' order by t::text)), '') from public." + table + " t").get(0));
        }
        return hashes;
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    /**
     * A new empty database migrated by the application's own changelog, as Liquibase runs it at start. The changelog
     * runs once per test run, into {@value #MIGRATED}; each test gets a copy of it (PostgreSQL's {@code template}), a
     * fraction of a second instead of a full migration.
     */
    private Connection createFresh() throws Exception {
        synchronized (BackupRestoreTest.class) {
            if (!templateMigrated) {
                try (Connection main = dataSource.getConnection(); Statement statement = main.createStatement()) {
                    statement.execute("drop database if exists " + MIGRATED + " with (force)");
                    statement.execute("create database " + MIGRATED);
                }
                try (Connection template = connect(MIGRATED)) {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(template));
                    new Liquibase("db-migrations/changelog.xml", new ClassLoaderResourceAccessor(), database).update("");
                }
                templateMigrated = true;
            }
        }
        try (Connection main = dataSource.getConnection(); Statement statement = main.createStatement()) {
            statement.execute("create database " + FRESH + " template " + MIGRATED);
        }
        Connection fresh = connectFresh();
        fresh.setAutoCommit(true);
        return fresh;
    }

    private Connection connectFresh() throws SQLException {
        return connect(FRESH);
    }

    private Connection connect(String databaseName) throws SQLException {
        try (Connection main = dataSource.getConnection()) {
            String url = main.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + databaseName + "$1");
            return DriverManager.getConnection(url, main.getMetaData().getUserName(), "");
        }
    }

    private void dropFresh() throws SQLException {
        try (Connection main = dataSource.getConnection(); Statement statement = main.createStatement()) {
            statement.execute("drop database if exists " + FRESH + " with (force)");
        }
    }
}
