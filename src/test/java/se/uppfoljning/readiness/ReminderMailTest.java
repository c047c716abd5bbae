package se.uppfoljning.readiness;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.notifications.NotificationService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders by e-mail through an in-process SMTP server (GreenMail), on the suite's one shared context. Mail is off
 * there (no {@code spring.mail.host}, so Boot defines no {@code JavaMailSender}, as in production without a server);
 * this class switches it on for its own tests by registering the sender Boot would create for
 * {@code spring.mail.host=127.0.0.1}, {@code spring.mail.port=<GreenMail>} and removing it afterwards. The sender
 * ({@code app.mail.from}) and the link's address ({@code app.base-url}) come from application-test.properties.
 */
class ReminderMailTest extends AbstractIntegrationTest {

    /** Boot's bean name for the sender of {@code MailSenderPropertiesConfiguration}. */
    private static final String MAIL_SENDER = "mailSender";

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(true);

    @Autowired
    ReminderService reminders;
    @Autowired
    NotificationService notifications;
    @Autowired
    DefaultListableBeanFactory beans;

    @BeforeEach
    void mailOn() {
        testData.reset();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP_PORT);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        beans.registerSingleton(MAIL_SENDER, sender);
    }

    @AfterEach
    void mailOff() {
        beans.destroySingleton(MAIL_SENDER);
        signOut();
    }

    @Test
    void mailIsOffInTheSharedContextOutsideThisClass() {
        mailOff();
        signIn("sekretariat");
        assertThat(reminders.plan("ks", "2024-dr2", null).mailEnabled()).isFalse();
        mailOn();
        assertThat(reminders.plan("ks", "2024-dr2", null).mailEnabled()).isTrue();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
