package se.uppfoljning;

import org.junit.jupiter.api.Test;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.followup.FollowUpFilter;
import se.uppfoljning.indicators.ValueImport;
import se.uppfoljning.indicators.ValueSource;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.readiness.DepartmentCompleteness;
import se.uppfoljning.report.SectionState;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.structure.StructureImportChange;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Map.entry;

/**
 * Keys built at run time from a value ({@code getTranslation("kind." + kind.name())}): every value of the enum (or
 * constant class) behind each such prefix has its key, iterated rather than listed, so a new kind, state, role or
 * audit action without a Swedish text fails here. A prefix found in the code but missing from the map fails too.
 */
class EnumTranslationKeysTest {

    private static final Path BUNDLE = Path.of("src/main/resources/vaadin-i18n/translations.properties");
    /** getTranslation("prefix." + …), messages.get("prefix." + …) */
    private static final Pattern DYNAMIC_USE = Pattern.compile(
            "(?:getTranslation|messages\\.get)\\(\\s*\"([a-zA-Z][\\w.]*\\.)\"\\s*\\+");

    /** Prefix → the values whose names complete the key. */
    private static final Map<String, List<String>> KEYS = Map.ofEntries(
            entry("kind.", names(ItemKind.values())),
            entry("filter.kind.", names(FollowUpFilter.KindFilter.values())),
            entry("role.", names(Role.values())),
            entry("period.state.", names(PeriodState.values())),
            // no hint while under review: the decision form is open then
            entry("periods.decisionHint.", names(PeriodState.values()).stream()
                    .filter(s -> !s.equals(PeriodState.REVIEW.name())).toList()),
            entry("periods.kind.", names(PeriodKind.values())),
            entry("structure.import.change.", names(StructureImportChange.Kind.values())),
            entry("completeness.missing.", names(DepartmentCompleteness.Missing.values())),
            entry("audit.action.", auditActions()),
            // API token scopes are the two strings ApiTokenService accepts
            entry("tokens.scope.", List.of("read", "write")),
            // the statuses ApiErrors.messageFor knows (others fall back to 400 or 500)
            entry("api.error.status.", List.of("400", "401", "403", "404", "405", "406", "409", "413", "415", "422",
                    "423", "429", "500")),
            // the refusals SecurityConfiguration records by name
            entry("audit.security.denied.", List.of("forbidden", "readOnlyToken", "passwordChangeRequired")),
            // the genders of measured values (indicator_value.gender's check: total, women, men – Kolada's T/K/M)
            entry("indicators.gender.", List.of("T", "K", "M")),
            entry("indicators.ui.source.", names(ValueSource.values())),
            entry("indicators.import.outcome.", names(ValueImport.Outcome.values())),
            // a section without text yet shows as EMPTY beside the stored states
            entry("report.view.state.", Stream.concat(names(SectionState.values()).stream(), Stream.of("EMPTY"))
                    .toList()));

    @Test
    void everyValueBehindADynamicKeyHasItsText() throws IOException {
        Properties bundle = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(BUNDLE), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        List<String> missing = new ArrayList<>();
        KEYS.forEach((prefix, values) -> values.stream().map(v -> prefix + v)
                .filter(key -> !bundle.containsKey(key)).forEach(missing::add));
        assertThat(KEYS.values().stream().mapToInt(List::size).sum()).isGreaterThan(40);
        assertThat(missing).as("keys built from values but missing in " + BUNDLE).isEmpty();
    }

    @Test
    void everyDynamicPrefixInTheCodeIsCovered() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = DYNAMIC_USE.matcher(Files.readString(file));
                while (m.find()) {
                    prefixes.add(m.group(1));
                }
            }
        }
        assertThat(prefixes).contains("kind.", "role.", "period.state.");
        assertThat(prefixes).as("prefixes built at run time; add each to KEYS with its enum").isSubsetOf(KEYS.keySet());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** AuditActions' action constants (the prefixes are not actions). */
    private static List<String> auditActions() {
        List<String> actions = new ArrayList<>();
        for (Field field : AuditActions.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().endsWith("_PREFIX")) {
                try {
                    field.setAccessible(true);
                    actions.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return actions;
    }
}
