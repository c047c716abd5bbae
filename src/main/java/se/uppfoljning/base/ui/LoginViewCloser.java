package se.uppfoljning.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Closes the login view's UI when its form login succeeds. The browser leaves that page for the application, but the
 * UI would stay in the session until three of its heartbeats are missed (15 minutes with the 300 s heartbeat) – per
 * signed-in user a component tree nobody can reach any more (issue 17: heap per open UI). Only UIs showing the login
 * view are closed, so the user's other tabs keep their views; Vaadin removes closed UIs at the end of the session's
 * next request.
 */
@Component
class LoginViewCloser implements ApplicationListener<InteractiveAuthenticationSuccessEvent> {

    @Override
    public void onApplicationEvent(InteractiveAuthenticationSuccessEvent event) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpSession session = attributes.getRequest().getSession(false);
        if (session == null) {
            return;
        }
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                closeLoginViews(vaadin);
            }
        }
    }

    private static void closeLoginViews(VaadinSession vaadin) {
        vaadin.lock();
        try {
            List<UI> uis = new ArrayList<>(vaadin.getUIs());
            for (UI ui : uis) {
                if (showsLoginView(ui)) {
                    ui.close();
                }
            }
        } finally {
            vaadin.unlock();
        }
    }

    private static boolean showsLoginView(UI ui) {
        try {
            return ui.getCurrentView() instanceof LoginView;
        } catch (IllegalStateException e) {
            return false; // a UI whose first navigation has not completed shows no view yet
        }
    }
}
