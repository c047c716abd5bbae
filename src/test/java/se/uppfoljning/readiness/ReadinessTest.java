package se.uppfoljning.readiness;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.SecretariatOnKsTest;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.uppfoljning.db.Tables.AUDIT_LOG;

/** Marking entries ready: who may, what is refused (no status, unconfirmed draft, not open, decided: service and DB). */
class ReadinessTest extends SecretariatOnKsTest {

    static final String OWN = "Säkerhetsavdelningen";

    @Autowired
    FollowUpService followUp;
    @Autowired
    ReadinessService readiness;
    @Autowired
    PeriodService periods;

    private List<FollowUpRow> rows(String department) {
        return followUp.overview(dr2).rows().stream()
                .filter(r -> department.equals(r.owner()) && !r.derivedFromFinance()).toList();
    }

    private FollowUpRow confirm(FollowUpRow row) {
        return followUp.save(dr2, row.id(), new FollowUpChange(row.status(), row.comment(), row.version()));
    }

    private static String key(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        return null;
    }

    @Test
    void officialMarksOwnConfirmedItemReadyAndUnmarksIt() {
        signIn("tjansteperson");
        FollowUpRow draft = rows(OWN).stream().filter(FollowUpRow::isAssessed).findFirst().orElseThrow();
        assertThat(draft.draft()).isTrue();
        assertThat(draft.mayMarkReady()).isTrue();
        // a draft from the previous period is not ready until confirmed
        assertThat(key(() -> readiness.markReady(dr2, draft.id()))).isEqualTo("followup.error.readyDraft");
        assertThat(followUp.row(dr2, draft.id()).ready()).isFalse();

        FollowUpRow confirmed = confirm(draft);
        FollowUpRow ready = readiness.markReady(dr2, draft.id());
        assertThat(ready.ready()).isTrue();
        assertThat(ready.readyBy()).isEqualTo("Tove Tjänsteperson");
        assertThat(ready.version()).isEqualTo(confirmed.version()); // the mark is not an edit of status or comment
        assertThat(testData.db().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("followUp.ready")
                .and(AUDIT_LOG.USERNAME.eq("tjansteperson")))).isEqualTo(1);

        assertThat(readiness.unmarkReady(dr2, draft.id()).ready()).isFalse();
        assertThat(testData.db().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("followUp.unready"))).isEqualTo(1);
    }

    @Test
    void officialCannotMarkAnotherDepartmentsItem() {
        signIn("sekretariat");
        FollowUpRow other = confirm(rows("HR-avdelningen").get(0));
        signIn("tjansteperson");
        assertThat(followUp.row(dr2, other.id()).mayMarkReady()).isFalse();
        assertThatThrownBy(() -> readiness.markReady(dr2, other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readiness.markDepartmentReady(dr2, other.departmentId()))
                .isInstanceOf(AccessDeniedException.class);
        signIn("politiker");
        assertThatThrownBy(() -> readiness.markReady(dr2, other.id())).isInstanceOf(AccessDeniedException.class);
        signIn("sekretariat");
        assertThat(readiness.markReady(dr2, other.id()).ready()).isTrue();
    }

    @Test
    void anItemWithoutStatusIsNotReadyAndClearingTheStatusTakesTheMarkAway() {
        signIn("sekretariat");
        FollowUpRow row = confirm(rows("HR-avdelningen").get(0));
        assertThat(readiness.markReady(dr2, row.id()).ready()).isTrue();
        FollowUpRow cleared = followUp.save(dr2, row.id(), new FollowUpChange("", row.comment(), row.version()));
        assertThat(cleared.status()).isNull();
        assertThat(cleared.ready()).isFalse();
        assertThatThrownBy(() -> readiness.markReady(dr2, row.id())).isInstanceOf(ValidationException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("followup.error.readyNoStatus");
    }

    @Test
    void departmentMarkingMarksEligibleItemsAndReportsTheOthers() {
        signIn("tjansteperson");
        List<FollowUpRow> own = rows(OWN);
        FollowUpRow first = own.stream().filter(FollowUpRow::isAssessed).findFirst().orElseThrow();
        confirm(first);
        var result = readiness.markDepartmentReady(dr2, first.departmentId());
        assertThat(result.department()).isEqualTo(OWN);
        assertThat(result.marked()).containsExactly(first.printedText());
        assertThat(result.alreadyReady()).isZero();
        long allOwn = followUp.overview(dr2).rows().stream().filter(r -> OWN.equals(r.owner())).count();
        assertThat(result.refused()).hasSize((int) allOwn - 1)
                .allSatisfy(r -> assertThat(r.reason()).isIn("från föregående period, ej bekräftad", "saknar prognos"));
        // again: nothing new, one already ready
        var again = readiness.markDepartmentReady(dr2, first.departmentId());
        assertThat(again.marked()).isEmpty();
        assertThat(again.alreadyReady()).isEqualTo(1);
        assertThat(testData.db().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("followUp.departmentReady"))).isEqualTo(1);
    }

    @Test
    void notInAPeriodUnderReviewAndNeverInADecidedOneNotEvenBySql() {
        signIn("sekretariat");
        FollowUpRow row = confirm(rows(OWN).stream().filter(FollowUpRow::isAssessed).findFirst().orElseThrow());
        periods.submitForReview("ks", "2024-dr2");
        CommitteeContext review = periods.context("ks", "2024-dr2");
        assertThat(followUp.row(review, row.id()).mayMarkReady()).isFalse();
        assertThatThrownBy(() -> readiness.markReady(review, row.id())).isInstanceOf(ConflictException.class);

        CommitteeContext dr1 = periods.context("ks", "2024-dr1");
        FollowUpRow decided = followUp.overview(dr1).rows().stream().filter(FollowUpRow::isAssessed).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> readiness.markReady(dr1, decided.id())).isInstanceOf(LockedException.class);
        // a stale context that still says OPEN gets past the service's check; the database refuses
        CommitteeContext stale = new CommitteeContext(dr1.committee(), dr2.period());
        assertThat(stale.period().isLocked()).isFalse();
        assertThatThrownBy(() -> testData.db().execute("update follow_up_entry set ready_at = now(), ready_by = 'x'"
                + " where period_id = " + dr1.period().id())).isInstanceOf(LockedException.class);
        assertThat(followUp.row(dr1, decided.id()).ready()).isFalse();
    }
}
