package se.uppfoljning.base.fonts;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts shipped for the documents (src/main/resources/fonts, open licences beside each), in fallback order:
 * DejaVu Sans for Latin, Greek, Cyrillic and most symbols; Noto Sans Arabic (Arabic, Persian, Urdu); Noto Sans
 * Ethiopic (Tigrinya, Amharic); Symbola (monochrome emoji, mathematical letters, other symbols); Droid Sans Fallback
 * (Chinese, Japanese, Korean). A character is drawn by the first family that has it ({@link #familyFor}). All are TrueType (glyf) fonts,
 * which PDFBox embeds as subsets.
 */
public final class DocumentFonts {

    /** One font file: its family as CSS names it, weight (400/700) and whether it is the italic face. */
    public record Face(String file, String family, int weight, boolean italic) {

        /** The file's bytes (read once, kept). */
        public byte[] bytes() {
            return Loaded.bytes(file);
        }
    }

    public static final String PRIMARY_FAMILY = "DejaVu Sans";

    public static final List<Face> FACES = List.of(
            new Face("DejaVuSans.ttf", PRIMARY_FAMILY, 400, false),
            new Face("DejaVuSans-Bold.ttf", PRIMARY_FAMILY, 700, false),
            new Face("DejaVuSans-Oblique.ttf", PRIMARY_FAMILY, 400, true),
            new Face("NotoSansArabic-Regular.ttf", "Noto Sans Arabic", 400, false),
            new Face("NotoSansArabic-Bold.ttf", "Noto Sans Arabic", 700, false),
            new Face("NotoSansEthiopic-Regular.ttf", "Noto Sans Ethiopic", 400, false),
            new Face("NotoSansEthiopic-Bold.ttf", "Noto Sans Ethiopic", 700, false),
            new Face("Symbola.ttf", "Symbola", 400, false),
            new Face("DroidSansFallback.ttf", "Droid Sans Fallback", 400, false));

    private DocumentFonts() {
    }

    /** Whether some shipped font has a glyph for the code point (the regular faces cover what the bold ones do). */
    static boolean canDraw(int codePoint) {
        return codePoint >= 0 && Loaded.COVERED.get(codePoint);
    }

    /** Whether the family's regular face has the code point. */
    public static boolean covers(String family, int codePoint) {
        for (int i = 0; i < Loaded.REGULAR.size(); i++) {
            if (Loaded.REGULAR.get(i).family().equals(family)) {
                return codePoint >= 0 && Loaded.COVERAGE.get(i).get(codePoint);
            }
        }
        return false;
    }

    /**
     * The family that draws the code point: the first (in fallback order) that has it, except that letters of scripts
     * with a font of their own (Arabic, Ethiopic, Han…) take that font before the primary one, whose coverage of them is
     * partial; null when no shipped font has it.
     */
    public static String familyFor(int codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            return null;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        boolean primaryFirst = switch (script) {
            case LATIN, COMMON, INHERITED, GREEK, CYRILLIC -> true;
            default -> false;
        };
        int n = Loaded.REGULAR.size();
        for (int k = 0; k < n; k++) {
            // index 0 is the primary face: tried first, or last for scripts with a dedicated font
            int i = primaryFirst ? k : (k + 1) % n;
            if (Loaded.COVERAGE.get(i).get(codePoint)) {
                return Loaded.REGULAR.get(i).family();
            }
        }
        return null;
    }

    /** Loaded on first use: about 9 MB of fonts, parsed once for their character maps. */
    private static final class Loaded {
        private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
        private static final List<Face> REGULAR = FACES.stream().filter(f -> f.weight() == 400 && !f.italic()).toList();
        private static final List<BitSet> COVERAGE = REGULAR.stream().map(f -> coverage(bytes(f.file()))).toList();
        private static final BitSet COVERED = covered();

        private static BitSet covered() {
            BitSet covered = new BitSet(Character.MAX_CODE_POINT + 1);
            COVERAGE.forEach(covered::or);
            return covered;
        }

        static byte[] bytes(String file) {
            return BYTES.computeIfAbsent(file, Loaded::read);
        }

        private static byte[] read(String file) {
            try (InputStream in = DocumentFonts.class.getResourceAsStream("/fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Font missing on the classpath: /fonts/" + file);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static BitSet coverage(byte[] bytes) {
            BitSet covered = new BitSet(Character.MAX_CODE_POINT + 1);
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
                CmapLookup cmap = font.getUnicodeCmapLookup(false);
                for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                    if (cmap.getGlyphId(cp) > 0) {
                        covered.set(cp);
                    }
                }
                return covered;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
