package se.uppfoljning.backup;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.uppfoljning.base.i18n.Messages;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * {@code java -jar uppfoljning.jar --restore=FILE}: starts the application on its configured database (Liquibase
 * creates the tables of an empty one), restores the dump and exits – 0 on success, 1 with a Swedish message on
 * stderr otherwise. The demo loader is off and the web server listens on a free port on localhost only, so the
 * restore never meets demo data or users.
 */
public final class RestoreCommand {

    private static final String OPTION = "--restore=";

    private RestoreCommand() {
    }

    public static boolean wanted(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith(OPTION));
    }

    public static int run(Class<?> application, String[] args) {
        Path file = Path.of(Arrays.stream(args).filter(a -> a.startsWith(OPTION)).reduce((a, b) -> b).orElseThrow()
                .substring(OPTION.length()));
        // command-line properties win over APP_DEMO and SERVER_PORT from the environment
        String[] all = Stream.concat(Arrays.stream(args),
                Stream.of("--app.demo=false", "--server.port=0", "--server.address=127.0.0.1")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application).run(all)) {
            DatabaseDump.RestoreSummary summary = context.getBean(BackupService.class).restore(file);
            System.out.println(Messages.text("backup.restored", file.toString(), String.valueOf(summary.tables()),
                    String.valueOf(summary.rows()), String.valueOf(summary.manifest().createdAt()),
                    String.valueOf(summary.manifest().applicationVersion())));
            return 0;
        } catch (BackupException e) {
            System.err.println(Messages.text("backup.restoreStopped", String.valueOf(e.getMessage())));
            return 1;
        }
    }
}
