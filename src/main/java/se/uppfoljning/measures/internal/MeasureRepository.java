package se.uppfoljning.measures.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import se.uppfoljning.measures.Measure;

import java.util.List;

import static se.uppfoljning.db.Tables.MEASURE;

@Repository
public class MeasureRepository {

    private final DSLContext db;

    MeasureRepository(DSLContext db) {
        this.db = db;
    }

    public List<Measure> measures(long periodId) {
        return db.selectFrom(MEASURE).where(MEASURE.PERIOD_ID.eq(periodId)).orderBy(MEASURE.NUMBER)
                .fetch(r -> new Measure(r.getId(), r.getNumber(), r.getDescription(), r.getDecision(),
                        r.getDiaryNumber(), r.getForecastEffect(), r.getTotalEffect(), r.getAchievedEffect(),
                        r.getExpectedEffect(), r.getComment()));
    }

    /** Inserts or replaces the measure with the same number in the period. */
    public void upsert(long committeeId, long periodId, Measure m) {
        db.insertInto(MEASURE)
                .set(MEASURE.COMMITTEE_ID, committeeId)
                .set(MEASURE.PERIOD_ID, periodId)
                .set(MEASURE.NUMBER, m.number())
                .set(MEASURE.DESCRIPTION, m.description())
                .set(MEASURE.DECISION, m.decision())
                .set(MEASURE.DIARY_NUMBER, m.diaryNumber())
                .set(MEASURE.FORECAST_EFFECT, m.forecastEffect())
                .set(MEASURE.TOTAL_EFFECT, m.totalEffect())
                .set(MEASURE.ACHIEVED_EFFECT, m.achievedEffect())
                .set(MEASURE.EXPECTED_EFFECT, m.expectedEffect())
                .set(MEASURE.COMMENT, m.comment())
                .onConflict(MEASURE.PERIOD_ID, MEASURE.NUMBER)
                .doUpdate()
                .set(MEASURE.DESCRIPTION, m.description())
                .set(MEASURE.DECISION, m.decision())
                .set(MEASURE.DIARY_NUMBER, m.diaryNumber())
                .set(MEASURE.FORECAST_EFFECT, m.forecastEffect())
                .set(MEASURE.TOTAL_EFFECT, m.totalEffect())
                .set(MEASURE.ACHIEVED_EFFECT, m.achievedEffect())
                .set(MEASURE.EXPECTED_EFFECT, m.expectedEffect())
                .set(MEASURE.COMMENT, m.comment())
                .execute();
    }
}
