package se.uppfoljning.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.notifications.NotificationService;
import se.uppfoljning.notifications.UserNotification;

import java.util.List;

/** The signed-in user's notifications, newest first; open one (marks it read), mark one or all as read. */
@Route(value = "notiser", layout = MainLayout.class)
@PermitAll
public class NotificationsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int LIMIT = 200;

    private final NotificationService notifications;
    final VerticalLayout list = new VerticalLayout();
    final Button markAllRead = new Button();

    public NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        H2 title = new H2(getTranslation("notifications.title"));
        title.setId("view-title");
        markAllRead.setId("notifications-mark-all-read");
        markAllRead.setText(getTranslation("notifications.markAllRead"));
        markAllRead.addClickListener(e -> {
            notifications.markAllRead();
            refresh();
        });
        list.setId("notifications-list");
        list.setPadding(false);
        add(title, markAllRead, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<UserNotification> mine = notifications.mine(LIMIT);
        markAllRead.setEnabled(mine.stream().anyMatch(UserNotification::unread));
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("notifications.none")));
        }
        mine.forEach(n -> list.add(card(n)));
        MainLayout.refreshUnreadCount();
    }

    private Div card(UserNotification n) {
        Div card = new Div();
        card.setId("notification-" + n.id());
        card.addClassName("notification-card");
        card.getElement().setAttribute("role", "article");
        H3 heading = new H3(n.title());
        Span state = new Span(getTranslation(n.unread() ? "notifications.unread" : "notifications.read"));
        state.getElement().getThemeList().add(n.unread() ? "badge primary small" : "badge contrast small");
        Paragraph meta = new Paragraph(getTranslation("notifications.meta", ErrorMessages.time(n.createdAt())));
        meta.addClassName("entry-meta");
        HorizontalLayout actions = new HorizontalLayout();
        if (n.link() != null) {
            Button open = new Button(getTranslation("notifications.open"), e -> {
                notifications.markRead(n.id());
                UI.getCurrent().navigate(n.link());
            });
            open.setId("notification-open-" + n.id());
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            open.setAriaLabel(getTranslation("notifications.open") + ": " + n.title());
            actions.add(open);
        }
        if (n.unread()) {
            Button read = new Button(getTranslation("notifications.markRead"), e -> {
                notifications.markRead(n.id());
                refresh();
            });
            read.setId("notification-read-" + n.id());
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.setAriaLabel(getTranslation("notifications.markRead") + ": " + n.title());
            actions.add(read);
        }
        card.add(new HorizontalLayout(heading, state), meta, new Paragraph(n.body()), actions);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " – " + getTranslation("app.name");
    }
}
