package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed text survives a lost session: the edit dialog keeps a server-side draft while the user types and offers it
 * after a new login; the draft is the user's own, is never saved by itself, and a save removes it.
 */
class EntryDraftTest extends KaribuTest {

    private static final String ITEM = "Metodutveckla narkotikateamet";
    private static final String TYPED = "Analysarbetet har startat och en första rapport 📈 lämnas i oktober.";

    @Autowired
    FollowUpService followUp;
    @Autowired
    DraftService drafts;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private EntryDialog openEditor(String user) {
        login(user);
        UI.getCurrent().navigate(FollowUpView.class);
        FollowUpView view = _get(FollowUpView.class);
        int index = IntStream.range(0, _size(view.grid))
                .filter(i -> _get(view.grid, i) instanceof OverviewNode.RowNode r && r.row().text().equals(ITEM))
                .findFirst().orElseThrow();
        OverviewCells.action(view, index, 0).click();
        return _get(EntryDialog.class);
    }

    private FollowUpRow savedRow() {
        signIn("politiker");
        CommitteeContext context = periods.context("ks", "2024-dr2");
        return followUp.overview(context).rows().stream().filter(r -> r.text().equals(ITEM)).findFirst().orElseThrow();
    }

    @Test
    void typedTextIsOfferedAfterANewLoginAndOnlyTheSaveMakesItTheEntry() {
        String savedComment = savedRow().comment();
        EntryDialog dialog = openEditor("tjansteperson");
        assertNoDraftOffer();
        _setValue(dialog.status, "Påbörjat");
        _setValue(dialog.comment, TYPED);
        // the session ends here (the tab is closed, the laptop sleeps): Spara is never pressed
        newSession();

        assertThat(savedRow().comment()).as("a draft never becomes the entry by itself").isEqualTo(savedComment);
        dialog = openEditor("tjansteperson");
        assertThat(dialog.comment.getValue()).isEqualTo(savedComment);
        assertThat(draftOfferText())
                .matches("Osparat utkast från \\d\\d:\\d\\d");
        restoreDraft();
        assertThat(dialog.comment.getValue()).isEqualTo(TYPED);
        assertThat(dialog.status.getValue()).isEqualTo("Påbörjat");
        assertThat(savedRow().comment()).isEqualTo(savedComment);

        login("tjansteperson");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(savedRow().comment()).isEqualTo(TYPED);
        signIn("tjansteperson");
        assertThat(drafts.find(DraftKey.followUp(periods.context("ks", "2024-dr2"), savedRow().id())))
                .as("a successful save removes the draft").isEmpty();
        newSession();
        openEditor("tjansteperson");
        assertNoDraftOffer();
    }

    @Test
    void anotherUserNeverSeesTheDraft() {
        EntryDialog dialog = openEditor("tjansteperson");
        _setValue(dialog.comment, TYPED);
        newSession();

        dialog = openEditor("sekretariat");
        assertNoDraftOffer();
        assertThat(dialog.comment.getValue()).isNotEqualTo(TYPED);
    }

    @Test
    void discardedDraftIsGoneAndTypingBackTheSavedTextLeavesNoDraft() {
        EntryDialog dialog = openEditor("tjansteperson");
        String saved = dialog.comment.getValue();
        _setValue(dialog.comment, TYPED);
        newSession();
        openEditor("tjansteperson");
        _click(_get(Button.class, spec -> spec.withId("draft-discard")));
        newSession();
        dialog = openEditor("tjansteperson");
        assertNoDraftOffer();

        _setValue(dialog.comment, TYPED);
        _setValue(dialog.comment, saved);
        newSession();
        openEditor("tjansteperson");
        assertNoDraftOffer();
    }
}
