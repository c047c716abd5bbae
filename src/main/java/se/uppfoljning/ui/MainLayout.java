package se.uppfoljning.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
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

    public MainLayout(SelectedContext selected, AuthenticationContext authentication,
                      NotificationService notifications, UserService users) {
        this.selected = selected;
        this.notifications = notifications;
        setPrimarySection(Section.DRAWER);

        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("app-name");
        // grouped by what people do: read the report, run the reporting, administer
        SideNav nav = new SideNav(getTranslation("nav.group.read"));
        nav.setId("main-nav");
        nav.addItem(new SideNavItem(getTranslation("nav.followUp"), "", VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.progress"), "framsteg", VaadinIcon.BAR_CHART.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.finance"), "ekonomi", VaadinIcon.MONEY.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.changes"), "forandringar", VaadinIcon.EXCHANGE.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.appendices"), "bilagor", VaadinIcon.FILE_TEXT.create()));
        Div menu = new Div(nav);
        menu.addClassName("main-menu");
        MenuRights rights = users.menuRights();
        boolean admin = rights.mayAdminister();
        boolean secretariat = rights.mayRunReports();
        if (!secretariat && !admin) {
            // the report's writers besides the secretariat (e.g. the controller) reach it here
            nav.addItem(new SideNavItem(getTranslation("nav.report"), "rapport", VaadinIcon.BOOK.create()));
        }
        if (secretariat || admin) {
            SideNav report = new SideNav(getTranslation("nav.group.report"));
            report.setId("report-nav");
            report.addItem(new SideNavItem(getTranslation("nav.periods"), "perioder", VaadinIcon.CALENDAR.create()));
            report.addItem(new SideNavItem(getTranslation("nav.report"), "rapport", VaadinIcon.BOOK.create()));
            SideNav administer = new SideNav(getTranslation("nav.group.administer"));
            administer.setId("admin-nav");
            administer.addItem(new SideNavItem(getTranslation("nav.structure"), "struktur", VaadinIcon.SITEMAP.create()));
            administer.addItem(new SideNavItem(getTranslation("nav.audit"), "logg", VaadinIcon.RECORDS.create()));
            if (admin) {
                administer.addItem(new SideNavItem(getTranslation("nav.users"), "anvandare", VaadinIcon.USERS.create()));
                administer.addItem(new SideNavItem(getTranslation("nav.publication"), "publicering", VaadinIcon.GLOBE.create()));
            }
            menu.add(report, administer);
        }
        SideNav account = new SideNav(getTranslation("nav.group.account"));
        account.setId("account-nav");
        account.addItem(new SideNavItem(getTranslation("nav.tokens"), "api-nycklar", VaadinIcon.KEY.create()));
        menu.add(account);
        addToDrawer(appName, menu);

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
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setId("notifications-bell");
        bell.setIcon(VaadinIcon.BELL.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.addClickListener(e -> UI.getCurrent().navigate("notiser"));
        navbar.add(bell, user, logout);
        addToNavbar(navbar);
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
