package se.uppfoljning.users.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.users.PasswordRules;
import se.uppfoljning.users.UserSummary;

import java.util.function.Consumer;

/** The admin gives a user a temporary password, which the user must change at next login. */
class ResetPasswordDialog extends Dialog {

    final PasswordField password = new PasswordField();
    final Button save = new Button();

    /** {@code handler} sets the password; throws a DomainException when refused. */
    ResetPasswordDialog(UserSummary user, Consumer<String> handler) {
        setId("reset-dialog");
        setHeaderTitle(getTranslation("users.reset.title", user.displayName()));
        password.setId("reset-password");
        password.setLabel(getTranslation("users.reset.password"));
        password.setHelperText(getTranslation("users.reset.helper", PasswordRules.MIN_LENGTH));
        password.setRequiredIndicatorVisible(true);
        password.setWidth("24rem");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        add(password);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("reset-cancel");
        save.setText(getTranslation("users.reset.save"));
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> {
            try {
                handler.accept(password.getValue());
                close();
            } catch (DomainException refused) {
                password.setErrorMessage(ErrorMessages.describe(this, refused));
                password.setInvalid(true);
            }
        });
        getFooter().add(cancel, save);
    }
}
