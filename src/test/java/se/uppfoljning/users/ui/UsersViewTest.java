package se.uppfoljning.users.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.audit.ui.AuditView;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.base.ui.LoginView;
import se.uppfoljning.followup.ui.FollowUpView;
import se.uppfoljning.users.UserSummary;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin's user list and dialogs; the forced password change; who may reach which page. */
class UsersViewTest extends KaribuTest {

    private static final String PASSWORD = "Gr0na-Ängar-77";

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private UsersView open() {
        login("admin");
        UI.getCurrent().navigate(UsersView.class);
        return _get(UsersView.class);
    }

    private List<UserSummary> shown(UsersView view) {
        return IntStream.range(0, _size(view.grid)).mapToObj(i -> _get(view.grid, i)).toList();
    }

    private UserSummary shown(UsersView view, String username) {
        return shown(view).stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    /** A row's action button (grid cells are not in the component tree). */
    private Button button(String id) {
        UsersView view = _get(UsersView.class);
        String username = id.substring(id.indexOf('-') + 1);
        int row = IntStream.range(0, _size(view.grid)).filter(i -> _get(view.grid, i).username().equals(username))
                .findFirst().orElseThrow();
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(view.grid, row, "actions");
        return _get(actions, Button.class, spec -> spec.withId(id));
    }

    /** Navigation the access control refuses: the view is not shown (Karibu renders its error view instead). */
    private static void assertRefused(Class<? extends com.vaadin.flow.component.Component> view) {
        assertThatThrownBy(() -> {
            UI.getCurrent().navigate(view);
            _assertNone(view);
        }).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void listShowsUsersWithSwedishRolesAndSearches() {
        UsersView view = open();
        assertThat(shown(view)).extracting(UserSummary::username)
                .containsExactly("admin", "controller", "kultur", "politiker", "sekretariat", "tjansteperson");
        assertThat(view.memberships(shown(view, "politiker"))).isEqualTo("KS: Förtroendevald, KFN: Förtroendevald");
        assertThat(UsersView.departments(shown(view, "tjansteperson"))).isEqualTo("Säkerhetsavdelningen");
        assertThat(view.count.getText()).isEqualTo("Visar 6 av 6 användare");

        view.search.setValue("kfn: tjänsteperson");
        assertThat(shown(view)).extracting(UserSummary::username).containsExactly("kultur");
        assertThat(view.count.getText()).isEqualTo("Visar 1 av 6 användare");
        assertThat(view.grid.getColumnByKey("name").isSortable()).isTrue();
        assertThat(view.grid.getColumnByKey("memberships").isSortable()).isTrue();
    }

    @Test
    void anAdminCreatesAUserInTheDialogAndDeactivatesThemAfterConfirming() {
        UsersView view = open();
        _click(view.newUser);
        UserDialog dialog = _get(UserDialog.class);
        dialog.username.setValue("olle");
        dialog.displayName.setValue("Olle Ny");
        dialog.password.setValue("kort");
        dialog.roles.get("kfn").setValue(Role.OFFICIAL);
        assertThat(dialog.departments.get("kfn").isEnabled()).isTrue();
        assertThat(dialog.departments.get("ks").isEnabled()).isFalse();
        dialog.departments.get("kfn").select(dialog.departments.get("kfn").getListDataView().getItem(0));
        _click(dialog.save);

        // refused with the reason at the field, and the dialog keeps what was typed
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Lösenordet måste ha minst 10 tecken.");
        assertThat(dialog.username.getValue()).isEqualTo("olle");

        dialog.password.setValue(PASSWORD);
        _click(dialog.save);
        expectNotifications("Användaren olle har skapats.");
        assertThat(dialog.isOpened()).isFalse();
        UserSummary olle = shown(view, "olle");
        assertThat(view.memberships(olle)).isEqualTo("KFN: Tjänsteperson");
        assertThat(olle.mustChangePassword()).isTrue();
        assertThat(olle.enabled()).isTrue();

        _click(button("deactivate-olle"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-deactivate"));
        assertThat(confirm.isOpened()).isTrue();
        assertThat(shown(view, "olle").enabled()).as("nothing happens before confirming").isTrue();
        _fireConfirm(confirm);
        expectNotifications("Olle Ny har inaktiverats och kan inte längre logga in.");
        assertThat(shown(view, "olle").enabled()).isFalse();
        assertThat(((AppUserPrincipal) userService.loadUserByUsername("olle")).isEnabled()).isFalse();

        _click(button("reactivate-olle"));
        expectNotifications("Olle Ny har återaktiverats.");
        assertThat(shown(view, "olle").enabled()).isTrue();
    }

    @Test
    void editingChangesRolesAndTheAdminCannotDeactivateThemself() {
        UsersView view = open();
        _click(button("edit-politiker"));
        UserDialog dialog = _get(UserDialog.class);
        assertThat(dialog.roles.get("ks").getValue()).isEqualTo(Role.POLITICIAN);
        dialog.roles.get("kfn").clear();
        dialog.displayName.setValue("Petra Politiker-Ny");
        _click(dialog.save);
        expectNotifications("Ändringarna för politiker har sparats.");
        assertThat(view.memberships(shown(view, "politiker"))).isEqualTo("KS: Förtroendevald");
        assertThat(shown(view, "politiker").displayName()).isEqualTo("Petra Politiker-Ny");

        _click(button("deactivate-admin"));
        _fireConfirm(_get(ConfirmDialog.class));
        expectNotifications("Du kan inte inaktivera dig själv.");
        assertThat(shown(view, "admin").enabled()).isTrue();
    }

    @Test
    void resetPasswordForcesTheUserToChangeItAtNextLogin() {
        UsersView view = open();
        _click(button("reset-kultur"));
        ResetPasswordDialog dialog = _get(ResetPasswordDialog.class);
        dialog.password.setValue("kultur-hemligt-1");
        _click(dialog.save);
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Lösenordet får inte innehålla användarnamnet.");
        dialog.password.setValue("Tillfalligt-2024!");
        _click(dialog.save);
        expectNotifications("Nytt lösenord satt för kultur. Användaren byter det vid nästa inloggning.");
        assertThat(shown(view, "kultur").mustChangePassword()).isTrue();
        assertThat(view.active(shown(view, "kultur"))).isEqualTo("Aktiv · Måste byta lösenord");
    }

    @Test
    void aUserWithAnAdminSetPasswordIsSentToChangeItWhereverTheyGo() {
        long kultur = ((AppUserPrincipal) userService.loadUserByUsername("kultur")).id();
        SystemUser.run(() -> userService.resetPassword(kultur, "Tillfalligt-2024!"));
        login("kultur");
        UI.getCurrent().navigate(FollowUpView.class);
        ChangePasswordView change = _get(ChangePasswordView.class);
        assertThat(change.forced.isVisible()).isTrue();
        _assertNone(FollowUpView.class);

        change.current.setValue("Tillfalligt-2024!");
        change.newPassword.setValue("Nytt-Losen-99");
        change.repeat.setValue("Nytt-Losen-98");
        _click(change.submit);
        assertThat(change.repeat.isInvalid()).isTrue();
        assertThat(change.repeat.getErrorMessage()).isEqualTo("Lösenorden är inte lika.");

        change.repeat.setValue("Nytt-Losen-99");
        _click(change.submit);
        expectNotifications("Ditt lösenord är bytt.");
        _get(FollowUpView.class);
        UI.getCurrent().navigate(FollowUpView.class);
        _get(FollowUpView.class);
        assertThat(((AppUserPrincipal) userService.loadUserByUsername("kultur")).mustChangePassword()).isFalse();
    }

    @Test
    void anyoneMayChangeTheirOwnPasswordWithoutBeingForced() {
        login("politiker");
        UI.getCurrent().navigate(ChangePasswordView.class);
        ChangePasswordView change = _get(ChangePasswordView.class);
        assertThat(change.forced.isVisible()).isFalse();
        change.current.setValue("fel");
        change.newPassword.setValue("Nytt-Losen-99");
        change.repeat.setValue("Nytt-Losen-99");
        _click(change.submit);
        assertThat(change.current.getErrorMessage()).isEqualTo("Det nuvarande lösenordet stämmer inte.");
    }

    @Test
    void onlyAdminsReachTheUsersPageAndAdminsAndSecretariatTheLog() {
        login("politiker");
        assertRefused(UsersView.class);
        assertRefused(AuditView.class);
        UI.getCurrent().navigate(FollowUpView.class);
        assertThat(menuPaths()).contains("", "ekonomi").doesNotContain("anvandare", "logg");

        login("sekretariat");
        assertRefused(UsersView.class);
        UI.getCurrent().navigate(AuditView.class);
        _get(AuditView.class);
        assertThat(menuPaths()).contains("logg").doesNotContain("anvandare");

        login("admin");
        UI.getCurrent().navigate(FollowUpView.class);
        UI.getCurrent().refreshCurrentRoute(true); // a real login starts a new session with a new layout
        assertThat(menuPaths()).contains("anvandare", "logg");

        logout();
        UI.getCurrent().navigate(UsersView.class);
        _get(LoginView.class);
    }
}
