package se.uppfoljning.appendix;

import java.util.Arrays;
import java.util.Optional;
/** The generated appendices of an interim report; the slug is used in URLs. */
public enum AppendixKind {
    /** Planerade och vidtagna åtgärder. */
    BILAGA_1("bilaga-1"),
    /** Uppföljning av strategiska mål och uppdrag. */
    BILAGA_2("bilaga-2");

    private final String slug;

    AppendixKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<AppendixKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
