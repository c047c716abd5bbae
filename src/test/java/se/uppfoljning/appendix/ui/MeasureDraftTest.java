package se.uppfoljning.appendix.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.measures.Measure;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.periods.PeriodService;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed text survives in the measure dialog of Bilaga 1 as in the edit dialog: a server-side draft per user and
 * measure while the user types, offered after a new login, never saved by itself, removed by a successful save, and
 * never shown to another user.
 */
class MeasureDraftTest extends KaribuTest {

    private static final String TYPED = "Översyn av licenser och avtal – ✅ klart i oktober";

    @Autowired
    MeasureService measures;
    @Autowired
    DraftService drafts;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
        testData.copyDr1FiguresAndMeasuresToDr2(); // the view opens the open period 2024-dr2
    }

    private MeasureDialog openNew(String user) {
        login(user);
        UI.getCurrent().navigate("bilagor");
        _click(_get(Button.class, spec -> spec.withId("measure-add")));
        return _get(MeasureDialog.class);
    }

    @SuppressWarnings("unchecked")
    private MeasureDialog openFirst(String user) {
        login(user);
        UI.getCurrent().navigate("bilagor");
        Grid<Measure> grid = _get(Grid.class, spec -> spec.withId("measure-grid"));
        _click((Button) _getCellComponent(grid, 0, "actions"));
        return _get(MeasureDialog.class);
    }

    private List<Measure> stored() {
        signIn("sekretariat");
        return measures.measures(periods.context("ks", "2024-dr2"));
    }

    @Test
    void aNewMeasuresTypedTextIsOfferedAfterANewLoginAndOnlyTheSaveStoresIt() {
        int before = stored().size();
        MeasureDialog dialog = openNew("sekretariat");
        assertNoDraftOffer();
        _setValue(dialog.description, TYPED);
        _setValue(dialog.forecastEffect, "1,2");
        newSession(); // the session ends before Spara

        assertThat(stored()).as("a draft never becomes a measure by itself").hasSize(before);
        dialog = openNew("sekretariat");
        assertThat(dialog.description.getValue()).isEmpty();
        assertThat(draftOfferText())
                .matches("Osparat utkast från \\d\\d:\\d\\d");
        restoreDraft();
        assertThat(dialog.description.getValue()).isEqualTo(TYPED);
        assertThat(dialog.forecastEffect.getValue()).isEqualTo("1,2");
        assertThat(stored()).hasSize(before);

        login("sekretariat");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        List<Measure> after = stored();
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(after.size() - 1).description()).isEqualTo(TYPED);
        assertThat(after.get(after.size() - 1).forecastEffect()).isEqualTo(1_200_000L);
        assertThat(drafts.find(DraftKey.measure(periods.context("ks", "2024-dr2"), null)))
                .as("a successful save removes the draft").isEmpty();
        newSession();
        openNew("sekretariat");
        assertNoDraftOffer();
    }

    @Test
    void anEditedMeasuresDraftIsItsOwnAndAnotherUserNeverSeesIt() {
        MeasureDialog dialog = openFirst("sekretariat");
        String saved = dialog.comment.getValue();
        _setValue(dialog.comment, TYPED);
        newSession();

        // another user with the right to edit measures opens the same measure: no offer, the saved text
        dialog = openFirst("admin");
        assertNoDraftOffer();
        assertThat(dialog.comment.getValue()).isEqualTo(saved);
        newSession();
        // a new measure is another thing than the edited one: no offer there
        openNew("sekretariat");
        assertNoDraftOffer();
        newSession();
        dialog = openFirst("sekretariat");
        restoreDraft();
        assertThat(dialog.comment.getValue()).isEqualTo(TYPED);
        assertThat(stored().get(0).comment()).isEqualTo(saved.isEmpty() ? null : saved);
    }
}
