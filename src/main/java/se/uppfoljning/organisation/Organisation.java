package se.uppfoljning.organisation;

import java.text.Normalizer;
import java.util.Locale;

/** A municipality (or region) using the application; {@code slug} is its part of the public pages' address. */
public record Organisation(long id, String slug, String name) {

    /**
     * The address part for an organisation's name: "Örebro kommun" → "orebro", "Upplands Väsby kommun" →
     * "upplands-vasby" (diacritics dropped, " kommun" left out, everything else but letters and digits a hyphen).
     */
    public static String slugOf(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+kommun$", "");
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "organisation" : slug;
    }
}
