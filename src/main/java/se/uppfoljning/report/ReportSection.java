package se.uppfoljning.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One section of a report's outline. {@code level} 1–3 is its heading's level (0: no heading, a continuation of the
 * section before, e.g. the commentary after a table); {@code number} ("2.1") is printed before the heading. A text
 * section's {@code body} is Markdown; a generated one has a {@code block} ("units ÖKF ÖKG": type and budget levels)
 * and, for amounts, its rows as a Markdown table in the body. {@code version} is for optimistic locking.
 * {@code editors}: usernames the secretariat named to write it.
 */
public record ReportSection(long id, int sortOrder, String number, String heading, int level, boolean generated,
                            String block, String body, SectionState state, int version, String changedBy,
                            OffsetDateTime changedAt, List<String> editors) {

    public ReportSection {
        editors = editors == null ? List.of() : List.copyOf(editors);
    }

    public BlockType blockType() {
        return block == null ? null : BlockType.fromFile(block.strip().split("\\s+")[0]).orElse(null);
    }

    /** The budget level codes a block names after its type ("units ÖKF ÖKG" → ÖKF, ÖKG). */
    public List<String> blockLevels() {
        if (block == null) {
            return List.of();
        }
        String[] parts = block.strip().split("\\s+");
        return List.of(parts).subList(1, parts.length);
    }

    /**
     * "2.1 Analys av verksamhetens prognos", or the heading alone, or "" without one; without the heading's footnote
     * references ("Kommunledning[^kf]" → "Kommunledning").
     */
    public String title() {
        String h = heading == null ? "" : heading.replaceAll("\\[\\^[^\\]\\s]+]", "");
        return number == null || number.isBlank() ? h : number + " " + h;
    }

    /** Empty: a text section without text (a heading alone counts as written: its text is its subsections). */
    public boolean isEmpty() {
        return !generated && body.isBlank() && level == 0;
    }
}
