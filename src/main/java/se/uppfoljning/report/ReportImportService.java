package se.uppfoljning.report;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.periods.CommitteeContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Brings a report's text in: one Markdown file per section (UTF-8), in the order of their file names, each opened by
 * a front matter between two {@code ---} lines (see docs/report-import.md):
 * <pre>
 * ---
 * number: 2.1
 * heading: Analys av verksamhetens prognos
 * level: 2
 * kind: text            (or: block)
 * block: units ÖKF ÖKG  (for kind block: summary, units, account-groups, activities, investments, amounts,
 *                        appendix-1, appendix-2; finance blocks name their budget levels)
 * ---
 * The section's text in Markdown.
 * </pre>
 * The files replace the period's outline, as drafts. The demo's 2024-dr1 report is loaded this way. Errors name the
 * file and line; nothing is stored then.
 */
@Service
public class ReportImportService {

    /** Limits of one import: files, bytes per file. */
    static final int MAX_FILES = 500;
    static final int MAX_FILE_BYTES = 1 << 20;

    private final ReportService reports;

    ReportImportService(ReportService reports) {
        this.reports = reports;
    }

    /** A file of an import: its name (for the order and the messages) and bytes. */
    public record SectionFile(String name, byte[] content) {
    }

    /**
     * Imports the files (Markdown, or ZIP archives of Markdown files) as the period's outline, every section a draft
     * to be read through and confirmed; returns the count.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public int importFiles(CommitteeContext context, List<SectionFile> files) {
        return importFiles(context, files, SectionState.DRAFT);
    }

    /**
     * Imports the files as the period's outline in the given state: {@link SectionState#CONFIRMED} for a report that
     * was already decided elsewhere (last year's report brought in, the demo's decided 2024-dr1), whose text is final.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public int importFiles(CommitteeContext context, List<SectionFile> files, SectionState state) {
        List<SectionFile> markdown = new ArrayList<>();
        for (SectionFile f : files) {
            if (f.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                markdown.addAll(unzip(f));
            } else {
                markdown.add(f);
            }
        }
        if (markdown.isEmpty()) {
            throw new ValidationException("report.import.error.noFiles");
        }
        if (markdown.size() > MAX_FILES) {
            throw new ValidationException("report.import.error.tooMany", MAX_FILES);
        }
        markdown.sort(Comparator.comparing(SectionFile::name));
        List<NewSection> sections = new ArrayList<>();
        for (SectionFile f : markdown) {
            sections.add(parse(f.name(), f.content()));
        }
        return reports.replaceOutline(context, sections, state);
    }

    private static List<SectionFile> unzip(SectionFile zip) {
        List<SectionFile> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".md")) {
                    byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                    if (bytes.length > MAX_FILE_BYTES) {
                        throw new ValidationException("report.import.error.tooLarge", e.getName());
                    }
                    out.add(new SectionFile(e.getName().substring(e.getName().lastIndexOf('/') + 1), bytes));
                    if (out.size() > MAX_FILES) {
                        throw new ValidationException("report.import.error.tooMany", MAX_FILES);
                    }
                }
            }
        } catch (IOException ex) {
            throw new ValidationException("report.import.error.zip", zip.name());
        }
        return out;
    }

    /** One file as a section; ValidationException naming the file and line when its front matter is wrong. */
    static NewSection parse(String name, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            throw new ValidationException("report.import.error.tooLarge", name);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException("report.import.error.encoding", name);
        }
        text = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new ValidationException("report.import.error.frontMatter", name, 1);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---")) {
                end = i;
                break;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!List.of("number", "heading", "level", "kind", "block").contains(key) || fields.containsKey(key)) {
                throw new ValidationException("report.import.error.field", name, i + 1);
            }
            fields.put(key, line.substring(colon + 1).strip());
        }
        if (end < 0) {
            throw new ValidationException("report.import.error.frontMatter", name, lines.length);
        }
        int level;
        try {
            level = Integer.parseInt(fields.getOrDefault("level", "0"));
        } catch (NumberFormatException e) {
            throw new ValidationException("report.import.error.level", name);
        }
        if (level < 0 || level > 3) {
            throw new ValidationException("report.import.error.level", name);
        }
        String kind = fields.getOrDefault("kind", "text").toLowerCase(Locale.ROOT);
        String block = empty(fields.get("block"));
        if (kind.equals("block")) {
            if (block == null || BlockType.fromFile(block.split("\\s+")[0]).isEmpty()) {
                throw new ValidationException("report.import.error.block", name, block == null ? "" : block);
            }
        } else if (!kind.equals("text") || block != null) {
            throw new ValidationException("report.import.error.kind", name);
        }
        String heading = empty(fields.get("heading"));
        if (level > 0 && heading == null) {
            throw new ValidationException("report.import.error.heading", name);
        }
        String body = String.join("\n", Arrays.asList(lines).subList(end + 1, lines.length)).strip();
        return new NewSection(empty(fields.get("number")), heading, level, kind.equals("block") ? block : null,
                body.isEmpty() ? "" : body + "\n");
    }

    private static String empty(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
