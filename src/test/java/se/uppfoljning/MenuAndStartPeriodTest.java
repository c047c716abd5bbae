package se.uppfoljning;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.uppfoljning.followup.ui.FollowUpView;
import se.uppfoljning.periods.ReportingPeriod;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each demo user gets exactly their menu and the notifications bell, and starts in their period: a politician (who only
 * reads) on the decided report 2024-dr1, everyone who works on the report on the open 2024-dr2. Checked on the server
 * (the layout a fresh session builds after the login), for every user; {@link ViewsInBrowserTest} checks the same as
 * rendered in the browser for the users it signs in.
 */
class MenuAndStartPeriodTest extends KaribuTest {

    @ParameterizedTest
    @ValueSource(strings = {"politiker", "tjansteperson", "kultur", "controller", "sekretariat", "admin"})
    void eachUserGetsTheirMenuAndStartPeriod(String user) {
        login(user);
        UI.getCurrent().navigate(FollowUpView.class);
        // the notifications are reached by the bell in the top bar, every other view through the menu
        assertThat(menuPaths()).as(user + "'s menu").containsExactlyInAnyOrderElementsOf(ViewsInBrowserTest.menu(user));
        assertThat(_find(Button.class, spec -> spec.withId("notifications-bell"))).as(user + "'s notifications bell")
                .hasSize(1);
        @SuppressWarnings("unchecked")
        Select<ReportingPeriod> period = _get(Select.class, spec -> spec.withId("period-select"));
        assertThat(period.getValue().name()).as(user + "'s start period").contains(ViewsInBrowserTest.startPeriod(user));
    }
}
