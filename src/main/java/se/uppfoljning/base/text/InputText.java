package se.uppfoljning.base.text;

import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.fonts.DrawableText;
import se.uppfoljning.base.i18n.Messages;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The one boundary every text passes on its way in (UI fields, API bodies, imported files): Unicode NFC, line
 * endings as LF, vertical tab, form feed, NEL and the Unicode line/paragraph separators as a line break (what a
 * copy from Word means by them), and every other control character (C0 except tab and LF, DEL, C1), lone
 * surrogates and non-characters refused with a Swedish {@link ValidationException} naming the field, so that no
 * text can make the database fail. A character that no shipped document font can draw ({@link DrawableText}) is
 * refused here too, whatever the path (UI field, API body, import cell): every accepted text can be printed in the
 * appendices, never as a silent "#". {@link #key} is the form in which codes and names are compared.
 */
public final class InputText {

    private InputText() {
    }

    /**
     * A refused character: where it is (1-based position in the value), what it is, and whether it is refused because
     * no document font can draw it (otherwise it is a control character or a non-character).
     */
    public record Refusal(int position, int codePoint, boolean undrawable) {

        /** "U+0000 (NUL)" style description, for messages. */
        public String character() {
            String name = Character.getName(codePoint);
            return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " (" + name + ")");
        }

        /** The Swedish sentence used in error details. */
        public String message() {
            return undrawable ? Messages.text("input.detail.undrawable", Character.toString(codePoint),
                    DrawableText.code(codePoint), String.valueOf(position))
                    : Messages.text("input.detail.forbidden", character(), String.valueOf(position));
        }
    }

    /**
     * The text as stored: NFC, line breaks as LF; null stays null. Nothing is trimmed (a comment's own spacing is
     * the user's). Throws {@link ValidationException} ("input.error.character": field, character, position) with a
     * detail naming the field when the text holds a refused character.
     */
    public static String clean(String field, String value) {
        return clean(field, field, value);
    }

    /**
     * {@link #clean} for a field whose errors are matched by a column name ({@code column}: a form's or a file's
     * column, e.g. "nummer", the detail's column) while the message names the field as the user reads it
     * ({@code label}, from the bundle: "Fältet Målvärde innehåller …").
     */
    public static String clean(String column, String label, String value) {
        if (value == null) {
            return null;
        }
        String normalised = normalise(value);
        Refusal refusal = refusal(normalised);
        if (refusal != null) {
            throw refused(column, label, refusal);
        }
        return normalised;
    }

    /** {@link #clean} and stripped of leading and trailing white space: for names, codes and single-line fields. */
    public static String cleanLine(String field, String value) {
        String cleaned = clean(field, value);
        return cleaned == null ? null : cleaned.strip();
    }

    /** {@link #clean(String, String, String)} and stripped: a single-line field with a column and a label. */
    public static String cleanLine(String column, String label, String value) {
        String cleaned = clean(column, label, value);
        return cleaned == null ? null : cleaned.strip();
    }

    /**
     * The exception {@link #clean} throws, for callers that find the refusal themselves: "input.error.character"
     * (field, character, position) or "input.error.undrawable" (field, the character itself, "U+1F97A", position).
     */
    public static ValidationException refused(String field, Refusal refusal) {
        return refused(field, field, refusal);
    }

    private static ValidationException refused(String column, String label, Refusal refusal) {
        List<ErrorDetail> details = List.of(new ErrorDetail(null, column, refusal.message()));
        if (refusal.undrawable()) {
            return new ValidationException("input.error.undrawable", details, label,
                    Character.toString(refusal.codePoint()), DrawableText.code(refusal.codePoint()),
                    String.valueOf(refusal.position()));
        }
        return new ValidationException("input.error.character", details, label, refusal.character(),
                String.valueOf(refusal.position()));
    }

    /** NFC and line breaks as LF; never throws (refused characters are left for {@link #refusal}). */
    public static String normalise(String value) {
        String text = value;
        if (!isPlain(text)) {
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFC);
            }
            if (needsLineBreaks(text)) {
                text = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u000B', '\n').replace('\u000C', '\n')
                        .replace('\u0085', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
            }
        }
        return text;
    }

    /**
     * The first refused character of an already {@link #normalise normalised} text, or null: a control character
     * or non-character, else a character no shipped document font can draw.
     */
    public static Refusal refusal(String text) {
        int undrawable = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isRefused(c)) {
                return new Refusal(text.codePointCount(0, i) + 1, c, false);
            }
            // Latin-1 is in the primary font: the fonts' coverage is looked up only beyond it
            if (undrawable < 0 && c > 0xFF && !DrawableText.canDraw(c)) {
                undrawable = i;
            }
            i += Character.charCount(c);
        }
        return undrawable < 0 ? null
                : new Refusal(text.codePointCount(0, undrawable) + 1, text.codePointAt(undrawable), true);
    }

    /** Whether a (normalised) character is refused: controls other than tab and LF, surrogates, non-characters. */
    public static boolean isRefused(int c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n';
        }
        return (c >= 0x7F && c <= 0x9F) || Character.getType(c) == Character.SURROGATE
                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /** Whether a character is a space of another kind than the plain one (no-break, thin, ideographic…). */
    public static boolean isOddSpace(int c) {
        return c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F'
                || c == '\u3000' || c == '\u1680';
    }

    /** Every odd space as a plain space, and the BOM removed. */
    public static String plainSpaces(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean odd = isOddSpace(c);
            if (odd || c == '\uFEFF') {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (odd) {
                    out.append(' ');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The form in which codes and names are matched (levels, cuts, departments, item texts, statuses, headers):
     * NFC, every kind of white space run as one plain space, trimmed, lower case. "ÖKL" written with a combining
     * diaeresis and "ÖKL" have the same key, as have "Uppfylls delvis" with a no-break space and with a space.
     */
    public static String key(String value) {
        if (value == null) {
            return "";
        }
        String text = plainSpaces(normalise(value));
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether two stored or typed texts are the same text (free text such as comments): equal after
     * {@link #normalise}, odd spaces as plain ones and trimming. Used to tell unchanged rows of a re-imported export.
     */
    public static boolean sameText(String a, String b) {
        return comparable(a).equals(comparable(b));
    }

    private static String comparable(String s) {
        return s == null ? "" : plainSpaces(normalise(s)).strip();
    }

    /** Printable ASCII (plus tab and LF) needs no work: the fast path for the 100 000-row import. */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n')) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsLineBreaks(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
