package se.uppfoljning.publication;

/** An organisation as the public pages name it: {@code slug} in the address ("orebro"), {@code name} as written. */
public record PublicOrganisation(String slug, String name) {
}
