package se.uppfoljning.periods.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.periods.PeriodService;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat moves the open DR2 to review and records the decision; the administrator may reopen it. */
class PeriodsViewTest extends KaribuTest {

    @Autowired
    PeriodService periods;

    @BeforeEach
    void reset() {
        testData.reset();
    }

    @Test
    void secretariatSubmitsAndDecidesAndAdminReopens() {
        login("sekretariat");
        UI.getCurrent().navigate("perioder");
        PeriodsView view = _get(PeriodsView.class);
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(view.decide.isEnabled()).isFalse();
        _click(view.review);
        assertThat(periods.period("ks", "2024-dr2").state()).isEqualTo(PeriodState.REVIEW);
        view.body.setValue("Kommunstyrelsen");
        view.decisionDate.setValue(LocalDate.of(2024, 10, 1));
        view.paragraph.setValue("§ 180");
        _click(view.decide);
        // nothing is locked before the confirmation
        assertThat(periods.period("ks", "2024-dr2").state()).isEqualTo(PeriodState.REVIEW);
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("decision-confirm"));
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Registrera beslut om Delårsrapport med prognos 2 2024?");
        confirm.getElement().setProperty("opened", true);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(periods.period("ks", "2024-dr2").state()).isEqualTo(PeriodState.DECIDED);
        assertThat(periods.period("ks", "2024-dr2").decision().paragraph()).isEqualTo("§ 180");

        login("admin");
        UI.getCurrent().navigate("perioder");
        view = _get(PeriodsView.class);
        _click(view.reopen); // without a reason: refused, nothing opened
        assertThat(periods.period("ks", "2024-dr2").state()).isEqualTo(PeriodState.DECIDED);
        view.reason.setValue("Fel i bilaga 2");
        _click(view.reopen);
        assertThat(periods.period("ks", "2024-dr2").state()).isEqualTo(PeriodState.DECIDED);
        var reopenConfirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("reopen-confirm"));
        reopenConfirm.getElement().setProperty("opened", true);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(reopenConfirm);
        assertThat(periods.period("ks", "2024-dr2").state()).isEqualTo(PeriodState.OPEN);
    }
}
