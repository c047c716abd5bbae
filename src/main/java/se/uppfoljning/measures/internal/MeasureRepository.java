package se.uppfoljning.measures.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import se.uppfoljning.db.tables.records.MeasureRecord;
import se.uppfoljning.measures.Measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static se.uppfoljning.db.Tables.MEASURE;

@Repository
public class MeasureRepository {

    private final DSLContext db;

    MeasureRepository(DSLContext db) {
        this.db = db;
    }

    public List<Measure> measures(long periodId) {
        return db.selectFrom(MEASURE).where(MEASURE.PERIOD_ID.eq(periodId)).orderBy(MEASURE.NUMBER)
                .fetch(MeasureRepository::toMeasure);
    }

    public Optional<Measure> measure(long periodId, long id) {
        return db.selectFrom(MEASURE).where(MEASURE.PERIOD_ID.eq(periodId), MEASURE.ID.eq(id))
                .fetchOptional(MeasureRepository::toMeasure);
    }

    private static Measure toMeasure(MeasureRecord r) {
        return new Measure(r.getId(), r.getNumber(), r.getDescription(), r.getDecision(), r.getDiaryNumber(),
                r.getForecastEffect(), r.getTotalEffect(), r.getAchievedEffect(), r.getExpectedEffect(),
                r.getComment());
    }

    public int nextNumber(long periodId) {
        Integer max = db.select(DSL.max(MEASURE.NUMBER)).from(MEASURE).where(MEASURE.PERIOD_ID.eq(periodId))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    /** The measure's texts and effects, as written by insert, update and upsert alike. */
    private static Map<Field<?>, Object> contents(Measure m) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(MEASURE.DESCRIPTION, m.description());
        values.put(MEASURE.DECISION, m.decision());
        values.put(MEASURE.DIARY_NUMBER, m.diaryNumber());
        values.put(MEASURE.FORECAST_EFFECT, m.forecastEffect());
        values.put(MEASURE.TOTAL_EFFECT, m.totalEffect());
        values.put(MEASURE.ACHIEVED_EFFECT, m.achievedEffect());
        values.put(MEASURE.EXPECTED_EFFECT, m.expectedEffect());
        values.put(MEASURE.COMMENT, m.comment());
        return values;
    }

    public long insert(long committeeId, long periodId, int number, Measure m) {
        return db.insertInto(MEASURE)
                .set(MEASURE.COMMITTEE_ID, committeeId)
                .set(MEASURE.PERIOD_ID, periodId)
                .set(MEASURE.NUMBER, number)
                .set(contents(m))
                .returning(MEASURE.ID)
                .fetchOne(MEASURE.ID);
    }

    /** Changes the measure's texts and effects; false when the period has no measure with the id. */
    public boolean update(long periodId, long id, Measure m) {
        return db.update(MEASURE)
                .set(contents(m))
                .where(MEASURE.PERIOD_ID.eq(periodId), MEASURE.ID.eq(id))
                .execute() == 1;
    }

    /** Inserts or replaces the measure with the same number in the period. */
    public void upsert(long committeeId, long periodId, Measure m) {
        db.insertInto(MEASURE)
                .set(MEASURE.COMMITTEE_ID, committeeId)
                .set(MEASURE.PERIOD_ID, periodId)
                .set(MEASURE.NUMBER, m.number())
                .set(contents(m))
                .onConflict(MEASURE.PERIOD_ID, MEASURE.NUMBER)
                .doUpdate()
                .set(contents(m))
                .execute();
    }
}
