package se.uppfoljning.drafts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drafts are per user and edited thing, never in a decided period, and gone after a save. */
class DraftServiceTest extends AbstractIntegrationTest {

    @Autowired
    DraftService drafts;
    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;

    CommitteeContext open;
    FollowUpRow row;

    @BeforeEach
    void setUp() {
        testData.reset();
        signIn("tjansteperson");
        open = periods.context("ks", "2024-dr2");
        row = followUp.overview(open).rows().stream().filter(FollowUpRow::editable).findFirst().orElseThrow();
    }

    @Test
    void aDraftIsTheUsersOwn() {
        DraftKey key = DraftKey.followUp(open, row.id());
        assertThat(drafts.keep(key, Map.of("comment", "Första", "status", ""))).isTrue();
        assertThat(drafts.keep(key, Map.of("comment", "Andra versionen", "status", "Påbörjat"))).isTrue();
        Draft draft = drafts.find(key).orElseThrow();
        assertThat(draft.fields()).isEqualTo(Map.of("comment", "Andra versionen", "status", "Påbörjat"));
        assertThat(draft.savedAt()).isNotNull();
        assertThat(drafts.find(DraftKey.followUp(open, row.id() + 1))).isEmpty();
        assertThat(drafts.find(DraftKey.measure(open, row.id()))).isEmpty();

        signIn("sekretariat");
        assertThat(drafts.find(key)).isEmpty();
        drafts.discard(key);
        signIn("tjansteperson");
        assertThat(drafts.find(key)).as("another user's discard touches only their own").isPresent();

        signOut();
        assertThatThrownBy(() -> drafts.find(key)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aSaveRemovesTheDraftAndTheDraftIsNeverTheEntry() {
        DraftKey key = DraftKey.followUp(open, row.id());
        drafts.keep(key, Map.of("comment", "Utkast som inte är sparat"));
        assertThat(followUp.row(open, row.id()).comment()).isEqualTo(row.comment());

        followUp.save(open, row.id(), new FollowUpChange(row.status(), "Sparad text", row.version()));
        assertThat(drafts.find(key)).isEmpty();
    }

    @Test
    void aDecidedPeriodKeepsAndOffersNoDraft() {
        CommitteeContext decided = periods.context("ks", "2024-dr1");
        assertThat(decided.period().isLocked()).isTrue();
        DraftKey key = DraftKey.followUp(decided, row.id());
        assertThat(drafts.keep(key, Map.of("comment", "Text i ett beslutat år"))).isFalse();
        assertThat(drafts.find(key)).isEmpty();
        assertThat(testData.db().fetchCount(se.uppfoljning.db.Tables.DRAFT)).isZero();
    }

    @Test
    void textsAPeriodCannotHoldAreKeptAsFarAsPossible() {
        DraftKey key = DraftKey.followUp(open, row.id());
        drafts.keep(key, Map.of("comment", "Före\u0000efter ✅ " + "x".repeat(30_000)));
        String kept = drafts.find(key).orElseThrow().field("comment");
        assertThat(kept).startsWith("Föreefter ✅ ").hasSize(DraftService.MAX_FIELD_LENGTH);
    }
}
