package se.uppfoljning.drafts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import se.uppfoljning.drafts.Draft;
import se.uppfoljning.drafts.DraftKey;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import static se.uppfoljning.db.Tables.DRAFT;

@Repository
public class DraftRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final DSLContext db;

    DraftRepository(DSLContext db) {
        this.db = db;
    }

    public void upsert(long userId, DraftKey key, Map<String, String> fields, OffsetDateTime now) {
        JSONB json = JSONB.valueOf(write(fields));
        db.insertInto(DRAFT, DRAFT.USER_ID, DRAFT.KIND, DRAFT.PERIOD_ID, DRAFT.SUBJECT, DRAFT.FIELDS, DRAFT.SAVED_AT)
                .values(userId, key.kind().name(), key.context().period().id(), key.subject(), json, now)
                .onConflict(DRAFT.USER_ID, DRAFT.KIND, DRAFT.PERIOD_ID, DRAFT.SUBJECT)
                .doUpdate().set(DRAFT.FIELDS, json).set(DRAFT.SAVED_AT, now)
                .execute();
    }

    public Optional<Draft> find(long userId, DraftKey key) {
        return db.select(DRAFT.FIELDS, DRAFT.SAVED_AT).from(DRAFT).where(matches(userId, key))
                .fetchOptional(r -> new Draft(read(r.value1()), r.value2()));
    }

    public void delete(long userId, DraftKey key) {
        db.deleteFrom(DRAFT).where(matches(userId, key)).execute();
    }

    private static Condition matches(long userId, DraftKey key) {
        return DRAFT.USER_ID.eq(userId).and(DRAFT.KIND.eq(key.kind().name()))
                .and(DRAFT.PERIOD_ID.eq(key.context().period().id())).and(DRAFT.SUBJECT.eq(key.subject()));
    }

    private static String write(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(JSONB json) {
        try {
            return JSON.readValue(json.data(), FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
