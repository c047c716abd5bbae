package se.uppfoljning;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import se.uppfoljning.backup.RestoreCommand;

@SpringBootApplication
// scheduled work: each node carries out the session ends other nodes recorded (users.SessionEnds)
@EnableScheduling
@Theme(themeClass = Lumo.class)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (RestoreCommand.wanted(args)) {
            System.exit(RestoreCommand.run(Application.class, args));
        }
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Uppföljning");
        // our plain stylesheet (frontend/styles), linked from the page head; no frontend bundle needed
        settings.addLink("stylesheet", "styles/app.css");
    }
}
