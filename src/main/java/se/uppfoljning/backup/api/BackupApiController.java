package se.uppfoljning.backup.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.backup.BackupService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;

/** A backup of the running database, streamed as a ZIP (admins only). */
@RestController
@RequestMapping("/api/v1/admin/backup")
public class BackupApiController {

    private final BackupService backups;
    private final Clock clock;

    BackupApiController(BackupService backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Säkerhetskopia av hela databasen (administratörer)",
            description = "En ZIP-fil: varje tabell i PostgreSQL:s binära COPY-format och manifest.json med version, "
                    + "migreringar, antal rader och SHA-256 per tabell. Återställs med --restore=FIL.")
    public void backup(HttpServletResponse response) {
        backups.backup(() -> {
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition",
                    "attachment; filename=\"uppfoljning-" + LocalDate.now(clock) + ".zip\"");
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
