package se.uppfoljning.base.fonts;

import se.uppfoljning.base.error.ValidationException;

import java.util.OptionalInt;

/**
 * Whether a text can be drawn in the documents (the Bilaga PDFs) with the shipped fonts. A text with a character no
 * shipped font has (for example an emoji newer than the emoji font) is refused where it is entered, so the PDF never
 * prints a silent "#" in its place. Line feeds, carriage returns and tabs are layout, not glyphs.
 */
public final class DrawableText {

    private DrawableText() {
    }

    /** The first code point of {@code text} that no shipped font can draw; empty when all can be drawn (or null). */
    public static OptionalInt firstUndrawable(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        return text.codePoints()
                .filter(cp -> cp != '\n' && cp != '\r' && cp != '\t' && !DocumentFonts.canDraw(cp))
                .findFirst();
    }

    /**
     * Refuses a text with a character that cannot be drawn: a {@link ValidationException} (422) with the caller's
     * message key, which names the field; its arguments are the character and its code ("U+1F97A").
     */
    public static void require(String messageKey, String text) {
        OptionalInt undrawable = firstUndrawable(text);
        if (undrawable.isPresent()) {
            throw new ValidationException(messageKey, Character.toString(undrawable.getAsInt()),
                    code(undrawable.getAsInt()));
        }
    }

    /** "U+1F97A" */
    public static String code(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
