package se.uppfoljning.users.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import se.uppfoljning.users.ApiToken;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static se.uppfoljning.db.Tables.API_TOKEN;

@Repository
public class ApiTokenRepository {

    private final DSLContext db;

    ApiTokenRepository(DSLContext db) {
        this.db = db;
    }

    public ApiToken insert(long userId, String name, String hash, String scope, OffsetDateTime createdAt,
                           OffsetDateTime expiresAt) {
        long id = db.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, hash)
                .set(API_TOKEN.SCOPE, scope.toUpperCase(Locale.ROOT))
                .set(API_TOKEN.CREATED_AT, createdAt)
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .returning(API_TOKEN.ID).fetchOne().getId();
        return new ApiToken(id, name, scope, createdAt, expiresAt, null);
    }

    /** The user's tokens, newest first. */
    public List<ApiToken> ofUser(long userId) {
        return db.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.SCOPE, API_TOKEN.CREATED_AT, API_TOKEN.EXPIRES_AT,
                        API_TOKEN.REVOKED_AT)
                .from(API_TOKEN).where(API_TOKEN.USER_ID.eq(userId))
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(r -> new ApiToken(r.value1(), r.value2(), r.value3().toLowerCase(Locale.ROOT), r.value4(),
                        r.value5(), r.value6()));
    }

    public Optional<ApiToken> ofUser(long userId, long id) {
        return ofUser(userId).stream().filter(t -> t.id() == id).findFirst();
    }

    public int countActive(long userId, OffsetDateTime now) {
        return db.fetchCount(API_TOKEN, API_TOKEN.USER_ID.eq(userId).and(API_TOKEN.REVOKED_AT.isNull())
                .and(API_TOKEN.EXPIRES_AT.gt(now)));
    }

    public void revoke(long id, OffsetDateTime at) {
        db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, at).where(API_TOKEN.ID.eq(id))
                .and(API_TOKEN.REVOKED_AT.isNull()).execute();
    }
}
