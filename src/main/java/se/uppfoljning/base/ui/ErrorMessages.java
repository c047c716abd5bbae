package se.uppfoljning.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.text.SwedishFormat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Turns refusals of the services into the Swedish text a user reads; and a few shared formats. */
public final class ErrorMessages {

    private static final DateTimeFormatter TIME = SwedishFormat.DATE_TIME;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private ErrorMessages() {
    }

    public static String describe(Component component, RuntimeException e) {
        if (e instanceof DomainException domain) {
            String message = component.getTranslation(domain.messageKey(), domain.arguments());
            if (!domain.details().isEmpty()) {
                message += " " + domain.details().stream().map(ErrorMessages::detail).collect(Collectors.joining(" "));
            }
            return message;
        }
        if (e instanceof AccessDeniedException) {
            return component.getTranslation("error.accessDenied");
        }
        throw e;
    }

    private static String detail(ErrorDetail d) {
        return Messages.describe(d);
    }

    public static void showError(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void showSuccess(String message) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static String time(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(SWEDEN).format(TIME);
    }
}
