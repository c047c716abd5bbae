package se.uppfoljning.users.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.ui.Confirmation;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.users.NewUser;
import se.uppfoljning.users.UserChange;
import se.uppfoljning.users.UserService;
import se.uppfoljning.users.UserSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Users and their roles: search, sort, create, edit, deactivate/reactivate, reset password. Admins only. */
@Route(value = "anvandare", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;

    final Grid<UserSummary> grid = new Grid<>();
    final TextField search = new TextField();
    final Span count = new Span();
    final Button newUser = new Button();
    private GridListDataView<UserSummary> rows;
    private int total;

    public UsersView(UserService users) {
        this.users = users;
        setSizeFull();
        addClassName("users-view");
        H2 title = new H2(getTranslation("users.title"));
        title.setId("view-title");

        search.setId("users-search");
        search.setLabel(getTranslation("users.search"));
        search.setPlaceholder(getTranslation("users.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setWidth("22rem");
        search.addValueChangeListener(e -> applySearch());

        newUser.setText(getTranslation("users.new"));
        newUser.setIcon(VaadinIcon.PLUS.create());
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newUser.addClickListener(e -> openCreate());

        count.setId("users-count");
        count.addClassName("row-count");
        count.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout bar = new HorizontalLayout(search, newUser, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.addClassName("filter-bar");

        configureGrid();
        add(title, bar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addColumn(UserSummary::username).setKey("username").setHeader(getTranslation("users.column.username"))
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UserSummary::displayName).setKey("name").setHeader(getTranslation("users.column.name"))
                .setSortable(true).setFlexGrow(1);
        grid.addColumn(this::active).setKey("active").setHeader(getTranslation("users.column.active"))
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::memberships).setKey("memberships").setHeader(getTranslation("users.column.memberships"))
                .setSortable(true).setFlexGrow(2);
        grid.addColumn(UsersView::departments).setKey("departments").setHeader(getTranslation("users.column.departments"))
                .setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("users.column.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addItemDoubleClickListener(e -> openEdit(e.getItem()));
    }

    private HorizontalLayout actions(UserSummary user) {
        Button edit = new Button(getTranslation("users.action.edit"), VaadinIcon.EDIT.create(), e -> openEdit(user));
        edit.setId("edit-" + user.username());
        edit.setAriaLabel(getTranslation("users.action.edit") + ": " + user.username());
        Button toggle = user.enabled()
                ? new Button(getTranslation("users.action.deactivate"), VaadinIcon.BAN.create(), e -> confirmDeactivate(user))
                : new Button(getTranslation("users.action.reactivate"), VaadinIcon.CHECK.create(), e -> reactivate(user));
        toggle.setId((user.enabled() ? "deactivate-" : "reactivate-") + user.username());
        toggle.setAriaLabel(toggle.getText() + ": " + user.username());
        Button reset = new Button(getTranslation("users.action.resetPassword"), VaadinIcon.KEY.create(), e -> openReset(user));
        reset.setId("reset-" + user.username());
        reset.setAriaLabel(getTranslation("users.action.resetPassword") + ": " + user.username());
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        List<Button> buttons = new ArrayList<>(List.of(edit, toggle, reset));
        if (user.lockedUntil() != null) {
            Button unlock = new Button(getTranslation("users.action.unlock"), VaadinIcon.UNLOCK.create(), e -> unlock(user));
            unlock.setId("unlock-" + user.username());
            unlock.setAriaLabel(getTranslation("users.action.unlock") + ": " + user.username());
            buttons.add(unlock);
        }
        for (Button button : buttons) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(button);
        }
        return actions;
    }

    String active(UserSummary user) {
        return getTranslation(user.enabled() ? "users.active.yes" : "users.active.no")
                + (user.enabled() && user.mustChangePassword() ? " · " + getTranslation("users.mustChange") : "")
                + (user.lockedUntil() != null
                ? " · " + getTranslation("users.lockedUntil", ErrorMessages.time(user.lockedUntil())) : "");
    }

    /** "KS: Tjänsteperson, KFN: Förtroendevald". */
    String memberships(UserSummary user) {
        return user.memberships().stream().map(m -> m.committeeCode() + ": " + getTranslation("role." + m.role().name()))
                .collect(Collectors.joining(", "));
    }

    static String departments(UserSummary user) {
        return user.departments().stream().map(Department::name).collect(Collectors.joining(", "));
    }

    void refresh() {
        List<UserSummary> all = users.users();
        total = all.size();
        rows = grid.setItems(all);
        applySearch();
    }

    private void applySearch() {
        String text = search.getValue().strip().toLowerCase(Locale.ROOT);
        rows.setFilter(u -> text.isEmpty() || (u.username() + " " + u.displayName() + " " + memberships(u) + " "
                + departments(u) + " " + active(u)).toLowerCase(Locale.ROOT).contains(text));
        count.setText(getTranslation("users.count", rows.getItemCount(), total));
    }

    private void openCreate() {
        new UserDialog(null, users.assignableCommittees(), form -> {
            users.create(new NewUser(form.username(), form.displayName(), form.password(), form.memberships(),
                    form.departmentIds(), form.email()));
            ErrorMessages.showSuccess(getTranslation("users.created", form.username().strip()));
            refresh();
        }).open();
    }

    private void openEdit(UserSummary user) {
        new UserDialog(user, users.assignableCommittees(), form -> {
            users.update(user.id(), new UserChange(form.displayName(), form.memberships(), form.departmentIds(),
                    form.email()));
            ErrorMessages.showSuccess(getTranslation("users.saved", user.username()));
            refresh();
        }).open();
    }

    private void openReset(UserSummary user) {
        new ResetPasswordDialog(user, password -> {
            users.resetPassword(user.id(), password);
            ErrorMessages.showSuccess(getTranslation("users.reset.done", user.username()));
            refresh();
        }).open();
    }

    private void confirmDeactivate(UserSummary user) {
        Confirmation.of("confirm-deactivate", getTranslation("users.confirmDeactivate.title", user.displayName()),
                getTranslation("users.confirmDeactivate.text", user.displayName()),
                getTranslation("users.confirmDeactivate.confirm"), true, () -> run(() -> {
                    users.deactivate(user.id());
                    ErrorMessages.showSuccess(getTranslation("users.deactivated", user.displayName()));
                })).open();
    }

    private void reactivate(UserSummary user) {
        run(() -> {
            users.reactivate(user.id());
            ErrorMessages.showSuccess(getTranslation("users.reactivated", user.displayName()));
        });
    }

    private void unlock(UserSummary user) {
        run(() -> {
            users.unlock(user.id());
            ErrorMessages.showSuccess(getTranslation("users.unlocked", user.displayName()));
        });
    }

    private void run(Runnable change) {
        try {
            change.run();
        } catch (DomainException | AccessDeniedException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.pageTitle");
    }
}
