package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's first "done when" in the UI: an official opens 14.1, enters 2023 = 73 and 2024 (preliminary) = 76,
 * sees the proposal "Uppfylls" against "minst 75" with the calculation beside the status, saves "Uppfylls delvis"
 * anyway; the row's detail shows the values, the chart with the target line, and the history; Framsteg lists an
 * indicator that misses its target.
 */
class IndicatorDialogTest extends KaribuTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;

    private long item141;

    @BeforeEach
    void setUp() {
        testData.reset();
        item141 = testData.ksItemId("14.1");
        testData.addNaringslivOfficial();
    }

    private FollowUpRow row141() {
        CommitteeContext context = periods.context("ks", "2024-dr2");
        return followUp.row(context, item141);
    }

    private void enter(int year, String value, boolean preliminary) {
        _setValue(_get(IntegerField.class, spec -> spec.withId("indicator-year")), year);
        _setValue(_get(TextField.class, spec -> spec.withId("indicator-value")), value);
        _setValue(_get(Checkbox.class, spec -> spec.withId("indicator-preliminary")), preliminary);
        _click(_get(Button.class, spec -> spec.withId("indicator-save-value")));
    }

    @Test
    void theOfficialSeesTheProposalBesideTheStatusAndDecidesOtherwise() {
        login("naringsliv");
        UI.getCurrent().navigate(FollowUpView.class);
        FollowUpView view = _get(FollowUpView.class);
        view.openEditor(row141());
        EntryDialog dialog = _get(EntryDialog.class);
        assertThat(_get(Span.class, spec -> spec.withId("indicator-proposal-status")).getText()).isEqualTo("–");
        assertThat(_get(Paragraph.class, spec -> spec.withId("indicator-proposal-calculation")).getText())
                .isEqualTo("Inget uppmätt värde ännu – inget förslag till bedömning.");

        enter(2023, "73", false);
        enter(2024, "76", true);

        assertThat(_get(Span.class, spec -> spec.withId("indicator-proposal-status")).getText()).isEqualTo("Uppfylls");
        assertThat(_get(Paragraph.class, spec -> spec.withId("indicator-proposal-calculation")).getText())
                .isEqualTo("Senaste värde 76 (2024, preliminärt) ≥ målvärdet minst 75 NKI → förslag: Uppfylls");
        assertThat(_get(Html.class, spec -> spec.withId("indicator-chart")).getInnerHtml())
                .contains("<svg").contains("Målvärde minst 75 NKI").contains(">2023<").contains(">2024<");
        // the proposal is beside the status, not in it
        assertThat(dialog.status.getValue()).isEqualTo("Uppfylls");
        int statusIndex = dialog.status.getParent().orElseThrow().getChildren().toList().indexOf(dialog.status);
        assertThat(dialog.status.getParent().orElseThrow().getChildren().toList().get(statusIndex + 1).getId())
                .contains("indicator-panel");

        _setValue(dialog.status, "Uppfylls delvis");
        _click(dialog.save);
        assertThat(row141().status()).isEqualTo("Uppfylls delvis");

        view.openHistory(row141());
        HistoryDialog history = _get(HistoryDialog.class);
        Div panel = (Div) history.getChildren().filter(c -> c.getId().orElse("").equals("indicator-panel"))
                .findFirst().orElseThrow();
        String shown = panel.getElement().getOuterHTML();
        assertThat(shown).contains("73").contains("76").contains("Uppfylls");
        assertThat(panel.getChildren().filter(c -> c.getId().orElse("").equals("indicator-history")).findFirst())
                .get().extracting(c -> ((Html) c).getInnerHtml()).asString()
                .contains("2023 (totalt): – → 73").contains("2024 (totalt): – → 76 (preliminärt)");
        // read-only in the detail: no form
        assertThat(panel.getElement().getOuterHTML()).doesNotContain("indicator-save-value");
    }

    @Test
    void progressListsIndicatorsWhoseLatestValueMissesTheTarget() {
        login("sekretariat");
        UI.getCurrent().navigate(FollowUpView.class);
        FollowUpView view = _get(FollowUpView.class);
        long item21 = ((Number) testData.db().fetchValue("select i.id from follow_up_item i join committee c "
                + "on c.id = i.committee_id where c.slug = 'ks' and i.plan_year = 2024 and i.number = '2.1'")).longValue();
        view.openEditor(followUp.row(periods.context("ks", "2024-dr2"), item21));
        enter(2024, "76", false);

        UI.getCurrent().navigate(ProgressView.class);
        Div missing = _get(Div.class, spec -> spec.withId("progress-indicators-missing"));
        assertThat(missing.getElement().getTextRecursively())
                .contains("2.1 Samtliga avdelningar inom Kommunledningsförvaltningen ska ha ett HME-värde på minst 78: "
                        + "76 (2024) mot målvärdet minst 78 HME-värde")
                .doesNotContain("14.1");
    }
}
