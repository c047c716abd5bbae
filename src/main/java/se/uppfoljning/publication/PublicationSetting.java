package se.uppfoljning.publication;

/** Whether a committee's decided reports are public, and the address of its public page. */
public record PublicationSetting(String committeeSlug, String committeeName, boolean enabled, String path) {
}
