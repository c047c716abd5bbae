package se.uppfoljning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every translation key the code uses exists in the Swedish bundle, and no key is defined twice. */
class TranslationKeysTest {

    private static final Path BUNDLE = Path.of("src/main/resources/vaadin-i18n/translations.properties");
    /** getTranslation("key"…), messages.get("key"…), Messages.text("key"…), and message keys passed to our exceptions. */
    private static final Pattern USE = Pattern.compile(
            "(?:getTranslation|messages\\.get|Messages\\.text|Exception)\\(\\s*\"([a-zA-Z][\\w.]*\\.[\\w.]*\\w)\"");

    @Test
    void everyKeyUsedInTheCodeIsInTheBundle() throws IOException {
        Properties bundle = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(BUNDLE), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        // keys built at run time from enum values are checked by EnumTranslationKeysTest
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        List<String> missing = used.stream().filter(k -> !bundle.containsKey(k)).sorted().toList();
        assertThat(missing).as("keys used in code but missing in " + BUNDLE).isEmpty();
    }

    @Test
    void noKeyIsDefinedTwiceAndTheBundleIsUtf8() throws IOException {
        byte[] bytes = Files.readAllBytes(BUNDLE);
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        assertThat(text).contains("Användarnamn");
        List<String> keys = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                keys.add(line.substring(0, line.indexOf('=')).strip());
            }
        }
        assertThat(keys).doesNotHaveDuplicates();
    }
}
