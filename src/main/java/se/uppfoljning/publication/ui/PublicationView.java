package se.uppfoljning.publication.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import se.uppfoljning.base.ui.Confirmation;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.publication.PublicationService;
import se.uppfoljning.publication.PublicationSetting;

/**
 * Administrators turn the public pages of each committee's decided reports on or off. Turning them on asks first,
 * since what is decided becomes readable by anyone; the address of the public start page is shown to share.
 */
@Route(value = "publicering", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class PublicationView extends VerticalLayout implements HasDynamicTitle {

    private final PublicationService publication;
    final Div list = new Div();

    public PublicationView(PublicationService publication) {
        this.publication = publication;
        H2 title = new H2(getTranslation("publication.title"));
        title.setId("view-title");
        list.setId("publication-list");
        add(title, new Paragraph(getTranslation("publication.intro")), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var settings = publication.settings();
        if (settings.isEmpty()) {
            list.add(new Paragraph(getTranslation("publication.none")));
        }
        for (PublicationSetting setting : settings) {
            list.add(row(setting));
        }
    }

    private Div row(PublicationSetting setting) {
        Div row = new Div();
        row.addClassName("publication-row");
        H3 name = new H3(setting.committeeName());
        Checkbox enabled = new Checkbox(getTranslation("publication.enabled"), setting.enabled());
        enabled.setId("publication-" + setting.committeeSlug());
        enabled.addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            if (event.getValue()) {
                enabled.setValue(false);
                Confirmation.of("publication-confirm", getTranslation("publication.confirm.header", setting.committeeName()),
                        getTranslation("publication.confirm.text"), getTranslation("publication.confirm.ok"), false,
                        () -> change(setting, true)).open();
            } else {
                change(setting, false);
            }
        });
        row.add(name, enabled);
        Anchor link = new Anchor(setting.path(), getTranslation("publication.link", setting.path()));
        link.setTarget(AnchorTarget.BLANK);
        link.setVisible(setting.enabled());
        row.add(new Paragraph(link));
        return row;
    }

    private void change(PublicationSetting setting, boolean enabled) {
        publication.setEnabled(setting.committeeSlug(), enabled);
        Notification.show(getTranslation(enabled ? "publication.changed.on" : "publication.changed.off",
                setting.committeeName()), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publication.title") + " – " + getTranslation("app.name");
    }
}
