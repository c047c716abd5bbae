package se.uppfoljning.followup.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemKind;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** "Sedan förra rapporten" and the draft badge in a mocked browser. */
class ChangesViewTest extends KaribuTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void reset() {
        testData.reset();
    }

    @Test
    void everyRoleSeesWhatChangedSinceTheDecidedReport() {
        SystemUser.run(() -> {
            var dr2 = periods.context("ks", "2024-dr2");
            FollowUpRow row = followUp.overview(dr2).rows().stream().filter(r -> !r.derivedFromFinance()
                    && r.status() != null && !r.status().equals("Uppfylls ej")
                    && r.kind() != ItemKind.ASSIGNMENT).findFirst().orElseThrow();
            followUp.save(dr2, row.id(), new FollowUpChange("Uppfylls ej", row.comment(), row.version()));
        });
        login("politiker");
        UI.getCurrent().navigate("forandringar", QueryParameters.simple(
                Map.of("namnd", "ks", "period", "2024-dr2")));
        ChangesView view = _get(ChangesView.class);
        assertThat(view.since.getValue().slug()).isEqualTo("2024-dr1");
        // only earlier periods to compare with, and Swedish singular
        assertThat(view.since.getListDataView().getItems()).extracting(p -> p.slug()).containsExactly("2024-dr1");
        assertThat(_get(Paragraph.class, s -> s.withId("changes-summary")).getText()).startsWith("1 post har");
        assertThat(_size(view.grid)).isEqualTo(1);
        _get(Anchor.class, s -> s.withId("changes-export"));
    }

    @Test
    void carriedOverRowsShowTheirBadge() {
        login("sekretariat");
        UI.getCurrent().navigate("");
        FollowUpView view = _get(FollowUpView.class);
        int draftIndex = -1;
        for (int i = 0; i < _size(view.grid); i++) {
            if (GridKt._get(view.grid, i) instanceof OverviewNode.RowNode r
                    && r.row().fromPreviousPeriod() && !r.row().ready()) {
                draftIndex = i;
                break;
            }
        }
        assertThat(draftIndex).isNotNegative();
        // the row sends the draft flag; the template shows it as text (not only as colour)
        assertThat(OverviewCells.flag(view, "status", draftIndex, "draft")).isTrue();
        assertThat(OverviewCells.template(view, "status"))
                .contains("${item.c.draft ? html` <span theme=\"badge contrast small\" id=\"draft-${item.c.row}\">"
                        + "Från föregående period</span>` : ''}");
        // every row sends the flag exactly when it is carried over and not yet marked ready
        for (int i = 0; i < _size(view.grid); i++) {
            if (GridKt._get(view.grid, i) instanceof OverviewNode.RowNode r) {
                assertThat(OverviewCells.flag(view, "status", i, "draft"))
                        .isEqualTo(r.row().fromPreviousPeriod() && !r.row().ready());
                assertThat(OverviewCells.flag(view, "status", i, "ready")).isEqualTo(r.row().ready());
            }
        }
    }
}
