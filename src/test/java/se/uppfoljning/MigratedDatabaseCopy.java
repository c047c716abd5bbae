package se.uppfoljning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Starts the shared test context's embedded PostgreSQL from a copy of the cluster the build's jOOQ step migrated
 * ({@code target/migrated-postgres}, see src/build/JooqCodegen.java) instead of an empty one: no initdb, and the
 * context's Liquibase – which still runs, as at every start – finds every changeset applied and only validates their
 * checksums. A changelog added after the copy was made is simply applied by it, as in production; an applied one
 * edited since fails the start, as in production. Without the kept cluster (a build that skipped the jOOQ step, an
 * IDE run without it) nothing changes: the context starts on a clean directory as before ({@code
 * app.data-dir-clean=true}). Only the first test context of the JVM on the embedded database gets the copy; a
 * second application in the same JVM (TwoNodesTest's node B) names the first one's database and is left alone.
 * See docs/decisions/0007-test-database.md.
 */
public class MigratedDatabaseCopy implements EnvironmentPostProcessor, Ordered {

    /** Set by surefire (pom.xml): the directory of the cluster the jOOQ step migrated. */
    static final String PROPERTY = "test.migrated-postgres";
    /** Written by JooqCodegen last, so a cluster without it is incomplete and never copied. */
    static final String STAMP = "changelog-sha256";

    private static final AtomicBoolean copied = new AtomicBoolean();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String source = System.getProperty(PROPERTY);
        if (source == null || !environment.matchesProfiles("test")
                || !environment.getProperty("spring.datasource.url", "").isEmpty()
                || !environment.getProperty("app.data-dir-clean", Boolean.class, false)
                || !Files.exists(Path.of(source, STAMP))
                || !copied.compareAndSet(false, true)) {
            return;
        }
        Path target = Path.of(environment.getRequiredProperty("app.data-dir")).toAbsolutePath();
        copy(Path.of(source), target);
        environment.getPropertySources().addFirst(new MapPropertySource("migrated-postgres-copy",
                Map.of("app.data-dir-clean", "false")));
    }

    /** Replaces {@code target} with a copy of {@code source}, permissions kept (PostgreSQL wants 0700). */
    static void copy(Path source, Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> files = Files.walk(target)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying the migrated test database " + source + " to " + target, e);
        }
    }

    @Override
    public int getOrder() {
        // after the config files are read (app.data-dir, app.data-dir-clean of the test profile)
        return Ordered.LOWEST_PRECEDENCE;
    }
}
