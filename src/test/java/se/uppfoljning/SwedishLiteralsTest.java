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

    private static final Path ROOT = Path.of("src/main/java/se/uppfoljning");

    /** A main source file: its path below {@link #ROOT} with "/" separators, and its text. */
    record Source(String relative, String text) {
    }

    /** Every main source file, in path order. */
    private static List<Source> mainSources() throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(new Source(ROOT.relativize(file).toString().replace('\\', '/'), Files.readString(file)));
            }
        }
        return sources;
    }

    @Test
    void mainCodeHoldsNoSwedishMessages() throws IOException {
        List<String> found = new ArrayList<>();
        for (Source source : mainSources()) {
            if (ALLOWED_FILES.containsKey(source.relative())) {
                continue;
            }
            for (Literal literal : swedishLiterals(source.text())) {
                found.add(source.relative() + ":" + literal.line() + " \"" + literal.text() + "\"");
            }
        }
        assertThat(found).as("Swedish string literals in main code: move them to "
                + "src/main/resources/vaadin-i18n/translations.properties (Messages.get / Messages.text with arguments)")
                .isEmpty();
        // the allow-list names files that exist: a moved or renamed file leaves no stale entry
        ALLOWED_FILES.keySet().forEach(f -> assertThat(ROOT.resolve(f)).exists());
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

    /**
     * The calls whose argument is a label or a message the user reads, and which argument (by the call's number of
     * arguments; -1: none): {@code InputText.clean(field, value)} names the field, {@code clean(column, label, value)}
     * the label (its column is a form's or a file's column name, an identifier); an {@code ErrorDetail}'s message
     * (its column is the file's column name – "utfall_ack", "niva", "nummer" – a format identifier, not prose, so
     * it may be a literal); Vaadin's text setters and text components; notifications.
     */
    private static final Map<Pattern, ArgumentOf> LABEL_CALLS = Map.of(
            Pattern.compile("\\bInputText\\.(?:clean|cleanLine|refused)\\s*\\("), n -> n == 3 ? 1 : 0,
            Pattern.compile("\\bnew\\s+ErrorDetail\\s*\\("), n -> 2,
            Pattern.compile("\\.(?:setLabel|setText|setTitle|setPlaceholder|setHelperText|setErrorMessage|setAriaLabel"
                    + "|setTooltipText|setHeaderTitle|setHeader|setConfirmText|setCancelText|setRejectText)\\s*\\("),
            n -> 0,
            Pattern.compile("\\bnew\\s+(?:Span|Paragraph|H[1-6]|Button|NativeLabel|ListItem|Text|Emphasis)\\s*\\("),
            n -> 0,
            Pattern.compile("\\bnew\\s+Anchor\\s*\\("), n -> n >= 2 ? 1 : -1,
            Pattern.compile("\\b(?:Notification\\.show|showError|showSuccess)\\s*\\("), n -> 0);
    /** Literals with letters that such an argument may hold because they are no text for readers, and why. */
    private static final Map<String, String> ALLOWED_ARGUMENTS = Map.of(
            "Retry-After", "an HTTP header's name (HttpServletResponse.setHeader)",
            "WWW-Authenticate", "an HTTP header's name (HttpServletResponse.setHeader)",
            "Content-Disposition", "an HTTP header's name (HttpServletResponse.setHeader)");
    /** Such literals in one file ("file literal"), and why. */
    private static final Map<String, String> ALLOWED_FILE_ARGUMENTS = Map.of(
            "base/text/InputTextJacksonModule.java text", "an API body's field name (JSON), when the parser has none");

    @FunctionalInterface
    interface ArgumentOf {
        int index(int argumentCount);
    }

    /**
     * One message system, for the Swedish that has no å, ä or ö ("Namn", "Kod", "Enhet"): a label or message
     * argument (see {@link #LABEL_CALLS}) is never a string literal with letters; it comes from the bundle. Non-text
     * literals (numbers, punctuation, placeholders such as "14.2") pass.
     */
    @Test
    void labelAndMessageArgumentsComeFromTheBundle() throws IOException {
        List<String> found = new ArrayList<>();
        for (Source source : mainSources()) {
            for (Literal literal : literalLabels(source.text())) {
                if (!ALLOWED_FILE_ARGUMENTS.containsKey(source.relative() + " " + literal.text())) {
                    found.add(source.relative() + ":" + literal.line() + " \"" + literal.text() + "\"");
                }
            }
        }
        ALLOWED_FILE_ARGUMENTS.keySet().forEach(f -> assertThat(ROOT.resolve(f.substring(0, f.indexOf(' '))))
                .exists());
        assertThat(found).as("labels and messages written as literals: give them a key in "
                + "src/main/resources/vaadin-i18n/translations.properties").isEmpty();
    }

    @Test
    void theLabelScanFindsLiteralLabelsAndLeavesKeysColumnsAndNumbersAlone() {
        String source = """
                class X {
                    void y() {
                        String name = InputText.cleanLine("Namn", value);
                        String number = InputText.clean("nummer", messages.get("structure.number"), value);
                        errors.add(new ErrorDetail(line, "grupp_namn", "Gruppnamn utan grupp: ange gruppens kod."));
                        errors.add(new ErrorDetail(line, "niva", Messages.text("finance.import.detail.valueMissing")));
                        code.setLabel("Kod");
                        field.setPlaceholder("14.2"); // a number, no text
                        add(new Span("Rad " + row));
                        add(new Anchor("ekonomi", getTranslation("report.view.openFinance")));
                        // setText("Kommentar") in a comment
                        response.setHeader("Retry-After", "60");
                        Notification.show(getTranslation("saved", "x"));
                    }
                }
                """;
        assertThat(literalLabels(source)).extracting(Literal::text)
                .containsExactly("Namn", "Gruppnamn utan grupp: ange gruppens kod.", "Kod", "Rad ");
    }

    /** The literals with letters that stand as a label or message argument of a {@link #LABEL_CALLS} call. */
    static List<Literal> literalLabels(String source) {
        String src = withoutComments(source);
        List<Literal> out = new ArrayList<>();
        for (var call : LABEL_CALLS.entrySet()) {
            var m = call.getKey().matcher(src);
            while (m.find()) {
                List<String> arguments = arguments(src, m.end());
                int index = call.getValue().index(arguments.size());
                if (index < 0 || index >= arguments.size()) {
                    continue;
                }
                for (String literal : topLevelLiterals(arguments.get(index))) {
                    // escapes ("\\t", "\\u00a0") are no letters of text
                    String text = literal.replaceAll("\\\\(u+[0-9a-fA-F]{4}|.)", "");
                    if (text.codePoints().anyMatch(Character::isLetter) && !ALLOWED_ARGUMENTS.containsKey(literal)) {
                        out.add(new Literal(count(src, 0, m.start()) + 1, literal));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Literal::line));
        return out;
    }

    /** The source with comments blanked (line breaks kept), string literals untouched. */
    private static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src);
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                i = src.indexOf("\"\"\"", i + 3) + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(src, i) + 1;
            } else if (src.startsWith("//", i) || src.startsWith("/*", i)) {
                int end = src.startsWith("//", i) ? src.indexOf('\n', i) : src.indexOf("*/", i + 2) + 2;
                end = end < (src.startsWith("//", i) ? 0 : 2) ? src.length() : end;
                for (int k = i; k < end; k++) {
                    if (out.charAt(k) != '\n') {
                        out.setCharAt(k, ' ');
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfQuoted(String src, int open) {
        char quote = src.charAt(open);
        int j = open + 1;
        while (src.charAt(j) != quote) {
            j += src.charAt(j) == '\\' ? 2 : 1;
        }
        return j;
    }

    /** The arguments of the call whose "(" ends just before {@code from}, as source text, split at depth 0. */
    private static List<String> arguments(String src, int from) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                i = (src.startsWith("\"\"\"", i) ? src.indexOf("\"\"\"", i + 3) + 2 : endOfQuoted(src, i)) + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')') {
                if (!src.substring(start, i).isBlank()) {
                    out.add(src.substring(start, i).strip());
                }
                return out;
            } else if (c == ',' && depth == 0) {
                out.add(src.substring(start, i).strip());
                start = i + 1;
            }
            i++;
        }
        return out;
    }

    /** The string literals of an argument outside any nested call ("Rad " in {@code "Rad " + n}). */
    private static List<String> topLevelLiterals(String argument) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < argument.length()) {
            char c = argument.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfQuoted(argument, i);
                if (c == '"' && depth == 0) {
                    out.add(argument.substring(i + 1, end));
                }
                i = end + 1;
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            i++;
        }
        return out;
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
