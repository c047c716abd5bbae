package se.uppfoljning.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of target ("målvärde") an indicator or goal can have, with the word the report uses. */
public enum TargetKind {
    /** "minst 75": the value must reach the target value. */
    AT_LEAST("minst", true),
    /** "högst 2": the value must not exceed the target value. */
    AT_MOST("högst", true),
    /** "öka": the value must rise compared with a year before. */
    INCREASE("öka", false),
    /** "minska": the value must fall compared with a year before. */
    DECREASE("minska", false),
    /** No target: no proposal can be made. */
    NONE("inget målvärde", false);

    private final String word;
    private final boolean needsValue;

    TargetKind(String word, boolean needsValue) {
        this.word = word;
        this.needsValue = needsValue;
    }

    /** The Swedish word ("minst", "öka", …). */
    public String word() {
        return word;
    }

    public boolean needsValue() {
        return needsValue;
    }

    public boolean comparesYears() {
        return this == INCREASE || this == DECREASE;
    }

    /** The kind for the Swedish word or the English name (either case); empty when neither. */
    public static Optional<TargetKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.word.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t))
                .findFirst();
    }
}
