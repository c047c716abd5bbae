package se.uppfoljning.base.fonts;

import java.util.OptionalInt;

/**
 * Whether a text can be drawn in the documents (the Bilaga PDFs) with the shipped fonts. The text boundary
 * ({@code base.text.InputText}) refuses a character no shipped font has (for example an emoji newer than the emoji
 * font) on every way in, so the PDF never prints a silent "#" in its place. Line feeds, carriage returns and tabs are
 * layout, not glyphs.
 */
public final class DrawableText {

    private DrawableText() {
    }

    /** Whether a shipped font draws the code point (line feed, carriage return and tab are layout: true). */
    public static boolean canDraw(int codePoint) {
        return codePoint == '\n' || codePoint == '\r' || codePoint == '\t' || DocumentFonts.canDraw(codePoint);
    }

    /** The first code point of {@code text} that no shipped font can draw; empty when all can be drawn (or null). */
    public static OptionalInt firstUndrawable(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        return text.codePoints()
                .filter(cp -> !canDraw(cp))
                .findFirst();
    }

    /** "U+1F97A" */
    public static String code(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
