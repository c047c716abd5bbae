package se.uppfoljning.periods;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.appendix.AppendixService;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemForm;
import se.uppfoljning.structure.StructureItem;
import se.uppfoljning.structure.StructureService;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Open → review → decided and locked (service, stored appendices, database triggers) → reopened by an admin. */
class PeriodLifecycleTest extends AbstractIntegrationTest {

    static final String PERIOD = "2024-dr2";
    static final Decision DECISION = new Decision("Kommunstyrelsen", LocalDate.of(2024, 10, 1), "§ 201", "KS 24/0999");

    @Autowired
    PeriodService periods;
    @Autowired
    FollowUpService followUp;
    @Autowired
    StructureService structure;
    @Autowired
    OrganisationService organisation;
    @Autowired
    AppendixService appendices;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditService audit;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    /** A DR2 period of KS that is open (the demo's own or a created one). */
    private void ensureOpenDr2() {
        signIn("sekretariat");
        if (periods.periods("ks").stream().noneMatch(p -> p.slug().equals(PERIOD))) {
            periods.create("ks", new NewPeriod(PeriodKind.DR2, 2024, LocalDate.of(2024, 8, 31), LocalDate.of(2024, 9, 15)));
        }
    }

    private FollowUpRow editableRow(CommitteeContext context) {
        return followUp.overview(context).areas().stream()
                .flatMap(a -> a.goals().stream().flatMap(g -> g.rows().stream()))
                .filter(r -> !r.derivedFromFinance()).findFirst().orElseThrow();
    }

    @Test
    void createdPeriodHasSlugNameDeadlineAndIsOpen() {
        ensureOpenDr2();
        PeriodDetails dr2 = periods.period("ks", PERIOD);
        assertThat(dr2.name()).isEqualTo("Delårsrapport med prognos 2 2024");
        assertThat(dr2.state()).isEqualTo(PeriodState.OPEN);
        assertThat(dr2.endDate()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(PeriodService.name(PeriodKind.ANNUAL, 2024)).isEqualTo("Årsredovisning 2024");
        assertThat(PeriodService.slug(PeriodKind.ANNUAL, 2024)).isEqualTo("2024-ar");
        assertThatThrownBy(() -> periods.create("ks",
                new NewPeriod(PeriodKind.DR2, 2024, LocalDate.of(2024, 8, 31), null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aPoliticianStartsOnTheLatestDecidedReportAndWhoeverWorksOnTheReportOnTheLatestPeriod() {
        signIn("politiker");
        var ks = organisation.committee("ks");
        assertThat(periods.startPeriod(ks, periods.periods(ks.id()))).map(ReportingPeriod::slug).contains("2024-dr1");
        for (String user : List.of("sekretariat", "tjansteperson", "controller")) {
            signIn(user);
            assertThat(periods.startPeriod(ks, periods.periods(ks.id()))).map(ReportingPeriod::slug).contains(PERIOD);
        }
        assertThat(periods.startPeriod(ks, List.of())).isEmpty();
    }

    @Test
    void onlyTheSecretariatMovesAPeriodAndOnlyAnAdminReopensWithAReason() {
        ensureOpenDr2();
        for (String user : List.of("politiker", "tjansteperson", "controller")) {
            signIn(user);
            assertThatThrownBy(() -> periods.submitForReview("ks", PERIOD)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> periods.create("ks", new NewPeriod(PeriodKind.ANNUAL, 2024,
                    LocalDate.of(2024, 12, 31), null))).isInstanceOf(AccessDeniedException.class);
        }
        signIn("sekretariat");
        assertThatThrownBy(() -> periods.decide("ks", PERIOD, DECISION)).isInstanceOf(ConflictException.class);
        assertThat(periods.submitForReview("ks", PERIOD).state()).isEqualTo(PeriodState.REVIEW);
        assertThatThrownBy(() -> periods.decide("ks", PERIOD, new Decision(" ", null, "", null)))
                .isInstanceOf(ValidationException.class);
        PeriodDetails decided = periods.decide("ks", PERIOD, DECISION);
        assertThat(decided.state()).isEqualTo(PeriodState.DECIDED);
        assertThat(decided.decision()).isEqualTo(DECISION);
        assertThat(decided.decidedBy()).isEqualTo("sekretariat");

        assertThatThrownBy(() -> periods.reopen("ks", PERIOD, "Fel i bilaga 2")).isInstanceOf(AccessDeniedException.class);
        signIn("admin");
        assertThatThrownBy(() -> periods.reopen("ks", PERIOD, " ")).isInstanceOf(ValidationException.class);
        PeriodDetails reopened = periods.reopen("ks", PERIOD, "Fel i bilaga 2");
        assertThat(reopened.state()).isEqualTo(PeriodState.OPEN);
        assertThat(reopened.decision()).isNull();
        List<PeriodEvent> events = periods.events("ks", PERIOD);
        assertThat(events).extracting(PeriodEvent::toState)
                .containsSubsequence(PeriodState.REVIEW, PeriodState.DECIDED, PeriodState.OPEN);
        PeriodEvent last = events.get(events.size() - 1);
        assertThat(last.reason()).isEqualTo("Fel i bilaga 2");
        assertThat(last.changedBy()).isEqualTo("admin");
        assertThat(events.get(events.size() - 2).decision()).isEqualTo(DECISION);

        // the decision and the reopening are in the searchable audit log too, with who did them
        var log = audit.search(AuditQuery.all());
        assertThat(log).anyMatch(e -> e.action().equals(AuditActions.PERIOD_DECIDED)
                && e.username().equals("sekretariat") && e.subject().equals("Delårsrapport med prognos 2 2024")
                && e.details().startsWith(DECISION.body()));
        assertThat(log).anyMatch(e -> e.action().equals(AuditActions.PERIOD_REOPENED)
                && e.username().equals("admin") && e.details().endsWith("Fel i bilaga 2"));
    }

    /**
     * A save still in its transaction when the decision starts: the decision waits for it and its decided Bilaga 2
     * holds the saved comment (before migration 125 the decision went ahead and the save landed after the documents).
     */
    @Test
    void theDecisionWaitsForASaveInProgressAndItsDocumentsHoldIt() throws Exception {
        ensureOpenDr2();
        CommitteeContext open = periods.context("ks", PERIOD);
        FollowUpRow row = editableRow(open);
        periods.submitForReview("ks", PERIOD);
        String comment = "Sparad medan beslutet registrerades";
        ExecutorService decider = Executors.newSingleThreadExecutor();
        try (Connection saving = dataSource.getConnection()) {
            saving.setAutoCommit(false);
            try (var update = saving.prepareStatement("update follow_up_entry set comment = ? where period_id = ? and item_id = ?")) {
                update.setString(1, comment);
                update.setLong(2, open.period().id());
                update.setLong(3, row.id());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            Future<PeriodDetails> decision = decider.submit(() -> {
                signIn("sekretariat");
                try {
                    return periods.decide("ks", PERIOD, DECISION);
                } finally {
                    signOut();
                }
            });
            Thread.sleep(1_000);
            assertThat(decision.isDone()).as("the decision waits for the save in progress").isFalse();
            saving.commit();
            assertThat(decision.get(60, TimeUnit.SECONDS).state()).isEqualTo(PeriodState.DECIDED);
        } finally {
            decider.shutdownNow();
        }
        CommitteeContext locked = periods.context("ks", PERIOD);
        byte[] docx = appendices.generate(locked, AppendixKind.BILAGA_2, AppendixFormat.DOCX).content();
        try (var extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(extractor.getText()).contains(comment);
        }
    }

    @Test
    void aDecidedPeriodRefusesEditsThroughTheServiceAndTheDatabaseAndKeepsItsAppendices() {
        ensureOpenDr2();
        CommitteeContext open = periods.context("ks", PERIOD);
        FollowUpRow row = editableRow(open);
        followUp.save(open, row.id(), new FollowUpChange("Uppfylls", "Före beslutet", row.version()));
        periods.submitForReview("ks", PERIOD);
        periods.decide("ks", PERIOD, DECISION);
        CommitteeContext locked = periods.context("ks", PERIOD);
        assertThat(locked.period().isLocked()).isTrue();
        String sha = appendices.storedSha256(locked, AppendixKind.BILAGA_2, AppendixFormat.DOCX).orElseThrow();
        assertThat(appendices.generate(locked, AppendixKind.BILAGA_2, AppendixFormat.DOCX).sha256()).isEqualTo(sha);
        assertThat(appendices.storedSha256(locked, AppendixKind.BILAGA_1, AppendixFormat.PDF)).isPresent();

        FollowUpRow current = followUp.row(locked, row.id());
        assertThat(current.editable()).isFalse();
        assertThatThrownBy(() -> followUp.save(locked, row.id(), new FollowUpChange("Uppfylls ej", "Efter", current.version())))
                .isInstanceOf(LockedException.class);
        // the service's own check bypassed: a context that still says OPEN
        assertThatThrownBy(() -> followUp.save(open, row.id(), new FollowUpChange("Uppfylls ej", "Efter", current.version())))
                .isInstanceOf(LockedException.class);
        // and plain SQL through jOOQ, past every service
        var db = testData.db();
        long periodId = locked.period().id();
        for (String sql : List.of(
                "update follow_up_entry set comment = 'ändrad' where period_id = " + periodId,
                "delete from follow_up_history where entry_id in (select id from follow_up_entry where period_id = " + periodId + ")",
                "insert into measure (committee_id, period_id, number, description) values ("
                        + locked.committee().id() + ", " + periodId + ", 99, 'x')",
                "insert into finance_import (period_id, file_name, sha256, row_count, result, imported_by) values ("
                        + periodId + ", 'f', 'x', 0, 'OK', 'x')",
                "delete from period_appendix where period_id = " + periodId,
                "update period_item set text = 'ändrad' where period_id = " + periodId,
                "update reporting_period set name = 'annat' where id = " + periodId,
                // finance rows are guarded per statement (one import writes 100 000 rows)
                "insert into finance_row (period_id, level_code, cut, code, name, summed, sort_order, prev_year_closed, "
                        + "outcome_to_date, forecast, budget) values (" + periodId + ", 'ÖKL', 'UNIT', 'x', 'x', false, 1, 0, 0, 0, 0)",
                "update finance_row set name = 'ändrad' where period_id in (select id from reporting_period where slug = '2024-dr1')",
                "delete from finance_row where period_id in (select id from reporting_period where slug = '2024-dr1')")) {
            assertThatThrownBy(() -> db.execute(sql)).as(sql).isInstanceOf(LockedException.class);
        }
        // the foreign key of finance rows, checked per statement: no row for a period that does not exist, and no
        // period deleted from under its rows
        assertThatThrownBy(() -> db.execute("insert into finance_row (period_id, level_code, cut, code, name, summed, "
                + "sort_order, prev_year_closed, outcome_to_date, forecast, budget) values (-1, 'ÖKL', 'UNIT', 'x', 'x', "
                + "false, 1, 0, 0, 0, 0)")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.execute("delete from reporting_period where id in (select period_id from finance_row)"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("finance_row");
        assertThat(followUp.row(locked, row.id()).comment()).isEqualTo("Före beslutet");
        assertThat(appendices.generate(locked, AppendixKind.BILAGA_2, AppendixFormat.DOCX).sha256()).isEqualTo(sha);

        signIn("admin");
        periods.reopen("ks", PERIOD, "Rättelse");
        signIn("sekretariat");
        CommitteeContext reopened = periods.context("ks", PERIOD);
        FollowUpRow again = followUp.row(reopened, row.id());
        followUp.save(reopened, row.id(), new FollowUpChange("Uppfylls ej", "Efter rättelse", again.version()));
        assertThat(followUp.row(reopened, row.id()).comment()).isEqualTo("Efter rättelse");
    }

    @Test
    void aDecidedPeriodShowsItsStructureAsDecidedWhateverChangesLater() {
        ensureOpenDr2();
        CommitteeContext open = periods.context("ks", PERIOD);
        var ks = open.committee();
        FollowUpRow row = editableRow(open);
        periods.submitForReview("ks", PERIOD);
        periods.decide("ks", PERIOD, DECISION);
        CommitteeContext locked = periods.context("ks", PERIOD);
        List<FollowUpRow> decided = followUp.overview(locked).rows();
        assertThat(decided).extracting(FollowUpRow::id).contains(row.id());

        // afterwards the secretariat rewords the item and gives it to another department
        StructureItem item = structure.items(ks, 2024).stream().filter(i -> i.id() == row.id()).findFirst().orElseThrow();
        long otherDepartment = organisation.departments(ks.id()).stream()
                .filter(d -> !Long.valueOf(d.id()).equals(item.departmentId())).findFirst().orElseThrow().id();
        structure.saveItem(ks, item.id(), new ItemForm(item.kind(), item.strategicGoalId(), item.areaId(), item.number(),
                "Ny lydelse efter beslutet", item.targetText(), otherDepartment, item.planYear(), item.carriedOver(),
                item.derivedFromFinance()));
        assertThat(structure.items(ks, 2024)).anyMatch(i -> i.text().equals("Ny lydelse efter beslutet"));

        // the decided report is read as it was decided, row for row
        assertThat(followUp.overview(locked).rows()).isEqualTo(decided);
        assertThat(followUp.overview(locked).rows()).noneMatch(r -> r.text().equals("Ny lydelse efter beslutet"));

        // reopened it follows the structure again, and a new decision keeps the new wording
        signIn("admin");
        periods.reopen("ks", PERIOD, "Ny lydelse");
        signIn("sekretariat");
        assertThat(followUp.overview(periods.context("ks", PERIOD)).rows())
                .anyMatch(r -> r.id() == row.id() && r.text().equals("Ny lydelse efter beslutet"));
        periods.submitForReview("ks", PERIOD);
        periods.decide("ks", PERIOD, DECISION);
        assertThat(followUp.overview(periods.context("ks", PERIOD)).rows())
                .anyMatch(r -> r.id() == row.id() && r.text().equals("Ny lydelse efter beslutet")
                        && r.departmentId() == otherDepartment);
    }
}
