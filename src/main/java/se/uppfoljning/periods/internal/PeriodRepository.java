package se.uppfoljning.periods.internal;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.Decision;
import se.uppfoljning.periods.PeriodDetails;
import se.uppfoljning.periods.PeriodEvent;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.periods.ReportingPeriod;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static se.uppfoljning.db.Tables.COMMITTEE;
import static se.uppfoljning.db.Tables.PERIOD_EVENT;
import static se.uppfoljning.db.Tables.REPORTING_PERIOD;

@Repository
public class PeriodRepository {

    private static final se.uppfoljning.db.tables.ReportingPeriod P = REPORTING_PERIOD;
    private static final se.uppfoljning.db.tables.PeriodEvent V = PERIOD_EVENT;

    private final DSLContext db;

    PeriodRepository(DSLContext db) {
        this.db = db;
    }

    public List<PeriodDetails> periods(long committeeId) {
        return db.selectFrom(P).where(P.COMMITTEE_ID.eq(committeeId)).orderBy(P.END_DATE.desc(), P.ID.desc())
                .fetch(PeriodRepository::details);
    }

    public Optional<PeriodDetails> period(long periodId) {
        return db.selectFrom(P).where(P.ID.eq(periodId)).fetchOptional(PeriodRepository::details);
    }

    public ReportingPeriod insertPeriod(long committeeId, String slug, String name, PeriodKind kind, int year,
                                        LocalDate endDate) {
        long id = db.insertInto(REPORTING_PERIOD)
                .set(REPORTING_PERIOD.COMMITTEE_ID, committeeId)
                .set(REPORTING_PERIOD.SLUG, slug)
                .set(REPORTING_PERIOD.NAME, name)
                .set(REPORTING_PERIOD.KIND, kind.name())
                .set(REPORTING_PERIOD.YEAR, year)
                .set(REPORTING_PERIOD.END_DATE, endDate)
                .returning(REPORTING_PERIOD.ID).fetchOne().getId();
        return new ReportingPeriod(id, committeeId, slug, name, kind, year, endDate, PeriodState.OPEN);
    }

    public void setDeadline(long periodId, LocalDate deadline) {
        db.update(P).set(P.DEADLINE, deadline).where(P.ID.eq(periodId)).execute();
    }

    /** Moves the period from one state to another; false when it was not in {@code from} (someone was first). */
    public boolean transition(long periodId, PeriodState from, PeriodState to) {
        var update = db.update(P).set(P.STATE, to.name());
        if (to != PeriodState.DECIDED) {
            update = update.set(P.DECISION_BODY, (String) null).set(P.DECISION_DATE, (LocalDate) null)
                    .set(P.DECISION_PARAGRAPH, (String) null).set(P.DIARY_NUMBER, (String) null)
                    .set(P.DECIDED_AT, (OffsetDateTime) null).set(P.DECIDED_BY, (String) null);
        }
        return update.where(P.ID.eq(periodId).and(P.STATE.eq(from.name()))).execute() == 1;
    }

    /**
     * Locks the period's row for the decision and reads its state under the lock: waits for the saves in progress
     * (each holds a share lock on its period's row, migration 125) and makes later ones wait for the decision.
     */
    public PeriodState lockForDecision(long periodId) {
        return PeriodState.valueOf(db.select(P.STATE).from(P).where(P.ID.eq(periodId)).forNoKeyUpdate().fetchSingle(P.STATE));
    }

    public boolean decide(long periodId, PeriodState from, Decision decision, String username, OffsetDateTime now) {
        return db.update(P)
                .set(P.STATE, PeriodState.DECIDED.name())
                .set(P.DECISION_BODY, decision.body())
                .set(P.DECISION_DATE, decision.date())
                .set(P.DECISION_PARAGRAPH, decision.paragraph())
                .set(P.DIARY_NUMBER, decision.diaryNumber())
                .set(P.DECIDED_AT, now)
                .set(P.DECIDED_BY, username)
                .where(P.ID.eq(periodId).and(P.STATE.eq(from.name())))
                .execute() == 1;
    }

    public long insertEvent(long periodId, PeriodState from, PeriodState to, String reason, Decision decision,
                            String username, OffsetDateTime now) {
        return db.insertInto(V)
                .set(V.PERIOD_ID, periodId)
                .set(V.FROM_STATE, from == null ? null : from.name())
                .set(V.TO_STATE, to.name())
                .set(V.REASON, reason)
                .set(V.DECISION_BODY, decision == null ? null : decision.body())
                .set(V.DECISION_DATE, decision == null ? null : decision.date())
                .set(V.DECISION_PARAGRAPH, decision == null ? null : decision.paragraph())
                .set(V.DIARY_NUMBER, decision == null ? null : decision.diaryNumber())
                .set(V.CHANGED_BY, username)
                .set(V.CHANGED_AT, now)
                .returning(V.ID).fetchOne().getId();
    }

    public List<PeriodEvent> events(long periodId) {
        return db.selectFrom(V).where(V.PERIOD_ID.eq(periodId)).orderBy(V.ID)
                .fetch(r -> new PeriodEvent(r.getId(),
                        r.getFromState() == null ? null : PeriodState.valueOf(r.getFromState()),
                        PeriodState.valueOf(r.getToState()), r.getReason(),
                        r.getDecisionBody() == null ? null : new Decision(r.getDecisionBody(), r.getDecisionDate(),
                                r.getDecisionParagraph(), r.getDiaryNumber()),
                        r.getChangedBy(), r.getChangedAt()));
    }

    /** The committees with their periods (newest first), in one statement; a committee without periods has none. */
    public Map<Committee, List<ReportingPeriod>> committeesWithPeriods(Collection<Long> ids, boolean all) {
        Map<Committee, List<ReportingPeriod>> result = new LinkedHashMap<>();
        db.select(COMMITTEE.fields()).select(REPORTING_PERIOD.fields())
                .from(COMMITTEE)
                .leftJoin(REPORTING_PERIOD).on(REPORTING_PERIOD.COMMITTEE_ID.eq(COMMITTEE.ID))
                .where(all ? DSL.trueCondition() : COMMITTEE.ID.in(ids))
                .orderBy(COMMITTEE.SORT_ORDER, COMMITTEE.NAME, COMMITTEE.ID, REPORTING_PERIOD.END_DATE.desc())
                .forEach(r -> {
                    List<ReportingPeriod> periods = result.computeIfAbsent(committee(r), c -> new ArrayList<>());
                    if (r.get(REPORTING_PERIOD.ID) != null) {
                        periods.add(reportingPeriod(r));
                    }
                });
        return result;
    }

    /** The committee's periods, newest end date first. */
    public List<ReportingPeriod> reportingPeriods(long committeeId) {
        return db.selectFrom(REPORTING_PERIOD).where(REPORTING_PERIOD.COMMITTEE_ID.eq(committeeId))
                .orderBy(REPORTING_PERIOD.END_DATE.desc())
                .fetch(PeriodRepository::reportingPeriod);
    }

    /** Committee and period in one statement. */
    public Optional<CommitteeContext> context(String committeeSlug, String periodSlug) {
        return db.select(COMMITTEE.fields()).select(REPORTING_PERIOD.fields())
                .from(COMMITTEE)
                .join(REPORTING_PERIOD).on(REPORTING_PERIOD.COMMITTEE_ID.eq(COMMITTEE.ID))
                .where(COMMITTEE.SLUG.eq(committeeSlug).and(REPORTING_PERIOD.SLUG.eq(periodSlug)))
                .fetchOptional(r -> new CommitteeContext(committee(r), reportingPeriod(r)));
    }

    private static Committee committee(Record r) {
        return new Committee(r.get(COMMITTEE.ID), r.get(COMMITTEE.ORGANISATION_ID), r.get(COMMITTEE.SLUG),
                r.get(COMMITTEE.CODE), r.get(COMMITTEE.NAME));
    }

    private static ReportingPeriod reportingPeriod(Record r) {
        return new ReportingPeriod(r.get(REPORTING_PERIOD.ID), r.get(REPORTING_PERIOD.COMMITTEE_ID),
                r.get(REPORTING_PERIOD.SLUG), r.get(REPORTING_PERIOD.NAME),
                PeriodKind.valueOf(r.get(REPORTING_PERIOD.KIND)), r.get(REPORTING_PERIOD.YEAR),
                r.get(REPORTING_PERIOD.END_DATE), PeriodState.valueOf(r.get(REPORTING_PERIOD.STATE)));
    }

    private static PeriodDetails details(Record record) {
        var r = record.into(P);
        Decision decision = r.getDecisionBody() == null ? null
                : new Decision(r.getDecisionBody(), r.getDecisionDate(), r.getDecisionParagraph(), r.getDiaryNumber());
        return new PeriodDetails(r.getId(), r.getSlug(), r.getName(), PeriodKind.valueOf(r.getKind()), r.getYear(),
                r.getEndDate(), r.getDeadline(), PeriodState.valueOf(r.getState()), decision, r.getDecidedAt(),
                r.getDecidedBy());
    }
}
