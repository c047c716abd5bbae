package se.uppfoljning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One message system: user-visible Swedish comes from the translation bundle, so main code holds no Swedish string
 * literal. The scan reads the sources (string literals and text blocks outside comments) and flags a literal with
 * å, ä or ö or a common Swedish word. Left out on purpose: annotation values (API documentation in
 * {@code @Operation}, rule texts) and log calls (lines for the operators, not for users). The allow-list below is
 * explicit and says why each entry is no message.
 */
class SwedishLiteralsTest {

    private static final Pattern SWEDISH = Pattern.compile(
            "[åäöÅÄÖ]|\\b(saknas|inte|finns|eller|Ange|redan|ingen|inget|kunde|måste)\\b");
    private static final Pattern LOG_CALL = Pattern.compile("(log|logger)\\.(trace|debug|info|warn|error)");
    /** The product's name ("Uppföljning …") is a name, the same in every language: metadata, titles, markers. */
    private static final Pattern PRODUCT_NAME = Pattern.compile("Uppföljning( [\\w ]+)?");

    /** Files whose Swedish literals are data, not messages, and why. */
    private static final Map<String, String> ALLOWED_FILES = Map.of(
            "users/PasswordRules.java", "common passwords refused at sign-up: data to compare with, never shown",
            "demo/DemoDataLoader.java", "the demo's organisation and report names, from the seed report",
            "indicators/TargetKind.java", "the target kinds' tokens as the import files and the API write them",
            "organisation/OrganisationService.java", "a new organisation's default status scales (DOMAIN.md): data",
            "base/api/OpenApiConfiguration.java", "the API's OpenAPI description for developers, like @Operation texts",
            "appendix/internal/PdfRenderer.java", "the PDF's XMP metadata packet, which names the product");
    /** Single literals that are data, and why. */
    private static final Map<String, String> ALLOWED_LITERALS = Map.of(
            "nämndmål", "an item kind's token as the structure import file writes it (StructureImportService)");

    @Test
    void mainCodeHoldsNoSwedishMessages() throws IOException {
        Path root = Path.of("src/main/java/se/uppfoljning");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (ALLOWED_FILES.containsKey(relative)) {
                    continue;
                }
                for (Literal literal : swedishLiterals(Files.readString(file))) {
                    found.add(relative + ":" + literal.line() + " \"" + literal.text() + "\"");
                }
            }
        }
        assertThat(found).as("Swedish string literals in main code: move them to "
                + "src/main/resources/vaadin-i18n/translations.properties (Messages.get / Messages.text with arguments)")
                .isEmpty();
        // the allow-list names files that exist: a moved or renamed file leaves no stale entry
        ALLOWED_FILES.keySet().forEach(f -> assertThat(root.resolve(f)).exists());
    }

    @Test
    void theScanFindsAMessageAndLeavesCommentsLogsAnnotationsAndTheProductNameAlone() {
        String source = """
                package x;
                /** "Värde saknas." in a comment */
                @Operation(summary = "Granskningsloggen (administratörer)")
                class X {
                    // "Kolumnen saknas." in a line comment
                    void y() {
                        log.warn("Nekad åtkomst: {}", user);
                        String product = "Uppföljning";
                        errors.add(new ErrorDetail(line, "snitt", "Värde saknas."));
                        String english = "missing value";
                        char c = '"';
                        String key = messages.get("finance.import.detail.valueMissing");
                        throw new IllegalStateException("Raden kan inte tolkas");
                    }
                }
                """;
        assertThat(swedishLiterals(source)).extracting(Literal::text)
                .containsExactly("Värde saknas.", "Raden kan inte tolkas");
    }

    record Literal(int line, String text) {
    }

    /** The Swedish literals of a Java source outside comments, annotation values and log calls. */
    static List<Literal> swedishLiterals(String src) {
        List<Literal> out = new ArrayList<>();
        Deque<String> calls = new ArrayDeque<>(); // the name before each open parenthesis
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                line += count(src, i, end);
                i = end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                add(out, calls, line, src.substring(i + 3, end));
                line += count(src, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    add(out, calls, line, src.substring(i + 1, j));
                }
                i = j + 1;
            } else if (c == '(') {
                int k = i - 1;
                while (k >= 0 && (Character.isJavaIdentifierPart(src.charAt(k)) || src.charAt(k) == '.'
                        || src.charAt(k) == '@')) {
                    k--;
                }
                calls.push(src.substring(k + 1, i));
                i++;
            } else {
                if (c == ')' && !calls.isEmpty()) {
                    calls.pop();
                } else if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return out;
    }

    private static void add(List<Literal> out, Deque<String> calls, int line, String text) {
        boolean quiet = calls.stream().anyMatch(call -> call.startsWith("@") || LOG_CALL.matcher(call).matches());
        if (!quiet && SWEDISH.matcher(text).find() && !PRODUCT_NAME.matcher(text).matches()
                && !ALLOWED_LITERALS.containsKey(text)) {
            out.add(new Literal(line, text));
        }
    }

    private static int count(String src, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
