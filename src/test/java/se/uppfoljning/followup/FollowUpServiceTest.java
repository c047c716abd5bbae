package se.uppfoljning.followup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Who may change what, optimistic locking and history, on the demo data. */
class FollowUpServiceTest extends AbstractIntegrationTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;
    @Autowired
    Messages messages;

    CommitteeContext context;

    @BeforeEach
    void setUp() {
        testData.reset();
        signIn("politiker");
        context = periods.context("ks", "2024-dr2");
    }

    private FollowUpRow row(String textStart) {
        return followUp.overview(context).rows().stream().filter(r -> r.printedText().startsWith(textStart))
                .findFirst().orElseThrow();
    }

    @Test
    void officialEditsAnItemOfTheirOwnDepartmentAndTheHistoryShowsOldAndNew() {
        signIn("tjansteperson");
        FollowUpRow before = row("Metodutveckla narkotikateamet");
        assertThat(before.owner()).isEqualTo("Säkerhetsavdelningen");
        assertThat(before.editable()).isTrue();

        FollowUpRow after = followUp.save(context, before.id(), new FollowUpChange("Påbörjat", "Analysen är igång.", before.version()));

        assertThat(after.status()).isEqualTo("Påbörjat");
        assertThat(after.comment()).isEqualTo("Analysen är igång.");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedBy()).isEqualTo("Tove Tjänsteperson");
        List<HistoryEntry> history = followUp.history(context, before.id());
        assertThat(history).hasSize(2);
        HistoryEntry latest = history.get(0);
        assertThat(latest.changedBy()).isEqualTo("Tove Tjänsteperson");
        assertThat(latest.oldStatus()).isEqualTo("Genomfört");
        assertThat(latest.newStatus()).isEqualTo("Påbörjat");
        assertThat(latest.oldComment()).isEqualTo(before.comment());
        assertThat(latest.newComment()).isEqualTo("Analysen är igång.");
    }

    @Test
    void officialCannotEditAnotherDepartmentsItemAndNothingChanges() {
        signIn("tjansteperson");
        FollowUpRow hme = row("2.1 ");
        assertThat(hme.owner()).isEqualTo("HR-avdelningen");
        assertThat(hme.editable()).isFalse();

        assertThatThrownBy(() -> followUp.save(context, hme.id(), new FollowUpChange("Uppfylls", "Ändrat", hme.version())))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(row("2.1 ")).isEqualTo(hme);
        assertThat(followUp.history(context, hme.id())).hasSize(1);
    }

    @Test
    void politicianReadsEverythingButCannotEdit() {
        FollowUpOverview overview = followUp.overview(context);
        assertThat(overview.rows()).hasSize(52).noneMatch(FollowUpRow::editable);
        FollowUpRow any = overview.rows().get(3);
        assertThatThrownBy(() -> followUp.save(context, any.id(), new FollowUpChange(any.status(), "x", any.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(row(any.printedText()).comment()).isEqualTo(any.comment());
    }

    @Test
    void secretariatEditsEveryItem() {
        signIn("sekretariat");
        assertThat(followUp.overview(context).rows()).hasSize(52).allMatch(FollowUpRow::editable);
        FollowUpRow hme = row("2.1 ");
        FollowUpRow saved = followUp.save(context, hme.id(), new FollowUpChange("Uppfylls delvis", "Nytt", hme.version()));
        assertThat(saved.status()).isEqualTo("Uppfylls delvis");
    }

    @Test
    void aStaleSaveIsRefusedNamingWhoSavedFirstAndChangesNothing() {
        signIn("tjansteperson");
        FollowUpRow read = row("Ett narkotikateam ska införas");
        followUp.save(context, read.id(), new FollowUpChange("Genomfört", "Första sparningen", read.version()));

        signIn("sekretariat");
        ConflictException conflict = catchThrowableOfType(ConflictException.class,
                () -> followUp.save(context, read.id(), new FollowUpChange("Påbörjat", "Andra sparningen", read.version())));

        assertThat(messages.of(conflict)).contains("Tove Tjänsteperson");
        FollowUpRow now = row("Ett narkotikateam ska införas");
        assertThat(now.comment()).isEqualTo("Första sparningen");
        assertThat(now.status()).isEqualTo("Genomfört");
        assertThat(now.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void anUnknownStatusOrOneOfTheOtherScaleIsRefused() {
        signIn("sekretariat");
        FollowUpRow assignment = row("Metodutveckla narkotikateamet");
        assertThatThrownBy(() -> followUp.save(context, assignment.id(), new FollowUpChange("Klart", "x", assignment.version())))
                .isInstanceOf(ValidationException.class);
        // "Uppfylls" belongs to the goals' scale, not the assignments'
        assertThatThrownBy(() -> followUp.save(context, assignment.id(), new FollowUpChange("Uppfylls", "x", assignment.version())))
                .isInstanceOf(ValidationException.class);
        assertThat(row("Metodutveckla narkotikateamet")).isEqualTo(assignment);
    }

    @Test
    void aBlankStatusMeansNotAssessedAndSavingTheSameTwiceWritesNoHistory() {
        signIn("sekretariat");
        FollowUpRow row = row("14.1 ");
        FollowUpRow saved = followUp.save(context, row.id(), new FollowUpChange("", "Ej bedömd ännu", row.version()));
        assertThat(saved.status()).isNull();
        FollowUpRow again = followUp.save(context, row.id(), new FollowUpChange("", "Ej bedömd ännu", saved.version()));
        assertThat(again.version()).isEqualTo(saved.version());
        assertThat(followUp.history(context, row.id())).hasSize(2);
    }

    @Test
    void anItemOfAnotherCommitteeOrUnknownIdIsNotFound() {
        signIn("sekretariat");
        assertThatThrownBy(() -> followUp.save(context, 999_999, new FollowUpChange("Uppfylls", "x", 1)))
                .isInstanceOf(NotFoundException.class);
    }
}
