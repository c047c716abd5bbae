import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Build step (run by exec-maven-plugin in generate-sources): migrates an embedded PostgreSQL with the Liquibase
 * changelogs and generates the jOOQ classes from it, so the generated code always matches the real schema. The
 * migrated cluster is stopped cleanly and kept (third argument, {@code target/migrated-postgres}): the tests start
 * their database from a copy of it instead of running initdb and every changelog again (their Liquibase still runs and
 * finds nothing to apply; see docs/decisions/0007-test-database.md). Skipped when the changelogs have not changed
 * since the last generation and the kept cluster is there.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Path migrated = Path.of(args[2]);
        Path stamp = target.resolve(".changelog-sha256");
        String hash = hash(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)
                && Files.exists(migrated.resolve(MIGRATED_STAMP))
                && Files.readString(migrated.resolve(MIGRATED_STAMP)).equals(hash)) {
            System.out.println("[jooq-codegen] changelogs unchanged, generated classes are up to date");
            return;
        }
        delete(migrated);
        Files.deleteIfExists(stamp);
        // kept after close (not cleaned): stopped with pg_ctl stop -m fast, a consistent cluster to copy
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(migrated).setCleanDataDirectory(false)
                .start();
             var connection = pg.getPostgresDatabase().getConnection()) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // the changelog by the path the application gives it (classpath:db-migrations/changelog.xml), so the kept
            // cluster's databasechangelog names each changeset as the tests' Liquibase does and it finds them applied
            try (var accessor = new DirectoryResourceAccessor(migrations.getParent())) {
                new Liquibase(migrations.getFileName() + "/changelog.xml", accessor, database).update("");
            }
            Configuration configuration = new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("databasechangelog|databasechangeloglock"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName("se.uppfoljning.db")
                                    .withDirectory(target.toString())));
            GenerationTool.generate(configuration);
        }
        // written last: a cluster without it (an interrupted build) is never copied by the tests
        Files.writeString(migrated.resolve(MIGRATED_STAMP), hash);
        Files.writeString(stamp, hash);
    }

    /** In the kept cluster's directory: the changelogs' hash it was migrated with. */
    static final String MIGRATED_STAMP = "changelog-sha256";

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Part of the hash: change it when what this step leaves behind changes, so a kept target/ is made again. */
    private static final String OUTPUT_VERSION = "2: the migrated cluster kept, changesets named db-migrations/…";

    private static String hash(Path dir) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(OUTPUT_VERSION.getBytes());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(dir.relativize(file).toString().getBytes());
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
