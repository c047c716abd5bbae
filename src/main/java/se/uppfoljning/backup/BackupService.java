package se.uppfoljning.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.SecurityEvent;
import se.uppfoljning.base.security.Unrestricted;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Backup and restore of the application's database (embedded or external) in the format of {@link DatabaseDump}.
 * A backup is taken from the running application ({@code GET /api/v1/admin/backup}, admins only, audited); a
 * restore runs from the command line ({@code --restore=FILE}, see {@link RestoreCommand}) into an empty database.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BackupService(DataSource dataSource, Clock clock, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Writes a consistent dump (a ZIP) of the whole database to the stream {@code target} opens; admins only. The
     * audit log gets a security event first (so the dump contains its own entry). {@code target} is called only
     * once the caller is known to be allowed, so a refusal can still answer with an error.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public DatabaseDump.Manifest backup(Supplier<OutputStream> target) {
        events.publishEvent(new SecurityEvent(SecurityEvent.BACKUP_CREATED, SecurityEvent.currentUsername(), null, null,
                Messages.text("backup.audit.subject"), Messages.text("backup.audit.created")));
        try (Connection connection = dataSource.getConnection()) {
            DatabaseDump.Manifest manifest = DatabaseDump.dump(connection, target.get(), applicationVersion(),
                    clock.instant());
            log.info("Säkerhetskopia skapad: {} tabeller, {} rader", manifest.tables().size(),
                    manifest.tables().stream().mapToLong(DatabaseDump.TableEntry::rows).sum());
            return manifest;
        } catch (SQLException | IOException e) {
            throw new BackupException(Messages.text("backup.error.notCreated", String.valueOf(e.getMessage())), e);
        }
    }

    /** Restores {@code file} into the application's database, which must be empty (see {@link DatabaseDump#restore}). */
    @Unrestricted("run from the command line before the application serves anyone; no user exists")
    public DatabaseDump.RestoreSummary restore(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(Messages.text("backup.error.noFile", file.toString()));
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseDump.RestoreSummary summary = DatabaseDump.restore(connection, file);
            events.publishEvent(new SecurityEvent(SecurityEvent.BACKUP_RESTORED, "system", null, null, file.getFileName().toString(),
                    Messages.text("backup.audit.restored", String.valueOf(summary.manifest().createdAt()),
                            String.valueOf(summary.rows()))));
            return summary;
        } catch (SQLException | IOException e) {
            throw new BackupException(Messages.text("backup.error.restoreFailed", String.valueOf(e.getMessage())), e);
        }
    }

    /** The jar's version (from its manifest), or "utveckling" when run from the classes. */
    static String applicationVersion() {
        String version = BackupService.class.getPackage().getImplementationVersion();
        return version == null ? "utveckling" : version;
    }
}
