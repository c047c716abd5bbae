package se.uppfoljning.users.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.users.PasswordRules;
import se.uppfoljning.users.UserService;

/** The signed-in user changes their password; forced while an admin-set password is in use. */
@Route(value = "byt-losenord", layout = MainLayout.class)
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;

    final PasswordField current = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button submit = new Button();
    final Paragraph forced = new Paragraph();
    final Div error = new Div();

    public ChangePasswordView(UserService users) {
        this.users = users;
        addClassName("change-password-view");
        setMaxWidth("32rem");

        H2 title = new H2(getTranslation("password.title"));
        title.setId("view-title");
        forced.setId("password-forced");
        forced.setText(getTranslation("password.forced"));
        forced.setVisible(CurrentUser.get().mustChangePassword());

        current.setId("current-password");
        current.setLabel(getTranslation("password.current"));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setId("new-password");
        newPassword.setLabel(getTranslation("password.new"));
        newPassword.setHelperText(getTranslation("password.new.helper", PasswordRules.MIN_LENGTH));
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setId("repeat-password");
        repeat.setLabel(getTranslation("password.repeat"));
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (PasswordField field : new PasswordField[]{current, newPassword, repeat}) {
            field.setWidthFull();
            field.setRequiredIndicatorVisible(true);
        }

        error.setId("password-error");
        error.addClassName("entry-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        submit.setText(getTranslation("password.submit"));
        submit.setId("change-password");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> change());
        add(title, forced, current, newPassword, repeat, error, submit);
        current.focus();
    }

    private void change() {
        for (PasswordField field : new PasswordField[]{current, newPassword, repeat}) {
            field.setInvalid(false);
        }
        error.setVisible(false);
        try {
            AppUserPrincipal refreshed = users.changeOwnPassword(current.getValue(), newPassword.getValue(), repeat.getValue());
            replaceSessionPrincipal(refreshed);
            ErrorMessages.showSuccess(getTranslation("password.changed"));
            UI.getCurrent().navigate("");
        } catch (DomainException e) {
            PasswordField field = switch (e.messageKey()) {
                case "users.error.wrongCurrentPassword" -> current;
                case "users.error.passwordsDiffer" -> repeat;
                case "users.error.systemUser" -> null;
                default -> newPassword;
            };
            String message = ErrorMessages.describe(this, e);
            if (field == null) {
                error.setText(message);
                error.setVisible(true);
            } else {
                field.setErrorMessage(message);
                field.setInvalid(true);
                field.focus();
            }
        }
    }

    /** The principal was loaded at login: the session must hold the refreshed one, or the guard keeps rerouting. */
    private static void replaceSessionPrincipal(AppUserPrincipal principal) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            var session = request.getHttpServletRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.pageTitle");
    }
}
