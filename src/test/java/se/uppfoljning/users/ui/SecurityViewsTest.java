package se.uppfoljning.users.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.TestClock;
import se.uppfoljning.base.security.LoginThrottle;
import se.uppfoljning.users.ApiTokenService;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** The UI of issue 11: an admin lifts a login lock in Användare, the log filters security events, API-nycklar. */
class SecurityViewsTest extends KaribuTest {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    TestClock clock;
    @Autowired
    ApiTokenService tokens;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void anAdminSeesTheLockAndLiftsIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("kultur", "10.0.0.1");
        }
        assertThat(throttle.check("kultur", "10.0.0.2")).isEqualTo(LoginThrottle.Verdict.LOCKED);
        login("admin");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        int row = IntStream.range(0, _size(view.grid)).filter(i -> _get(view.grid, i).username().equals("kultur"))
                .findFirst().orElseThrow();
        assertThat(view.active(_get(view.grid, row))).contains("spärrad till");
        var actions = (com.vaadin.flow.component.HasComponents) _getCellComponent(view.grid, row, "actions");
        Button unlock = ((com.vaadin.flow.component.Component) actions).getChildren().map(Button.class::cast)
                .filter(b -> "unlock-kultur".equals(b.getId().orElse(""))).findFirst().orElseThrow();
        _click(unlock);
        int after = IntStream.range(0, _size(view.grid)).filter(i -> _get(view.grid, i).username().equals("kultur"))
                .findFirst().orElseThrow();
        assertThat(_get(view.grid, after).lockedUntil()).isNull();
        assertThat(throttle.check("kultur", "10.0.0.2")).isEqualTo(LoginThrottle.Verdict.CHECK);
    }

    @Test
    void aUserCreatesATokenSeesItOnceAndRevokesIt() {
        login("politiker");
        UI.getCurrent().navigate(ApiTokensView.class);
        ApiTokensView view = _get(ApiTokensView.class);
        view.name.setValue("Power BI");
        view.scope.setValue("read");
        _click(view.create);
        String secret = view.secret.getValue();
        assertThat(secret).startsWith(ApiTokenService.PREFIX);
        _click(_get(Button.class, spec -> spec.withId("token-created-close")));
        assertThat(view.secret.getValue()).isEmpty();
        assertThat(_size(view.grid)).isEqualTo(1);
        var token = _get(view.grid, 0);
        assertThat(view.state(token)).isEqualTo("Giltig");
        assertThat(tokens.authenticate(secret)).isPresent();

        _click((Button) _getCellComponent(view.grid, 0, "actions"));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke")));
        assertThat(view.state(_get(view.grid, 0))).startsWith("Återkallad");
        assertThat(tokens.authenticate(secret)).isEmpty();

        view.name.clear();
        _click(view.create);
        assertThat(_size(view.grid)).isEqualTo(1); // refused: a name is required
    }
}
