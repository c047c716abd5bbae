package se.uppfoljning.base.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Without an external database configured ({@code spring.datasource.url}), the application runs on an embedded
 * PostgreSQL whose data directory survives restarts ({@code APP_DATA_DIR}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * PostgreSQL's own durable defaults. The embedding library starts the server for tests (fsync off through "-F",
     * synchronous_commit off), where an operating-system crash or power loss can lose committed saves or corrupt the
     * cluster; "-c" settings come after "-F" on the command line, so these win.
     */
    public static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${app.data-dir}") String dataDir,
                                      @Value("${app.data-dir-clean:false}") boolean clean) throws IOException {
        Path directory = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(directory);
        log.info("Startar inbäddad PostgreSQL i {}", directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "50")
                // Spring stops it (destroyMethod) after the web server and the pool; a second, racing hook of its own
                // made Ctrl+C print "Could not stop postmaster"
                .setRegisterShutdownHook(false);
        DURABLE.forEach(builder::setServerConfig);
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        var hikari = new HikariDataSource();
        hikari.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        hikari.setUsername("postgres");
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("uppfoljning");
        // batched inserts (bulk spreadsheet import: history and audit rows) as multi-row statements
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        return hikari;
    }
}
