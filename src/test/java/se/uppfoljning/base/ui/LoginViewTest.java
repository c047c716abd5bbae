package se.uppfoljning.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import org.junit.jupiter.api.Test;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.followup.ui.FollowUpView;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LoginViewTest extends KaribuTest {

    @Test
    void anonymousUsersAreSentToTheSwedishLoginPage() {
        UI.getCurrent().navigate(FollowUpView.class);
        LoginForm form = _get(LoginForm.class);
        LoginI18n i18n = _get(LoginView.class).i18n;
        assertThat(i18n.getForm().getTitle()).isEqualTo("Logga in");
        assertThat(i18n.getForm().getUsername()).isEqualTo("Användarnamn");
        assertThat(i18n.getForm().getPassword()).isEqualTo("Lösenord");
        assertThat(i18n.getErrorMessage().getTitle()).isEqualTo("Fel användarnamn eller lösenord");
        assertThat(form.getAction()).isEqualTo("login");
    }

    @Test
    void signedInUsersSeeTheirNameAndCommitteeInTheLayout() {
        login("sekretariat");
        UI.getCurrent().navigate(FollowUpView.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("current-user")).getText())
                .isEqualTo("Sara Sekreterare");
        @SuppressWarnings("unchecked")
        var committee = (com.vaadin.flow.component.select.Select<se.uppfoljning.organisation.Committee>)
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("committee-select"));
        assertThat(committee.getValue().name()).isEqualTo("Kommunstyrelsen");
        // the newest period is selected by default: the open DR2 (DR1 is decided)
        @SuppressWarnings("unchecked")
        var period = (com.vaadin.flow.component.select.Select<se.uppfoljning.periods.ReportingPeriod>)
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("period-select"));
        assertThat(period.getValue().name()).isEqualTo("Delårsrapport med prognos 2 2024");
    }
}
