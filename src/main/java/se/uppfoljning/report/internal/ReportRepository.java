package se.uppfoljning.report.internal;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.report.NewSection;
import se.uppfoljning.report.ReportSection;
import se.uppfoljning.report.SectionHistoryEntry;
import se.uppfoljning.report.SectionState;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.max;
import static se.uppfoljning.db.Tables.PERIOD_REPORT;
import static se.uppfoljning.db.Tables.REPORT_SECTION;
import static se.uppfoljning.db.Tables.REPORT_SECTION_EDITOR;
import static se.uppfoljning.db.Tables.REPORT_SECTION_HISTORY;

/** The report's sections, their editors and history, and the decided report's files. */
@Repository
public class ReportRepository {

    private final DSLContext db;

    ReportRepository(DSLContext db) {
        this.db = db;
    }

    /** The outline of a period in order, each section with its named editors (one query each, not per section). */
    public List<ReportSection> sections(long periodId) {
        Map<Long, List<String>> editors = db.select(REPORT_SECTION_EDITOR.SECTION_ID, REPORT_SECTION_EDITOR.USERNAME)
                .from(REPORT_SECTION_EDITOR)
                .where(REPORT_SECTION_EDITOR.PERIOD_ID.eq(periodId))
                .orderBy(REPORT_SECTION_EDITOR.USERNAME)
                .fetchGroups(REPORT_SECTION_EDITOR.SECTION_ID, REPORT_SECTION_EDITOR.USERNAME);
        return db.selectFrom(REPORT_SECTION).where(REPORT_SECTION.PERIOD_ID.eq(periodId))
                .orderBy(REPORT_SECTION.SORT_ORDER, REPORT_SECTION.ID)
                .fetch(r -> section(r, editors.getOrDefault(r.getId(), List.of())));
    }

    public Optional<ReportSection> section(long periodId, long sectionId) {
        return sections(periodId).stream().filter(s -> s.id() == sectionId).findFirst();
    }

    private static ReportSection section(Record r, List<String> editors) {
        return new ReportSection(r.get(REPORT_SECTION.ID), r.get(REPORT_SECTION.SORT_ORDER), r.get(REPORT_SECTION.NUMBER),
                r.get(REPORT_SECTION.HEADING), r.get(REPORT_SECTION.LEVEL), "BLOCK".equals(r.get(REPORT_SECTION.KIND)),
                r.get(REPORT_SECTION.BLOCK_TYPE), r.get(REPORT_SECTION.BODY),
                SectionState.valueOf(r.get(REPORT_SECTION.STATE)), r.get(REPORT_SECTION.VERSION),
                r.get(REPORT_SECTION.CHANGED_BY), r.get(REPORT_SECTION.CHANGED_AT), editors);
    }

    public void deleteOutline(long periodId) {
        List<Long> ids = db.select(REPORT_SECTION.ID).from(REPORT_SECTION).where(REPORT_SECTION.PERIOD_ID.eq(periodId))
                .fetch(REPORT_SECTION.ID);
        db.deleteFrom(REPORT_SECTION_EDITOR).where(REPORT_SECTION_EDITOR.SECTION_ID.in(ids)).execute();
        db.deleteFrom(REPORT_SECTION_HISTORY).where(REPORT_SECTION_HISTORY.SECTION_ID.in(ids)).execute();
        db.deleteFrom(REPORT_SECTION).where(REPORT_SECTION.ID.in(ids)).execute();
    }

    /** Removes one section with its history and named editors. */
    public void delete(long periodId, long sectionId) {
        db.deleteFrom(REPORT_SECTION_EDITOR).where(REPORT_SECTION_EDITOR.SECTION_ID.eq(sectionId)).execute();
        db.deleteFrom(REPORT_SECTION_HISTORY).where(REPORT_SECTION_HISTORY.SECTION_ID.eq(sectionId)).execute();
        db.deleteFrom(REPORT_SECTION).where(REPORT_SECTION.ID.eq(sectionId).and(REPORT_SECTION.PERIOD_ID.eq(periodId)))
                .execute();
    }

    /** Sort orders 10, 20, 30 … in the given order of section ids; only rows whose order changes are written. */
    public void renumber(long periodId, List<Long> sectionIds) {
        Map<Long, Integer> current = db.select(REPORT_SECTION.ID, REPORT_SECTION.SORT_ORDER).from(REPORT_SECTION)
                .where(REPORT_SECTION.PERIOD_ID.eq(periodId)).fetchMap(REPORT_SECTION.ID, REPORT_SECTION.SORT_ORDER);
        for (int i = 0; i < sectionIds.size(); i++) {
            int order = (i + 1) * 10;
            if (!Integer.valueOf(order).equals(current.get(sectionIds.get(i)))) {
                db.update(REPORT_SECTION).set(REPORT_SECTION.SORT_ORDER, order)
                        .where(REPORT_SECTION.ID.eq(sectionIds.get(i)).and(REPORT_SECTION.PERIOD_ID.eq(periodId)))
                        .execute();
            }
        }
    }

    public long insert(long periodId, int sortOrder, NewSection s, SectionState state, String by, OffsetDateTime at) {
        long id = db.insertInto(REPORT_SECTION)
                .set(REPORT_SECTION.PERIOD_ID, periodId)
                .set(REPORT_SECTION.SORT_ORDER, sortOrder)
                .set(REPORT_SECTION.NUMBER, s.number())
                .set(REPORT_SECTION.HEADING, s.heading())
                .set(REPORT_SECTION.LEVEL, s.level())
                .set(REPORT_SECTION.KIND, s.block() == null ? "TEXT" : "BLOCK")
                .set(REPORT_SECTION.BLOCK_TYPE, s.block())
                .set(REPORT_SECTION.BODY, s.body())
                .set(REPORT_SECTION.STATE, state.name())
                .set(REPORT_SECTION.CHANGED_BY, by)
                .set(REPORT_SECTION.CHANGED_AT, at)
                .returning(REPORT_SECTION.ID).fetchOne().getId();
        history(periodId, id, 1, null, s.body(), null, state, by, at);
        return id;
    }

    /** Writes the text if the version is still {@code expectedVersion}; false when someone saved in between. */
    public boolean update(long periodId, ReportSection old, int expectedVersion, String body, SectionState state,
                          String by, OffsetDateTime at) {
        int updated = db.update(REPORT_SECTION)
                .set(REPORT_SECTION.BODY, body)
                .set(REPORT_SECTION.STATE, state.name())
                .set(REPORT_SECTION.VERSION, REPORT_SECTION.VERSION.plus(1))
                .set(REPORT_SECTION.CHANGED_BY, by)
                .set(REPORT_SECTION.CHANGED_AT, at)
                .where(REPORT_SECTION.ID.eq(old.id()).and(REPORT_SECTION.PERIOD_ID.eq(periodId))
                        .and(REPORT_SECTION.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 1) {
            history(periodId, old.id(), expectedVersion + 1, old.body(), body, old.state(), state, by, at);
        }
        return updated == 1;
    }

    private void history(long periodId, long sectionId, int version, String oldBody, String newBody,
                         SectionState oldState, SectionState newState, String by, OffsetDateTime at) {
        db.insertInto(REPORT_SECTION_HISTORY)
                .set(REPORT_SECTION_HISTORY.SECTION_ID, sectionId)
                .set(REPORT_SECTION_HISTORY.PERIOD_ID, periodId)
                .set(REPORT_SECTION_HISTORY.VERSION, version)
                .set(REPORT_SECTION_HISTORY.OLD_BODY, oldBody)
                .set(REPORT_SECTION_HISTORY.NEW_BODY, newBody)
                .set(REPORT_SECTION_HISTORY.OLD_STATE, oldState == null ? null : oldState.name())
                .set(REPORT_SECTION_HISTORY.NEW_STATE, newState.name())
                .set(REPORT_SECTION_HISTORY.CHANGED_BY, by)
                .set(REPORT_SECTION_HISTORY.CHANGED_AT, at)
                .execute();
    }

    public List<SectionHistoryEntry> history(long periodId, long sectionId) {
        return db.selectFrom(REPORT_SECTION_HISTORY)
                .where(REPORT_SECTION_HISTORY.PERIOD_ID.eq(periodId).and(REPORT_SECTION_HISTORY.SECTION_ID.eq(sectionId)))
                .orderBy(REPORT_SECTION_HISTORY.ID.desc())
                .fetch(r -> new SectionHistoryEntry(r.getVersion(), r.getOldBody(), r.getNewBody(),
                        r.getOldState() == null ? null : SectionState.valueOf(r.getOldState()),
                        SectionState.valueOf(r.getNewState()), r.getChangedBy(), r.getChangedAt()));
    }

    /** Replaces the section's named editors by these usernames (checked by the service). */
    public void setEditors(long periodId, long sectionId, List<String> usernames) {
        db.deleteFrom(REPORT_SECTION_EDITOR).where(REPORT_SECTION_EDITOR.SECTION_ID.eq(sectionId)).execute();
        for (String username : usernames) {
            db.insertInto(REPORT_SECTION_EDITOR)
                    .set(REPORT_SECTION_EDITOR.SECTION_ID, sectionId)
                    .set(REPORT_SECTION_EDITOR.PERIOD_ID, periodId)
                    .set(REPORT_SECTION_EDITOR.USERNAME, username)
                    .execute();
        }
    }

    public void storeDecided(long periodId, long eventId, String format, AppendixFile file, String decidedLine) {
        db.insertInto(PERIOD_REPORT)
                .set(PERIOD_REPORT.PERIOD_ID, periodId)
                .set(PERIOD_REPORT.EVENT_ID, eventId)
                .set(PERIOD_REPORT.FORMAT, format)
                .set(PERIOD_REPORT.FILE_NAME, file.fileName())
                .set(PERIOD_REPORT.CONTENT_TYPE, file.contentType())
                .set(PERIOD_REPORT.CONTENT, file.content())
                .set(PERIOD_REPORT.SHA256, file.sha256())
                .set(PERIOD_REPORT.DECIDED_LINE, decidedLine)
                .execute();
    }

    /** The newest stored report in the format (that of the latest decision). */
    public Optional<AppendixFile> decided(long periodId, String format) {
        return db.selectFrom(PERIOD_REPORT)
                .where(PERIOD_REPORT.PERIOD_ID.eq(periodId).and(PERIOD_REPORT.FORMAT.eq(format)))
                .orderBy(PERIOD_REPORT.ID.desc()).limit(1)
                .fetchOptional(r -> new AppendixFile(r.getFileName(), r.getContentType(), r.getContent()));
    }

    public Optional<String> decidedSha256(long periodId, String format) {
        return db.select(PERIOD_REPORT.SHA256).from(PERIOD_REPORT)
                .where(PERIOD_REPORT.PERIOD_ID.eq(periodId).and(PERIOD_REPORT.FORMAT.eq(format)))
                .orderBy(PERIOD_REPORT.ID.desc()).limit(1)
                .fetchOptional(PERIOD_REPORT.SHA256);
    }

    /** The title page's "Beslutad av …" of the latest stored decision of the period, if any. */
    public Optional<String> decidedLine(long periodId) {
        return db.select(PERIOD_REPORT.DECIDED_LINE).from(PERIOD_REPORT)
                .where(PERIOD_REPORT.PERIOD_ID.eq(periodId))
                .orderBy(PERIOD_REPORT.ID.desc()).limit(1)
                .fetchOptional(PERIOD_REPORT.DECIDED_LINE);
    }

    public int maxSortOrder(long periodId) {
        Integer m = db.select(max(REPORT_SECTION.SORT_ORDER)).from(REPORT_SECTION)
                .where(REPORT_SECTION.PERIOD_ID.eq(periodId)).fetchOne(0, Integer.class);
        return m == null ? 0 : m;
    }
}
