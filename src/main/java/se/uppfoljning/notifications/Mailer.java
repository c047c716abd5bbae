package se.uppfoljning.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Sends plain-text e-mail through Spring Mail, only when an SMTP server is configured ({@code spring.mail.host}; Boot
 * then provides the {@link JavaMailSender}). Off by default. Each message is sent on its own, so one bad address
 * or a failing server is counted and logged, never thrown: callers send after their transaction has committed.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${app.mail.from:uppfoljning@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** What happened: how many messages were sent and how many failed. */
    public record Outcome(int sent, int failed) {
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    public Outcome send(List<MailMessage> messages) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || messages.isEmpty()) {
            return new Outcome(0, 0);
        }
        int sent = 0;
        int failed = 0;
        for (MailMessage message : messages) {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(message.to());
            m.setSubject(message.subject());
            m.setText(message.text());
            try {
                mail.send(m);
                sent++;
            } catch (MailException e) {
                failed++;
                log.warn("E-post till {} kunde inte skickas: {}", message.to(), e.getMessage());
            }
        }
        return new Outcome(sent, failed);
    }
}
