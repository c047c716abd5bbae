package se.uppfoljning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table is written by exactly one feature, its owner in {@link ArchitectureTest#TABLE_OWNERS}. ArchUnit sees
 * which tables a class uses but not whether it writes them, so this reads the sources: a jOOQ write statement
 * ({@code insertInto}, {@code update}, {@code deleteFrom}, {@code newRecord}, ...) on a table or its alias.
 */
class TableWritersTest {

    private static final Pattern ALIAS = Pattern.compile(
            "\\b(\\w+)\\s*=\\s*(?:se\\.uppfoljning\\.db\\.)?(?:Tables\\.)?([A-Z][A-Z0-9_]+)\\b(?:\\.as\\([^)]*\\))?\\s*;");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(insertInto|update|deleteFrom|delete|mergeInto|newRecord|truncate|batchInsert)\\(\\s*"
                    + "(?:se\\.uppfoljning\\.db\\.)?(?:Tables\\.)?(\\w+)");

    @Test
    void everyTableIsWrittenOnlyByItsOwningFeature() throws IOException {
        Path root = Path.of("src/main/java/se/uppfoljning");
        List<String> foreign = new ArrayList<>();
        int writes = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String feature = relative.getName(0).toString();
                List<Write> found = writes(Files.readString(file));
                writes += found.size();
                found.stream().filter(w -> !feature.equals(ArchitectureTest.TABLE_OWNERS.get(w.table())))
                        .forEach(w -> foreign.add(relative + ": " + feature + " writes " + w.table() + " (owner "
                                + ArchitectureTest.TABLE_OWNERS.get(w.table()) + ")"));
            }
        }
        assertThat(writes).as("the scan finds the application's writes").isGreaterThan(40);
        assertThat(foreign).isEmpty();
    }

    @Test
    void theScanSeesAWriteThroughAnAliasOutsideTheOwner() {
        String followUpWritingItems = """
                private static final se.uppfoljning.db.tables.FollowUpItem I = FOLLOW_UP_ITEM;
                long insert() { return db.insertInto(I).set(I.TEXT, "x").execute(); }
                void rename() { db.update(Tables.DEPARTMENT).set(DEPARTMENT.NAME, "y").execute(); }
                """;
        assertThat(writes(followUpWritingItems)).extracting(Write::table)
                .containsExactly("FollowUpItem", "Department");
        assertThat(writes(followUpWritingItems)).noneMatch(w -> "followup".equals(ArchitectureTest.TABLE_OWNERS.get(w.table())));
    }

    record Write(String table) {
    }

    /** The tables the source writes, one per write statement, by their jOOQ class name. */
    static List<Write> writes(String source) {
        Map<String, String> tables = new HashMap<>();
        ArchitectureTest.TABLE_OWNERS.keySet().forEach(t -> tables.put(constant(t), t));
        Matcher alias = ALIAS.matcher(source);
        while (alias.find()) {
            String table = tables.get(alias.group(2));
            if (table != null) {
                tables.put(alias.group(1), table);
            }
        }
        List<Write> writes = new ArrayList<>();
        Matcher write = WRITE.matcher(source);
        while (write.find()) {
            String table = tables.get(write.group(2));
            if (table != null) {
                writes.add(new Write(table));
            }
        }
        return writes;
    }

    /** "FollowUpItem" → "FOLLOW_UP_ITEM" */
    static String constant(String table) {
        return table.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }
}
