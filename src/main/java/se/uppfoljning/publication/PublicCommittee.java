package se.uppfoljning.publication;

/** A committee on the public pages: {@code slug} in the address ("ks"), {@code code} ("KS"), {@code name}. */
public record PublicCommittee(String slug, String code, String name) {
}
