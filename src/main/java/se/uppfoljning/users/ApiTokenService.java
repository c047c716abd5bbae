package se.uppfoljning.users;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.ApiTokenAuthentication;
import se.uppfoljning.base.security.ApiTokenAuthenticator;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.SecurityEvent;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.users.internal.ApiTokenRepository;
import se.uppfoljning.users.internal.UserRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Personal API tokens for integrations: the signed-in user creates one (name, scope, expiry), sees its value once,
 * lists and revokes their own. The server keeps only the token's SHA-256, so a request with
 * {@code Authorization: Bearer …} costs one hash and one lookup instead of a password hash. A token carries its
 * owner's rights as they are at each request (memberships, deactivation), narrowed to reading for scope "read".
 */
@Service
public class ApiTokenService implements ApiTokenAuthenticator {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DAYS = 366;
    public static final int MAX_ACTIVE = 20;
    /** Tokens start with this, so a leaked one is recognisable (e.g. by secret scanners). */
    public static final String PREFIX = "upf_";

    private final ApiTokenRepository repository;
    private final UserRepository users;
    private final AuditService audit;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository repository, UserRepository users, AuditService audit, Messages messages,
                    Clock clock) {
        this.repository = repository;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A new token of the current user. {@code scope} is "read" or "write"; {@code expiresAt} in the future and at
     * most {@value #MAX_DAYS} days ahead. 422 for a bad name, scope or expiry, 409 beyond {@value #MAX_ACTIVE} active
     * tokens; a request authenticated by a token may not create tokens (403).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public CreatedApiToken create(String name, String scope, OffsetDateTime expiresAt) {
        AppUserPrincipal me = CurrentUser.get();
        if (me.isSystem()) {
            throw new ValidationException("users.error.systemUser");
        }
        if (ApiTokenAuthentication.current()) {
            throw new AccessDeniedException("a token cannot create tokens");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new ValidationException("tokens.error.nameRequired");
        }
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw new ValidationException("tokens.error.nameTooLong", MAX_NAME_LENGTH);
        }
        if (cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("tokens.error.nameControl");
        }
        String cleanScope = scope == null ? "" : scope.strip().toLowerCase(Locale.ROOT);
        if (!cleanScope.equals(ApiToken.READ) && !cleanScope.equals(ApiToken.WRITE)) {
            throw new ValidationException("tokens.error.scope", scope == null ? "" : scope);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (expiresAt == null) {
            throw new ValidationException("tokens.error.expiryRequired");
        }
        if (!expiresAt.isAfter(now)) {
            throw new ValidationException("tokens.error.expiryPast");
        }
        if (expiresAt.isAfter(now.plus(Duration.ofDays(MAX_DAYS)))) {
            throw new ValidationException("tokens.error.expiryTooLate", MAX_DAYS);
        }
        if (repository.countActive(me.id(), now) >= MAX_ACTIVE) {
            throw new ConflictException("tokens.error.tooMany", MAX_ACTIVE);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = repository.insert(me.id(), cleanName, sha256(secret), cleanScope, now,
                expiresAt.withOffsetSameInstant(ZoneOffset.UTC));
        audit.record(null, AuditActions.SECURITY_PREFIX + SecurityEvent.TOKEN_CREATED, cleanName,
                messages.get("tokens.audit.created", token.id(), messages.get("tokens.scope." + cleanScope),
                        Messages.date(expiresAt.atZoneSameInstant(ZoneId.of("Europe/Stockholm")).toLocalDate())));
        return new CreatedApiToken(token, secret);
    }

    /** The current user's tokens, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ApiToken> mine() {
        return repository.ofUser(CurrentUser.get().id());
    }

    /** Revokes one of the current user's tokens at once; 404 for another user's or an unknown token. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void revoke(long id) {
        AppUserPrincipal me = CurrentUser.get();
        ApiToken token = repository.ofUser(me.id(), id)
                .orElseThrow(() -> new NotFoundException("tokens.error.notFound", id));
        if (token.revokedAt() != null) {
            return;
        }
        repository.revoke(id, OffsetDateTime.now(clock));
        audit.record(null, AuditActions.SECURITY_PREFIX + SecurityEvent.TOKEN_REVOKED, token.name(),
                messages.get("tokens.audit.revoked", token.id()));
    }

    @Override
    @Unrestricted("authenticates a bearer token: nobody is signed in yet")
    public Optional<ApiTokenAuthentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        // one statement: the token's validity and its owner's current rights, read on every request (no cache), so
        // a revocation, expiry or deactivation holds from the next request on, on every node; no transaction of its
        // own (one statement needs none: it saves the round trip of a commit on every API request)
        return users.findByTokenHash(sha256(token), OffsetDateTime.now(clock))
                .map(found -> new ApiTokenAuthentication(found.user(), found.tokenId(), !"WRITE".equals(found.scope())));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
