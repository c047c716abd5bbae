package se.uppfoljning.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.spring.security.AuthenticationContext;
import se.uppfoljning.base.text.HtmlText;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.ReportingPeriod;

import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import se.uppfoljning.notifications.NotificationService;
import se.uppfoljning.users.MenuRights;
import se.uppfoljning.users.UserService;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shell: navigation, committee and period selection, the unread notifications, the signed-in user and logout.
 * A link may choose the committee and period ({@code ?namnd=ks&period=2024-dr2}), e.g. from a reminder.
 */
public class MainLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver {

    static final String PARAM_COMMITTEE = "namnd";
    static final String PARAM_PERIOD = "period";

    private final SelectedContext selected;
    private final NotificationService notifications;
    private final Select<Committee> committee = new Select<>();
    private final Select<ReportingPeriod> period = new Select<>();
    final Button bell = new Button();
    /** The side navigation: {@code vaadin-side-nav} groups of {@code vaadin-side-nav-item}s with their paths. */
    final Html menu;

    public MainLayout(SelectedContext selected, AuthenticationContext authentication,
                      NotificationService notifications, UserService users) {
        this.selected = selected;
        this.notifications = notifications;
        setPrimarySection(Section.DRAWER);

        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("app-name");
        // grouped by what people do: read the report, run the reporting, administer. One Html component with the
        // side navigation's own web components: they mark the current page and navigate in the browser by themselves,
        // so the menu costs one state node instead of three per item (item, its text, its icon) in every UI
        MenuRights rights = users.menuRights();
        boolean admin = rights.mayAdminister();
        boolean secretariat = rights.mayRunReports();
        StringBuilder menu = new StringBuilder("<div class=\"main-menu\">");
        nav(menu, "main-nav", "nav.group.read");
        item(menu, "nav.followUp", "", "list");
        item(menu, "nav.progress", "framsteg", "bar-chart");
        item(menu, "nav.finance", "ekonomi", "money");
        item(menu, "nav.changes", "forandringar", "exchange");
        item(menu, "nav.appendices", "bilagor", "file-text");
        if (!secretariat && !admin) {
            // the report's writers besides the secretariat (e.g. the controller) reach it here
            item(menu, "nav.report", "rapport", "book");
        }
        menu.append("</vaadin-side-nav>");
        if (secretariat || admin) {
            nav(menu, "report-nav", "nav.group.report");
            item(menu, "nav.periods", "perioder", "calendar");
            item(menu, "nav.report", "rapport", "book");
            menu.append("</vaadin-side-nav>");
            nav(menu, "admin-nav", "nav.group.administer");
            item(menu, "nav.structure", "struktur", "sitemap");
            item(menu, "nav.audit", "logg", "records");
            if (admin) {
                item(menu, "nav.users", "anvandare", "users");
                item(menu, "nav.publication", "publicering", "globe");
            }
            menu.append("</vaadin-side-nav>");
        }
        nav(menu, "account-nav", "nav.group.account");
        item(menu, "nav.tokens", "api-nycklar", "key");
        menu.append("</vaadin-side-nav></div>");
        this.menu = new Html(menu.toString());
        addToDrawer(appName, this.menu);

        HorizontalLayout navbar = new HorizontalLayout();
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.addClassName("navbar");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("a11y.drawerToggle"));
        navbar.add(toggle);

        committee.setId("committee-select");
        committee.setAriaLabel(getTranslation("context.committee"));
        committee.setItemLabelGenerator(Committee::name);
        // wide enough for the longest committee name ("Kultur- och fritidsnämnden"), never cut
        committee.setWidth(Math.max(18, selected.committees().stream().mapToInt(c -> c.name().length()).max()
                .orElse(0) + 8) + "ch");
        period.setId("period-select");
        period.setAriaLabel(getTranslation("context.period"));
        period.setItemLabelGenerator(ReportingPeriod::name);
        period.setWidth("20rem");
        showContext();
        committee.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                var periods = selected.periods(e.getValue());
                if (!periods.isEmpty()) {
                    selected.select(e.getValue().slug(), periods.get(0).slug());
                    UI.getCurrent().refreshCurrentRoute(true);
                }
            }
        });
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && committee.getValue() != null
                    && !Objects.equals(e.getOldValue(), e.getValue())) {
                selected.select(committee.getValue().slug(), e.getValue().slug());
                UI.getCurrent().refreshCurrentRoute(true);
            }
        });
        navbar.add(committee, period);

        Span spacer = new Span();
        navbar.add(spacer);
        navbar.setFlexGrow(1, spacer);

        Span user = new Span(CurrentUser.get().displayName());
        user.setId("current-user");
        user.addClassName("current-user");
        Button logout = new Button(getTranslation("nav.logout"), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setId("notifications-bell");
        bell.setIcon(VaadinIcon.BELL.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.addClickListener(e -> UI.getCurrent().navigate("notiser"));
        navbar.add(bell, user, logout);
        addToNavbar(navbar);
    }

    private void nav(StringBuilder menu, String id, String labelKey) {
        menu.append("<vaadin-side-nav id=\"").append(id).append("\"><span slot=\"label\">")
                .append(HtmlText.escape(getTranslation(labelKey))).append("</span>");
    }

    /** An item as {@code SideNavItem} renders it: its path (the route, "" for the overview), icon and label. */
    private void item(StringBuilder menu, String labelKey, String path, String icon) {
        menu.append("<vaadin-side-nav-item path=\"").append(path).append("\"><vaadin-icon icon=\"vaadin:")
                .append(icon).append("\" slot=\"prefix\"></vaadin-icon>")
                .append(HtmlText.escape(getTranslation(labelKey))).append("</vaadin-side-nav-item>");
    }

    /** A link naming committee and period selects them (when the user is a member) before the view reads them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        List<String> c = parameters.get(PARAM_COMMITTEE);
        List<String> p = parameters.get(PARAM_PERIOD);
        if (c == null || p == null || c.isEmpty() || p.isEmpty()) {
            return;
        }
        selected.committees().stream().filter(x -> x.slug().equals(c.get(0))).findFirst().ifPresent(chosen ->
                selected.periods(chosen).stream().filter(x -> x.slug().equals(p.get(0))).findFirst()
                        .ifPresent(chosenPeriod -> {
                            selected.select(chosen.slug(), chosenPeriod.slug());
                            committee.setValue(chosen);
                            period.setItems(selected.periods(chosen));
                            period.setValue(chosenPeriod);
                        }));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showContext(); // a period created or decided since the layout was built shows at once
        updateBell();
    }

    /** The selected committee and period, with the current lists (read once per request). */
    private void showContext() {
        CommitteeContext current = selected.current().orElse(null);
        committee.setItems(selected.committees());
        if (current != null) {
            committee.setValue(current.committee());
            period.setItems(selected.periods(current.committee()));
            period.setValue(current.period());
        }
    }

    /** After a view created or changed a period: the selectors in the header follow. */
    public static void refreshContext() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getChildren().findFirst().orElse(null) instanceof MainLayout layout) {
            layout.selected.refresh();
            layout.showContext();
        }
    }

    private void updateBell() {
        int unread = notifications.unreadCount();
        bell.setText(unread == 0 ? "" : String.valueOf(unread));
        bell.setAriaLabel(unread == 0 ? getTranslation("notifications.bell.none")
                : getTranslation("notifications.bell.unread", String.valueOf(unread)));
        bell.setTooltipText(bell.getElement().getAttribute("aria-label"));
    }

    /** After a view changed what is read: the counter in the header follows. */
    public static void refreshUnreadCount() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getChildren().findFirst().orElse(null) instanceof MainLayout layout) {
            layout.updateBell();
        }
    }
}
