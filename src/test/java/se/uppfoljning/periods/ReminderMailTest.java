package se.uppfoljning.periods;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.notifications.NotificationService;
import se.uppfoljning.users.UserService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders by e-mail through an in-process SMTP server (GreenMail). The only test with mail configured: its own
 * Spring context (and its own embedded database directory), so the shared context stays without mail.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReminderMailTest {

    /**
     * Vaadin's security configuration installs its own SecurityContextHolder strategy globally when a context starts;
     * the shared context's method security keeps the one it started with. Put that one back after this class.
     */
    private static SecurityContextHolderStrategy sharedStrategy;

    @BeforeAll
    static void keepStrategy() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void restoreStrategy() {
        SecurityContextHolder.clearContext();
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> 2000);
        registry.add("app.mail.from", () -> "uppfoljning@example.org");
        registry.add("app.base-url", () -> "https://uppfoljning.example.org/");
        registry.add("app.data-dir", () -> "target/test-postgres-mail");
    }

    @Autowired
    ReminderService reminders;
    @Autowired
    NotificationService notifications;
    @Autowired
    UserService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void remindersAreMailedAfterCommitAndAFailingServerKeepsTheNotifications() throws Exception {
        signIn("sekretariat");
        ReminderService.ReminderResult sent = reminders.send("ks", "2024-dr2", null);
        assertThat(sent.mailsSent()).isEqualTo(1);
        assertThat(sent.mailsFailed()).isZero();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("tjansteperson@example.org");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("uppfoljning@example.org");
        assertThat(mail.getSubject())
                .isEqualTo("Påminnelse: Delårsrapport med prognos 2 2024 – senast 13 september 2024");
        String text = GreenMailUtil.getBody(mail);
        String decoded = new String(mail.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(decoded).contains("Hej Tove Tjänsteperson!", "Säkerhetsavdelningen", "13 september 2024",
                "https://uppfoljning.example.org/uppfoljning?namnd=ks&period=2024-dr2&avdelning=");
        assertThat(text).isNotBlank();

        // the SMTP server goes away: the reminder is still given in the application, the failure is counted
        greenMail.stop();
        ReminderService.ReminderResult failed = reminders.send("ks", "2024-dr2", null);
        assertThat(failed.notifications()).isEqualTo(1);
        assertThat(failed.mailsSent()).isZero();
        assertThat(failed.mailsFailed()).isEqualTo(1);
        signIn("tjansteperson");
        assertThat(notifications.unreadCount()).isEqualTo(2);
    }

    private void signIn(String username) {
        AppUserPrincipal user = (AppUserPrincipal) users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
