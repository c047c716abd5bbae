package se.uppfoljning.notifications;

/** A plain-text e-mail to one address. */
public record MailMessage(String to, String subject, String text) {
}
