package se.uppfoljning.periods.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.PeriodState;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision form keeps what the secretary typed as their draft: after a new login it is offered, restored into
 * the fields (the date too), never recorded by itself, removed when the decision is recorded, and never shown to
 * another user.
 */
class DecisionDraftTest extends KaribuTest {

    @Autowired
    PeriodService periods;
    @Autowired
    DraftService drafts;

    @BeforeEach
    void reset() {
        testData.reset();
        signIn("sekretariat");
        periods.submitForReview("ks", "2024-dr2");
    }

    private PeriodsView open(String user) {
        login(user);
        UI.getCurrent().navigate("perioder");
        PeriodsView view = _get(PeriodsView.class);
        assertThat(view.grid.getSelectedItems()).singleElement()
                .satisfies(p -> assertThat(p.slug()).isEqualTo("2024-dr2"));
        return view;
    }

    @Test
    void theTypedDecisionIsOfferedAfterANewLoginAndRecordingItRemovesTheDraft() {
        PeriodsView view = open("sekretariat");
        assertNoDraftOffer();
        _setValue(view.body, "Kommunstyrelsen");
        _setValue(view.decisionDate, LocalDate.of(2024, 10, 1));
        _setValue(view.paragraph, "§ 180");
        newSession(); // the session ends before the decision is recorded

        signIn("politiker");
        assertThat(periods.period("ks", "2024-dr2").state()).as("a draft never records the decision")
                .isEqualTo(PeriodState.REVIEW);
        view = open("admin");
        assertNoDraftOffer();
        assertThat(view.paragraph.getValue()).isEmpty();
        newSession();

        view = open("sekretariat");
        assertThat(view.paragraph.getValue()).isEmpty();
        assertThat(draftOfferText())
                .matches("Osparat utkast från \\d\\d:\\d\\d");
        restoreDraft();
        assertThat(view.body.getValue()).isEqualTo("Kommunstyrelsen");
        assertThat(view.decisionDate.getValue()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(view.paragraph.getValue()).isEqualTo("§ 180");

        _click(view.decide);
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("decision-confirm"));
        confirm.getElement().setProperty("opened", true);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(periods.period("ks", "2024-dr2").state()).isEqualTo(PeriodState.DECIDED);
        assertThat(periods.period("ks", "2024-dr2").decision().paragraph()).isEqualTo("§ 180");
        signIn("admin");
        periods.reopen("ks", "2024-dr2", "Kontroll av utkastet");
        signIn("sekretariat");
        periods.submitForReview("ks", "2024-dr2");
        assertThat(drafts.find(DraftKey.decision(periods.context("ks", "2024-dr2"))))
                .as("recording the decision removes the draft").isEmpty();
    }
}
