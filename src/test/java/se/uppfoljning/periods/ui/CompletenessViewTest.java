package se.uppfoljning.periods.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljning.KaribuTest;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import se.uppfoljning.readiness.DepartmentCompleteness;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat sees completeness per department and reminds one; the official reads it under "Notiser". */
class CompletenessViewTest extends KaribuTest {

    @BeforeEach
    void reset() {
        testData.reset();
    }

    @Test
    void secretariatRemindsADepartmentAndTheOfficialReadsIt() {
        login("sekretariat");
        UI.getCurrent().navigate("perioder");
        PeriodsView view = _get(PeriodsView.class);
        assertThat(view.deadlineInfo.getText()).isEqualTo("Sista dag för inlämning: 13 september 2024");
        assertThat(_size(view.completenessGrid)).isGreaterThan(1);
        // grouped per department, each item a link to it in the overview
        assertThat(_find(view.incompleteList, com.vaadin.flow.component.details.Details.class)).hasSizeGreaterThan(1);
        var links = _find(view.incompleteList, com.vaadin.flow.component.html.Anchor.class).stream()
                .filter(a -> a.hasClassName("incomplete-item")).toList();
        assertThat(links).hasSizeGreaterThan(10);
        assertThat(links.get(0).getHref()).startsWith("uppfoljning?").contains("avdelning=", "ejklara=ja", "sok=");
        DepartmentCompleteness sec = null;
        for (int i = 0; i < _size(view.completenessGrid); i++) {
            if (_get(view.completenessGrid, i).department().equals("Säkerhetsavdelningen")) {
                sec = _get(view.completenessGrid, i);
            }
        }
        assertThat(sec).isNotNull();
        assertThat(sec.owners()).extracting(DepartmentCompleteness.Owner::name).containsExactly("Tove Tjänsteperson");

        view.confirmReminder(sec.departmentId());
        ConfirmDialog confirm = view.confirm;
        assertThat(confirm.isOpened()).isTrue();
        assertThat(confirm.getElement().getProperty("message")).contains("1 personer", "Säkerhetsavdelningen");
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, false));

        login("tjansteperson");
        UI.getCurrent().navigate("notiser");
        Button bell = _get(Button.class, spec -> spec.withId("notifications-bell"));
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("Notiser, 1 olästa");
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("notifications-list")).getElement().getTextRecursively())
                .contains("Påminnelse: Delårsrapport med prognos 2 2024 – senast 13 september 2024");
        _click(_get(Button.class, spec -> spec.withId("notifications-mark-all-read")));
        assertThat(_find(Button.class, spec -> spec.withText("Markera som läst"))).isEmpty();
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("Notiser, inga olästa");
    }
}
