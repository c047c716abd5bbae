package se.uppfoljning.users.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.HasValidation;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.users.AssignableCommittee;
import se.uppfoljning.users.PasswordRules;
import se.uppfoljning.users.UserService;
import se.uppfoljning.users.UserSummary;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new user (username, name, initial password) or an existing one (name); for each committee a role and the
 * departments. The view saves; a refusal keeps the dialog open and is shown at the field it concerns.
 */
class UserDialog extends Dialog {

    /** What the form holds when saved. Password and username are null when editing. */
    record Form(String username, String displayName, String password, Set<Membership> memberships, Set<Long> departmentIds,
                String email) {
        /** Never expose the password in logs. */
        @Override
        public String toString() {
            return "Form[" + username + "]";
        }
    }

    /** Saves; throws a DomainException when refused. */
    interface SaveHandler {
        void save(Form form);
    }

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final EmailField email = new EmailField();
    final Map<String, Select<Role>> roles = new LinkedHashMap<>();
    final Map<String, MultiSelectComboBox<Department>> departments = new LinkedHashMap<>();
    final Div error = new Div();
    final Button save = new Button();
    private final Map<String, AssignableCommittee> committees = new LinkedHashMap<>();
    private final boolean creating;

    UserDialog(UserSummary user, List<AssignableCommittee> assignable, SaveHandler handler) {
        creating = user == null;
        setId("user-dialog");
        setHeaderTitle(creating ? getTranslation("users.dialog.newTitle")
                : getTranslation("users.dialog.editTitle", user.username()));
        setWidth("min(48rem, 95vw)");

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        username.setId("user-username");
        username.setLabel(getTranslation("users.field.username"));
        username.setHelperText(getTranslation("users.field.username.helper"));
        username.setRequiredIndicatorVisible(true);
        username.setMaxLength(50);
        displayName.setId("user-display-name");
        displayName.setLabel(getTranslation("users.field.displayName"));
        displayName.setRequiredIndicatorVisible(true);
        displayName.setMaxLength(UserService.MAX_DISPLAY_NAME_LENGTH);
        password.setId("user-password");
        password.setLabel(getTranslation("users.field.password"));
        password.setHelperText(getTranslation("users.field.password.helper", PasswordRules.MIN_LENGTH));
        password.setRequiredIndicatorVisible(true);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        email.setId("user-email");
        email.setLabel(getTranslation("users.field.email"));
        email.setHelperText(getTranslation("users.field.email.helper"));
        email.setMaxLength(UserService.MAX_EMAIL_LENGTH);
        email.setClearButtonVisible(true);
        if (creating) {
            form.add(username, displayName, password, email);
        } else {
            displayName.setValue(user.displayName());
            email.setValue(user.email() == null ? "" : user.email());
            form.add(displayName, email);
        }

        for (AssignableCommittee committee : assignable) {
            committees.put(committee.slug(), committee);
            Select<Role> role = new Select<>();
            role.setId("role-" + committee.slug());
            role.setLabel(getTranslation("users.field.role", committee.name()));
            role.setItems(Role.values());
            role.setEmptySelectionAllowed(true);
            role.setEmptySelectionCaption(getTranslation("role.none"));
            role.setItemLabelGenerator(r -> r == null ? getTranslation("role.none") : getTranslation("role." + r.name()));
            MultiSelectComboBox<Department> chosen = new MultiSelectComboBox<>();
            chosen.setId("departments-" + committee.slug());
            chosen.setLabel(getTranslation("users.field.departments", committee.code()));
            chosen.setHelperText(getTranslation("users.field.departments.helper"));
            chosen.setItems(committee.departments());
            chosen.setItemLabelGenerator(Department::name);
            chosen.setClearButtonVisible(true);
            if (user != null) {
                // one role per committee in the form: the highest the user holds there
                user.memberships().stream().filter(m -> m.committeeId() == committee.id())
                        .map(m -> m.role()).max(Comparator.naturalOrder()).ifPresent(role::setValue);
                chosen.setValue(committee.departments().stream()
                        .filter(d -> user.departmentIds().contains(d.id())).toList());
            }
            chosen.setEnabled(role.getValue() != null);
            role.addValueChangeListener(e -> {
                chosen.setEnabled(e.getValue() != null);
                if (e.getValue() == null) {
                    chosen.clear();
                }
            });
            roles.put(committee.slug(), role);
            departments.put(committee.slug(), chosen);
            form.add(role, chosen);
        }

        error.setId("user-error");
        error.addClassName("entry-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(form, error);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("user-cancel");
        save.setText(getTranslation("action.save"));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        save.setTooltipText(getTranslation("entry.saveShortcut"));
        save.addClickListener(e -> save(handler));
        getFooter().add(cancel, save);
    }

    private void save(SaveHandler handler) {
        for (HasValidation field : new HasValidation[]{username, displayName, password, email}) {
            field.setInvalid(false);
        }
        error.setVisible(false);
        Set<Membership> memberships = new HashSet<>();
        Set<Long> departmentIds = new HashSet<>();
        roles.forEach((slug, role) -> {
            if (role.getValue() != null) {
                memberships.add(new Membership(committees.get(slug).id(), role.getValue()));
                departments.get(slug).getValue().forEach(d -> departmentIds.add(d.id()));
            }
        });
        try {
            handler.save(new Form(creating ? username.getValue() : null, displayName.getValue(),
                    creating ? password.getValue() : null, memberships, departmentIds, email.getValue()));
            close();
        } catch (DomainException e) {
            showRefusal(e);
        }
    }

    private void showRefusal(DomainException e) {
        String message = ErrorMessages.describe(this, e);
        String key = e.messageKey();
        HasValidation field = key.startsWith("users.error.username") ? username
                : key.startsWith("users.error.displayName") ? displayName
                : key.startsWith("users.error.password") ? password
                : key.startsWith("users.error.email") ? email : null;
        if (field != null && (creating || field == displayName || field == email)) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            error.setText(message);
            error.setVisible(true);
        }
    }
}
