package se.uppfoljning.users.api;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.users.ApiToken;
import se.uppfoljning.users.ApiTokenService;
import se.uppfoljning.users.CreatedApiToken;

import java.time.OffsetDateTime;
import java.util.List;

/** The signed-in user's personal API tokens: create (the value is in this answer only), list, revoke. */
@RestController
@RequestMapping("/api/v1/me/tokens")
public class ApiTokenApiController {

    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    /** {@code scope}: "read" (GET only) or "write"; {@code expiresAt}: ISO 8601 with offset, at most 366 days ahead. */
    public record NewTokenJson(String name, String scope, OffsetDateTime expiresAt) {
    }

    /** A token as listed; {@code active}: neither revoked nor expired. */
    public record TokenJson(long id, String name, String scope, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime revokedAt) {
    }

    /** The new token with its value {@code token}, shown only in this answer. */
    public record CreatedTokenJson(long id, String name, String scope, OffsetDateTime createdAt,
                                   OffsetDateTime expiresAt, String token) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skapa en personlig API-nyckel",
            description = "Svaret innehåller nyckeln (fältet token) en enda gång; servern sparar bara dess SHA-256. "
                    + "Använd den som Authorization: Bearer <token>. scope \"read\" tillåter bara GET. "
                    + "Kräver lösenord (HTTP Basic), inte en annan nyckel.")
    public CreatedTokenJson create(@RequestBody NewTokenJson body) {
        if (body == null) {
            throw new ValidationException("tokens.error.nameRequired");
        }
        CreatedApiToken created = tokens.create(body.name(), body.scope(), body.expiresAt());
        ApiToken t = created.token();
        return new CreatedTokenJson(t.id(), t.name(), t.scope(), t.createdAt(), t.expiresAt(), created.secret());
    }

    @GetMapping
    @Operation(summary = "Mina API-nycklar", description = "Nyast först, även återkallade och utgångna; aldrig nyckelns värde.")
    public List<TokenJson> list() {
        return tokens.mine().stream().map(t -> new TokenJson(t.id(), t.name(), t.scope(), t.createdAt(),
                t.expiresAt(), t.revokedAt())).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Återkalla en API-nyckel", description = "Gäller genast; 404 för en okänd eller annans nyckel.")
    public void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}
