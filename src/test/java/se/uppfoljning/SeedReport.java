package se.uppfoljning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real report (a public document; its copy in {@code src/test/resources/seed}), read as the test oracle: Bilaga 2's rows (with the area and table
 * heading each stands under) and its headings, in the report's order.
 */
public final class SeedReport {

    public static final Path FILE = Path.of("src", "test", "resources", "seed", "delarsrapport-med-prognos-1-2024-kommunstyrelsen.txt");

    public static final List<String> AREAS = List.of(
            "Utgångspunkter för Örebro kommuns verksamhet",
            "Lärande, utbildning och arbetsmarknad",
            "Ett tryggt Örebro genom livet",
            "Ett hållbart och växande Örebro",
            "Näringsliv, tillväxt, civilsamhälle och kultur");

    private static final Pattern GOAL = Pattern.compile("^Strategiskt mål (\\d+): (.*?)\\t*$");
    private static final Set<String> GOAL_TABLES = Set.of("Nämndmål", "Kommunövergripande indikatorer");

    /** A row of Bilaga 2; status "" when not assessed. */
    public record Row(String area, String strategicGoal, String tableHeading, String text, String status,
                      String comment) {
    }

    private SeedReport() {
    }

    public static List<String> lines() {
        try {
            return Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The seed report must lie at " + FILE.toAbsolutePath(), e);
        }
    }

    /** Bilaga 2's lines: from its heading (the second occurrence; the first is the table of contents) to the end. */
    public static List<String> bilaga2Lines() {
        List<String> lines = lines();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("Bilaga 2: Uppföljning av strategiska mål och uppdrag")) {
                start = i;
            }
        }
        return lines.subList(start, lines.size());
    }

    public static List<Row> bilaga2Rows() {
        List<Row> rows = new ArrayList<>();
        String area = null;
        String goal = null;
        String table = null;
        for (String line : bilaga2Lines()) {
            if (line.isBlank()) {
                continue;
            }
            if (AREAS.contains(line.strip())) {
                area = line.strip();
                goal = null;
                continue;
            }
            Matcher m = GOAL.matcher(line);
            if (m.matches()) {
                goal = "Strategiskt mål " + m.group(1) + ": " + m.group(2).strip();
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length >= 3 && (GOAL_TABLES.contains(parts[0]) || parts[0].startsWith("Uppdrag ÖSB")
                    || parts[0].startsWith("Kvarstående uppdrag från ÖSB"))) {
                table = parts[0];
                if (!GOAL_TABLES.contains(table)) {
                    goal = null;
                }
                continue;
            }
            if (parts.length >= 3 && area != null && table != null) {
                rows.add(new Row(area, goal, table, parts[0], parts[1], String.join("\t", List.of(parts).subList(2, parts.length))));
            }
        }
        return rows;
    }

    /** One block of Bilaga 1: the header row, the data row and the comment, as printed. */
    public record Measure(List<String> header, List<String> cells, String comment) {
    }

    /** Bilaga 1's measures in order (from its heading, the second occurrence, to Bilaga 2's). */
    public static List<Measure> bilaga1Measures() {
        List<String> lines = lines();
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("Bilaga 1: Planerade och vidtagna åtgärder")) {
                start = i;
            }
            if (lines.get(i).strip().equals("Bilaga 2: Uppföljning av strategiska mål och uppdrag")) {
                end = i;
            }
        }
        List<String> block = lines.subList(start, end).stream().filter(l -> !l.isBlank()).toList();
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            if (block.get(i).matches("Åtgärd \\d+\\t.*")) {
                List<String> header = List.of(block.get(i).split("\t", -1));
                List<String> cells = List.of(block.get(i + 1).split("\t", -1));
                String[] comment = block.get(i + 2).split("\t", -1);
                if (!comment[0].equals("Kommentar:")) {
                    throw new IllegalStateException("No comment after " + header.get(0));
                }
                measures.add(new Measure(header, cells, comment[1]));
                i += 2;
            }
        }
        return measures;
    }

    /** Bilaga 2's introduction paragraph as printed, *asterisks* marking italics. */
    public static String bilaga2Introduction() {
        return bilaga2Lines().stream().skip(1).filter(l -> !l.isBlank()).findFirst().orElseThrow().strip();
    }

    /** The area and strategic goal headings of Bilaga 2, in order. */
    public static List<String> bilaga2Headings() {
        List<String> headings = new ArrayList<>();
        for (String line : bilaga2Lines()) {
            if (AREAS.contains(line.strip())) {
                headings.add(line.strip());
            }
            Matcher m = GOAL.matcher(line);
            if (m.matches()) {
                headings.add("Strategiskt mål " + m.group(1) + ": " + m.group(2).strip());
            }
        }
        return headings;
    }
}
