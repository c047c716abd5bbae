package se.uppfoljning.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ValidationException;

import java.time.OffsetDateTime;
import java.util.List;

/** The audit log for admins (and auditors with an admin's token), newest first. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditApiController {

    private final AuditService audit;

    AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    public record AuditJson(long id, OffsetDateTime occurredAt, String username, String committee, String action,
                            String subject, String details) {
    }

    /**
     * {@code kind}: an action ("security.loginFailed", "user.passwordReset" …) or "security" for every security
     * event; {@code user}: exact username; {@code from} (inclusive) and {@code to} (exclusive): ISO 8601 instants
     * with offset; {@code limit}: 1–5000 (default 500).
     */
    @GetMapping
    @Operation(summary = "Granskningsloggen (administratörer)",
            description = "Nyast först. kind: en händelse (t.ex. security.loginFailed) eller \"security\" för alla "
                    + "säkerhetshändelser; user: användarnamn; from/to: tidpunkter (ISO 8601); limit: 1–5000.")
    public List<AuditJson> search(@RequestParam(required = false) String kind,
                                  @RequestParam(required = false) String user,
                                  @RequestParam(required = false) OffsetDateTime from,
                                  @RequestParam(required = false) OffsetDateTime to,
                                  @RequestParam(required = false, defaultValue = "500") int limit) {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new ValidationException("audit.error.limit", String.valueOf(AuditQuery.MAX_LIMIT));
        }
        boolean security = "security".equals(kind);
        AuditQuery query = new AuditQuery(null, null, null, security ? null : kind, limit, security, user, from, to);
        return audit.searchAsAdmin(query).stream().map(AuditApiController::json).toList();
    }

    private static AuditJson json(AuditEntry e) {
        return new AuditJson(e.id(), e.occurredAt(), e.username(), e.committeeCode(), e.action(), e.subject(),
                e.details());
    }
}
