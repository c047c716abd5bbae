package se.uppfoljning.users.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CurrentUser;

/**
 * While the signed-in user's password was set by an admin (must_change_password), every route leads to the
 * password change first. The session's principal is replaced after the change, which lifts this.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(PasswordChangeGuard::beforeEnter));
    }

    static void beforeEnter(BeforeEnterEvent event) {
        if (ChangePasswordView.class.equals(event.getNavigationTarget())) {
            return;
        }
        if (CurrentUser.find().filter(AppUserPrincipal::mustChangePassword).isPresent()) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
