package se.uppfoljning.appendix.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;

import java.util.Optional;

import static se.uppfoljning.db.Tables.PERIOD_APPENDIX;

/** The appendices of a decided period, stored as decided (bytes and SHA-256). */
@Repository
public class StoredAppendixRepository {

    private final DSLContext db;

    StoredAppendixRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(long periodId, long eventId, AppendixKind kind, AppendixFormat format, AppendixFile file) {
        db.insertInto(PERIOD_APPENDIX)
                .set(PERIOD_APPENDIX.PERIOD_ID, periodId)
                .set(PERIOD_APPENDIX.EVENT_ID, eventId)
                .set(PERIOD_APPENDIX.KIND, kind.name())
                .set(PERIOD_APPENDIX.FORMAT, format.name())
                .set(PERIOD_APPENDIX.FILE_NAME, file.fileName())
                .set(PERIOD_APPENDIX.CONTENT_TYPE, file.contentType())
                .set(PERIOD_APPENDIX.CONTENT, file.content())
                .set(PERIOD_APPENDIX.SHA256, file.sha256())
                .execute();
    }

    /** The newest stored file of the kind and format in the period (the one of the latest decision). */
    public Optional<AppendixFile> latest(long periodId, AppendixKind kind, AppendixFormat format) {
        return db.selectFrom(PERIOD_APPENDIX)
                .where(PERIOD_APPENDIX.PERIOD_ID.eq(periodId)
                        .and(PERIOD_APPENDIX.KIND.eq(kind.name()))
                        .and(PERIOD_APPENDIX.FORMAT.eq(format.name())))
                .orderBy(PERIOD_APPENDIX.ID.desc())
                .limit(1)
                .fetchOptional(r -> new AppendixFile(r.getFileName(), r.getContentType(), r.getContent()));
    }

    public Optional<String> storedSha256(long periodId, AppendixKind kind, AppendixFormat format) {
        return db.select(PERIOD_APPENDIX.SHA256).from(PERIOD_APPENDIX)
                .where(PERIOD_APPENDIX.PERIOD_ID.eq(periodId)
                        .and(PERIOD_APPENDIX.KIND.eq(kind.name()))
                        .and(PERIOD_APPENDIX.FORMAT.eq(format.name())))
                .orderBy(PERIOD_APPENDIX.ID.desc())
                .limit(1)
                .fetchOptional(PERIOD_APPENDIX.SHA256);
    }
}
