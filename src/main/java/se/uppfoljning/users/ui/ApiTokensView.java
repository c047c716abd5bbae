package se.uppfoljning.users.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.ui.Confirmation;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.users.ApiToken;
import se.uppfoljning.users.ApiTokenService;
import se.uppfoljning.users.CreatedApiToken;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The signed-in user's personal API tokens: create one (name, read or read-write, expiry), see its value once,
 * revoke. Every user may have tokens; a token never has more rights than its owner.
 */
@Route(value = "api-nycklar", layout = MainLayout.class)
@PermitAll
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final ApiTokenService tokens;
    private final Clock clock;

    final TextField name = new TextField();
    final Select<String> scope = new Select<>();
    final DatePicker expires = new DatePicker();
    final Button create = new Button();
    final Grid<ApiToken> grid = new Grid<>();
    /** The value of the token just created; shown once, in a dialog. */
    final TextField secret = new TextField();

    public ApiTokensView(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        setSizeFull();
        H2 title = new H2(getTranslation("tokens.title"));
        title.setId("view-title");
        Paragraph intro = new Paragraph(getTranslation("tokens.intro"));

        name.setId("token-name");
        name.setLabel(getTranslation("tokens.name"));
        name.setMaxLength(ApiTokenService.MAX_NAME_LENGTH);
        name.setWidth("18rem");
        scope.setId("token-scope");
        scope.setLabel(getTranslation("tokens.scope"));
        scope.setItems(ApiToken.READ, ApiToken.WRITE);
        scope.setItemLabelGenerator(s -> getTranslation("tokens.scope." + s));
        scope.setValue(ApiToken.READ);
        LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
        expires.setId("token-expires");
        expires.setLabel(getTranslation("tokens.expires"));
        expires.setLocale(Messages.SWEDISH);
        expires.setMin(today.plusDays(1));
        expires.setMax(today.plusDays(ApiTokenService.MAX_DAYS - 1));
        expires.setValue(today.plusDays(90));
        create.setText(getTranslation("tokens.create"));
        create.setId("token-create");
        create.setIcon(VaadinIcon.KEY.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        HorizontalLayout form = new HorizontalLayout(name, scope, expires, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("tokens-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.column.name")).setFlexGrow(2);
        grid.addColumn(t -> getTranslation("tokens.scope." + t.scope())).setHeader(getTranslation("tokens.scope"))
                .setAutoWidth(true);
        grid.addColumn(t -> ErrorMessages.time(t.createdAt())).setHeader(getTranslation("tokens.column.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> ErrorMessages.time(t.expiresAt())).setHeader(getTranslation("tokens.column.expires"))
                .setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("tokens.column.state")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        add(title, intro, form, grid);
        refresh();
    }

    String state(ApiToken token) {
        if (token.revokedAt() != null) {
            return getTranslation("tokens.state.revoked", ErrorMessages.time(token.revokedAt()));
        }
        return getTranslation(token.activeAt(clock.instant()) ? "tokens.state.active" : "tokens.state.expired");
    }

    private Button revokeButton(ApiToken token) {
        Button revoke = new Button(getTranslation("tokens.revoke"), VaadinIcon.BAN.create(), e ->
                Confirmation.of("confirm-revoke", getTranslation("tokens.revoke.title", token.name()),
                        getTranslation("tokens.revoke.text"), getTranslation("tokens.revoke"), true, () -> run(() -> {
                            tokens.revoke(token.id());
                            ErrorMessages.showSuccess(getTranslation("tokens.revoked", token.name()));
                        })).open());
        revoke.setId("revoke-token-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(token.revokedAt() == null);
        return revoke;
    }

    private void create() {
        run(() -> {
            var expiry = expires.getValue() == null ? null
                    : expires.getValue().plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime(); // valid through that day
            CreatedApiToken created = tokens.create(name.getValue(), scope.getValue(), expiry);
            name.clear();
            showOnce(created);
        });
    }

    private void showOnce(CreatedApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setId("token-created");
        dialog.setHeaderTitle(getTranslation("tokens.created.title", created.token().name()));
        secret.setId("token-value");
        secret.setReadOnly(true);
        secret.setWidth("36rem");
        secret.setValue(created.secret());
        dialog.add(new Paragraph(getTranslation("tokens.created.text")), secret);
        Button close = new Button(getTranslation("tokens.created.close"), e -> {
            secret.clear();
            dialog.close();
        });
        close.setId("token-created-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (DomainException | AccessDeniedException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
        refresh();
    }

    void refresh() {
        grid.setItems(tokens.mine());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.pageTitle");
    }
}
