package se.uppfoljning.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SeedReport;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's decided 2024-dr1 report against the seed document, the only test that renders the whole report: the
 * stored files are reproducible byte for byte, the PDF passes veraPDF's PDF/UA-1 and PDF/A-2a, the Word file has a
 * real TOC field, and the text (Word and PDF) and the numbers of tables 3, 3.1–3.4 are the seed's.
 * <p>
 * Deliberate differences of the text (normalisations before comparing):
 * <ul>
 *   <li>the seed's italics markers ({@code *…*}, {@code <i>}) are formatting, not words: removed on both sides;</li>
 *   <li>compatibility characters are compared as their plain letters (NFKC): the PDF's text layer carries the
 *       font's ligatures "ﬁ", "ﬀ" for "fi", "ff";</li>
 *   <li>paragraphs the seed's text export split at a page break ("avvek alltm" / "från planering") are one paragraph
 *       in the demo text: the words are compared as one sequence per section, so this changes nothing;</li>
 *   <li>the seed's table of contents and table lines are not body text (the tables are compared by number);</li>
 *   <li>in the PDF, a numbered list's "1." is left out (the layout draws it apart from the item's text), and the
 *       words are compared without the spaces between them (a line break after a hyphen reads as a space).</li>
 * </ul>
 */
class ReportDocumentTest extends AbstractIntegrationTest {

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;

    CommitteeContext decided;

    static ValidationProfile pdfUa1;
    static ValidationProfile pdfA2a;

    @BeforeAll
    static void veraPdf() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (var in = Profiles.class.getResourceAsStream("/org/verapdf/pdfa/validation/PDFUA-1.xml")) {
            pdfUa1 = Profiles.profileFromXml(in);
        }
        pdfA2a = Profiles.getVeraProfileDirectory().getValidationProfileByFlavour(PDFAFlavour.PDFA_2_A);
    }

    @BeforeEach
    void setUp() {
        signIn("politiker");
        decided = periods.context("ks", "2024-dr1");
    }

    @Test
    void theDecidedReportIsTheSeedWordForWordAndNumberForNumber() throws Exception {
        AppendixFile docx = reports.generate(decided, AppendixFormat.DOCX);
        AppendixFile pdf = reports.generate(decided, AppendixFormat.PDF);
        assertThat(docx.fileName()).isEqualTo("Delårsrapport med prognos 1 2024 – Kommunstyrelsen.docx");
        assertThat(pdf.fileName()).isEqualTo("Delårsrapport med prognos 1 2024 – Kommunstyrelsen.pdf");
        assertThat(reports.storedSha256(decided, AppendixFormat.PDF)).contains(pdf.sha256());

        // veraPDF's two validations (seconds each) run beside the rest of the test on threads of their own: veraPDF
        // validates different documents in parallel threads (each parses its own copy here, each profile is used by
        // one thread only); their findings are asserted below as before
        ExecutorService veraPdf = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> ua = veraPdf.submit(() -> failedRules(pdf.content(), pdfUa1, PDFAFlavour.PDFUA_1));
            Future<List<String>> pdfA = veraPdf.submit(() -> failedRules(pdf.content(), pdfA2a, PDFAFlavour.PDFA_2_A));
            theSameBytesAndTheSeedsTextAndNumbers(docx, pdf);
            assertThat(ua.get()).as("PDF/UA-1").isEmpty();
            assertThat(pdfA.get()).as("PDF/A-2a").isEmpty();
        } finally {
            veraPdf.shutdownNow();
        }
    }

    private void theSameBytesAndTheSeedsTextAndNumbers(AppendixFile docx, AppendixFile pdf) throws Exception {
        // byte-reproducible: rendering the decided data again gives the stored bytes
        Map<AppendixFormat, AppendixFile> fresh = reports.renderFreshAsDecided(decided);
        assertThat(fresh.get(AppendixFormat.DOCX).sha256()).isEqualTo(docx.sha256());
        assertThat(fresh.get(AppendixFormat.PDF).sha256()).isEqualTo(pdf.sha256());

        // for a look in LibreOffice (docs/decisions/0010-whole-report-from-sections.md: soffice --headless --convert-to pdf)
        Files.createDirectories(Path.of("target", "tmp"));
        Files.write(Path.of("target", "tmp", "report-2024-dr1.docx"), docx.content());
        Files.write(Path.of("target", "tmp", "report-2024-dr1.pdf"), pdf.content());
        XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.content()));
        assertThat(word.getDocument().xmlText()).contains("TOC \\o \"1-2\" \\h \\z \\u");
        assertThat(zipEntry(docx.content(), "word/settings.xml")).contains("updateFields");
        assertContentsPagesAsInThePdf(word, pdf.content());

        List<String> headings = new ArrayList<>();
        Map<String, List<String>> wordSections = wordSections(word, headings);
        Map<String, List<String>> seedSections = seedSections(headings);
        assertThat(wordSections.keySet()).as("sections in order").containsExactlyElementsOf(seedSections.keySet());
        for (String section : seedSections.keySet()) {
            assertThat(String.join(" ", wordSections.get(section))).as("Word: %s", section)
                    .isEqualTo(String.join(" ", seedSections.get(section)));
        }
        // compared without spaces: the PDF's text layer cannot tell a line break after "omställnings-/" from a space
        String pdfText = String.join("", withoutListNumbers(words(pdfText(pdf.content()))));
        for (var section : seedSections.entrySet()) {
            if (section.getValue().isEmpty()) {
                continue; // a heading followed by a table or subsections
            }
            assertThat(pdfText).as("PDF: %s", section.getKey())
                    .contains(String.join("", withoutListNumbers(section.getValue())));
        }

        assertSeedFootnotes(word, pdfText);
        assertNumbers(word);
        assertTableHeadings(word);
    }

    /**
     * The generated tables of 3, 3.1–3.4 carry the seed's headings, from the finance file's metadata: the summary's
     * "Utfall 230831" (the date of the previous year's outcome), the first columns "RN3", "RN2 RN5", "KONTOGRUPP SUM",
     * "VHT" and the RN2 group column (a two-line heading of the seed read column by column).
     */
    private static void assertTableHeadings(XWPFDocument word) {
        List<List<String>> generated = new ArrayList<>();
        boolean inSection3 = false;
        for (IBodyElement e : word.getBodyElements()) {
            if (e instanceof XWPFParagraph p && p.getStyle() != null && p.getStyle().startsWith("Heading")) {
                if (p.getText().startsWith("Bilaga 1")) {
                    break;
                }
                inSection3 |= p.getText().startsWith("3 ");
            } else if (e instanceof XWPFTable t && inSection3 && t.getRow(0).getTableCells().size() > 2) {
                generated.add(t.getRow(0).getTableCells().stream().map(XWPFTableCell::getText).toList());
            }
        }
        List<String> lines = SeedReport.lines();
        List<List<String>> seed = new ArrayList<>();
        int start = lines.indexOf("3 Delårsresultat och prognos 1 för år 2024");
        int end = lines.indexOf("Bilaga 1: Planerade och vidtagna åtgärder");
        for (int i = start; i < end; i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length > 8 && cells[0].matches("Nettoredovisning|RN3|RN2|KONTOGRUPP SUM|VHT")) {
                String[] second = lines.get(i + 1).startsWith("\t") ? lines.get(i + 1).split("\t", -1) : new String[0];
                List<String> heading = new ArrayList<>();
                for (int c = 0; c < cells.length; c++) {
                    String merged = (cells[c] + " " + (c < second.length ? second[c] : "")).strip();
                    if (!merged.isEmpty()) {
                        heading.add(merged);
                    }
                }
                seed.add(heading);
            }
        }
        assertThat(seed).hasSize(12);
        assertThat(generated).as("table headings").containsExactlyElementsOf(seed);
    }

    /**
     * The stored Word file's contents field shows, before anyone updates it, every heading of levels 1–2 with the page
     * the stored PDF's contents print for it (read from the PDF's text, not from how the Word file got them).
     */
    private static void assertContentsPagesAsInThePdf(XWPFDocument word, byte[] pdf) throws Exception {
        List<String> entries = word.getParagraphs().stream()
                .filter(p -> p.getStyle() != null && p.getStyle().matches("TOC\\d"))
                .map(ReportDocumentTest::text).toList();
        List<String> headings = word.getParagraphs().stream()
                .filter(p -> "Heading1".equals(p.getStyle()) || "Heading2".equals(p.getStyle()))
                .map(ReportDocumentTest::text).toList();
        assertThat(entries).as("contents entries").hasSizeGreaterThan(15)
                .allSatisfy(e -> assertThat(e).matches(".+\t\\d+"))
                .allSatisfy(e -> assertThat(headings).contains(e.substring(0, e.lastIndexOf('\t'))));
        String contents;
        try (var document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(3);
            contents = stripper.getText(document);
        }
        for (String entry : entries) {
            String heading = entry.substring(0, entry.lastIndexOf('\t'));
            String page = entry.substring(entry.lastIndexOf('\t') + 1);
            // any white space between the characters: a long heading may wrap in the PDF's contents ("RS-" / "kod")
            String words = String.join("\\s*", heading.replaceAll("\\s+", "").codePoints()
                    .mapToObj(c -> Pattern.quote(Character.toString(c))).toList());
            assertThat(Pattern.compile("^" + words + "[\\s.]*" + page + "\\s*$", Pattern.MULTILINE)
                    .matcher(contents).find()).as("PDF contents: %s … %s in%n%s", heading, page, contents).isTrue();
        }
    }

    /**
     * A paragraph's text without its footnote references (POI reads the reference run as "[footnoteRef:2]" and may
     * append the note as " [2: note]").
     */
    static String text(XWPFParagraph p) {
        String text = p.getText().replaceAll("\\[footnoteRef:\\d+]", "");
        String notes = p.getFootnoteText();
        return !notes.isEmpty() && text.endsWith(notes) ? text.substring(0, text.length() - notes.length()) : text;
    }

    /**
     * The seed's two footnotes – "¹" after "RS-kod" in 3.3's heading with its note "¹ Räkenskapssammandraget …" under
     * 3.3's second table, and the note "*från och med år 2022 …" under 3.1's first table – are footnotes of the demo
     * (a reference in the section's heading, the note in the section's text): real footnotes in Word, endnotes after
     * the section in the PDF. Their notes are compared as notes, not as body text; the marks are the renderers'
     * numbers (1, 2 … through the document), not the seed's "*" and "¹"; the note is not in italics.
     */
    static boolean isSeedFootnote(String line) {
        return line.startsWith("**från och med år 2022") || line.startsWith("¹ ");
    }

    /** A seed heading as the demo prints it: without the footnote mark "¹". */
    static String seedHeading(String line) {
        return line.strip().replace("¹", "");
    }

    private static void assertSeedFootnotes(XWPFDocument word, String pdfText) {
        List<String> seedNotes = SeedReport.lines().stream().filter(ReportDocumentTest::isSeedFootnote)
                .map(l -> normal(l).replaceFirst("^1 ", "")).toList();
        assertThat(seedNotes).hasSize(2);
        List<String> wordNotes = word.getFootnotes().stream()
                .map(f -> normal(f.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat)))
                .toList();
        assertThat(wordNotes).as("Word footnotes").containsExactlyElementsOf(seedNotes);
        for (String note : seedNotes) {
            assertThat(pdfText).as("PDF endnote").contains(note.replace(" ", ""));
        }
    }

    private static String zipEntry(byte[] zip, String name) throws Exception {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    // ---- text ------------------------------------------------------------------------------------------------------

    /** The Word body from "1 Förslag till beslut" to Bilaga 1, by heading (key "n: heading"), as words. */
    private static Map<String, List<String>> wordSections(XWPFDocument word, List<String> headings) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> currentWords = null;
        for (IBodyElement e : word.getBodyElements()) {
            if (!(e instanceof XWPFParagraph p)) {
                continue;
            }
            String style = p.getStyle() == null ? "" : p.getStyle();
            String text = text(p);
            if (style.startsWith("Heading")) {
                if (text.startsWith("Bilaga 1")) {
                    break;
                }
                if (currentWords == null && !text.startsWith("1 ")) {
                    continue;
                }
                headings.add(text);
                currentWords = new ArrayList<>();
                sections.put(sections.size() + ": " + normal(text), currentWords);
            } else if (currentWords != null) {
                currentWords.addAll(words(text));
            }
        }
        return sections;
    }

    /** The seed's text from "1 Förslag till beslut" to "Bilaga 1", split at the same headings, table lines left out. */
    private static Map<String, List<String>> seedSections(List<String> headings) {
        List<String> lines = SeedReport.lines();
        int start = lines.indexOf("1 Förslag till beslut");
        int end = lines.indexOf("Bilaga 1: Planerade och vidtagna åtgärder");
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> currentWords = null;
        int next = 0;
        for (String line : lines.subList(start, end)) {
            if (isSeedFootnote(line)) {
                continue; // a footnote, compared as such
            }
            if (next < headings.size() && seedHeading(line).equals(headings.get(next))) {
                currentWords = new ArrayList<>();
                sections.put(sections.size() + ": " + normal(headings.get(next)), currentWords);
                next++;
            } else if (currentWords != null && !line.contains("\t")) {
                currentWords.addAll(words(line));
            }
        }
        return sections;
    }

    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace("<i>", "").replace("</i>", "").replace("*", "")
                .replace('\u00a0', ' ').strip();
    }

    /** A numbered list's "1." is drawn by the PDF layout apart from the item's text: left out of the PDF comparison. */
    static List<String> withoutListNumbers(List<String> words) {
        return words.stream().filter(w -> !w.matches("\\d+\\.")).toList();
    }

    static List<String> words(String text) {
        String n = normal(text);
        return n.isEmpty() ? List.of() : List.of(n.split("\\s+"));
    }

    /** The PDF's text without the running header and the page numbers. */
    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return text.replace("Kommunstyrelsen · Delårsrapport med prognos 1 2024", " ")
                    .replaceAll("Sida \\d+ av \\d+", " ");
        }
    }

    static List<String> failedRules(byte[] pdf, ValidationProfile profile, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(profile, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
        }
    }

    // ---- numbers ---------------------------------------------------------------------------------------------------

    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,3}( \\d{3})*");
    private static final Pattern PERCENT = Pattern.compile("-?\\d+ ?%");

    /**
     * Every row of the seed's tables 3, 3.1–3.4 is in the generated table of the same section (found by its label),
     * with the same amounts (or within ±1 tkr: listed rounding) and the same consumption percentage except the listed
     * seed inconsistencies. Labels the seed prints differently from the figures' names are mapped (listed).
     */
    private void assertNumbers(XWPFDocument word) {
        Map<String, Map<String, List<String>>> generated = generatedRows(word);
        Map<String, Map<String, List<String>>> seed = seedRows();
        List<String> rounding = new ArrayList<>();
        List<String> percentDifferences = new ArrayList<>();
        int compared = 0;
        for (var section : seed.entrySet()) {
            Map<String, List<String>> ours = generated.get(section.getKey());
            assertThat(ours).as("tables of %s", section.getKey()).isNotNull();
            for (var row : section.getValue().entrySet()) {
                List<String> mine = ours.get(row.getKey());
                assertThat(mine).as("%s: row %s (have %s)", section.getKey(), row.getKey(), ours.keySet()).isNotNull();
                List<String> theirs = row.getValue();
                assertThat(mine).as("%s %s", section.getKey(), row.getKey()).hasSameSizeAs(theirs);
                for (int i = 0; i < theirs.size(); i++) {
                    String a = theirs.get(i);
                    String b = mine.get(i).replace('\u00a0', ' ');
                    if (a.endsWith("%") || b.endsWith("%") || (a.isEmpty() && i == 4)) {
                        if (!a.replace(" ", "").equals(b.replace(" ", ""))
                                && !withinRounding(a, mine.get(1), mine.get(2))) {
                            percentDifferences.add(section.getKey() + " " + row.getKey() + ": " + a + " → " + b);
                        }
                        continue;
                    }
                    long x = Long.parseLong(a.replace(" ", ""));
                    long y = Long.parseLong(b.replace(" ", ""));
                    if (x != y) {
                        // a row: its deviation is computed from exact amounts, the seed's from rounded ones (±1); a
                        // sum: of rows the source rounded to tkr, up to half a tkr per summed row
                        String table = row.getKey().substring(0, row.getKey().indexOf('|'));
                        long tolerance = isSum(row.getKey()) ? (ROWS.get(section.getKey() + "|" + table) + 1) / 2 : 1;
                        assertThat(Math.abs(x - y)).as("%s %s column %d: seed %s, generated %s", section.getKey(),
                                row.getKey(), i, a, b).isLessThanOrEqualTo(tolerance);
                        rounding.add(section.getKey() + " " + row.getKey() + " col " + i + ": " + a + " / " + b);
                    }
                    compared++;
                }
            }
        }
        System.out.println("REPORT numbers compared: " + compared);
        System.out.println("REPORT rounding rows: " + rounding.stream().distinct().toList());
        System.out.println("REPORT percent differences: " + percentDifferences);
        assertThat(compared).isGreaterThan(1000);
        assertThat(percentDifferences).containsExactlyInAnyOrderElementsOf(SEED_PERCENT_INCONSISTENCIES);
    }

    /**
     * Whether the seed's percentage is one the rounded amounts allow: each of outcome and budget to date is known only
     * to ±0,5 tkr (the source rounded them), which moves a share of small amounts by several percent (KLPG: -20 ÷ -22).
     */
    static boolean withinRounding(String seedPercent, String outcome, String budget) {
        if (!seedPercent.endsWith("%")) {
            return false;
        }
        long seed = Long.parseLong(seedPercent.replace("%", "").strip());
        double o = Long.parseLong(outcome.replaceAll("[\\s\u00a0]", ""));
        double b = Long.parseLong(budget.replaceAll("[\\s\u00a0]", ""));
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (double dO : new double[]{-0.5, 0.5}) {
            for (double dB : new double[]{-0.5, 0.5}) {
                double p = (o + dO) / (b + dB) * 100;
                low = Math.min(low, p);
                high = Math.max(high, p);
            }
        }
        return seed >= Math.floor(low) && seed <= Math.ceil(high);
    }

    /**
     * Where the seed's "Förb i %" breaks its own rule (documented in ReportTables): blank where the budget to date is
     * zero (elsewhere "0%"), blank for a share it prints elsewhere, and 3.3's copy error (114 % belongs to the row
     * below; the figures give 103 %).
     */
    static final List<String> SEED_PERCENT_INCONSISTENCIES = List.of(
            "3.1 Kommunledning|KLÖS Övriga Styrelser:  → 0 %",
            "3.1 Kommungemensam nivå|KGOPA Digital Arbetsplats:  → 0 %",
            "3.2 Kommungemensamt|Summa ÖKF:  → 0 %",
            "3.2 Kommungemensamt|Summa ÖKG:  → 103 %",
            "3.3 Kommungemensamt|Summa ÖKG: 114% → 103 %");

    /** The seed's table rows per section ("3.1 Enheternas …"), label → the eight values as printed. */
    private static Map<String, Map<String, List<String>>> seedRows() {
        List<String> lines = SeedReport.lines();
        int start = lines.indexOf("3 Delårsresultat och prognos 1 för år 2024");
        int end = lines.indexOf("Bilaga 1: Planerade och vidtagna åtgärder");
        Map<String, Map<String, List<String>>> rows = new TreeMap<>();
        String section = "3";
        String level = "";
        for (String line : lines.subList(start, end)) {
            if (line.matches("3\\.\\d .*")) {
                section = line.substring(0, 3);
                level = section.equals("3.4") ? "Investeringar" : "";
                continue;
            }
            if (!line.contains("\t")) {
                if (!line.isBlank() && line.length() < 40) {
                    level = line.strip();
                }
                continue;
            }
            String[] cells = line.split("\t", -1);
            List<String> labels = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (String c : cells) {
                String v = c.strip();
                if (values.isEmpty() && !AMOUNT.matcher(v).matches() && !PERCENT.matcher(v).matches()) {
                    if (!v.isEmpty()) {
                        labels.add(v);
                    }
                } else {
                    values.add(v);
                }
            }
            while (values.size() > 8 && values.get(values.size() - 1).isEmpty()) {
                values.remove(values.size() - 1);
            }
            if (values.size() != 8 || values.stream().filter(v -> AMOUNT.matcher(v).matches()).count() < 7) {
                continue; // headings, "Belopp i tkr", the amounts table
            }
            String label = labels.size() == 4 ? labels.get(2) + " " + labels.get(3) : String.join(" ", labels);
            label = SEED_LABELS.getOrDefault(section + "|" + level + "|" + label, label);
            put(rows.computeIfAbsent(section, k -> new LinkedHashMap<>()), level + "|" + label, values);
        }
        return rows;
    }

    /**
     * Rows the seed labels differently from the figures: 3.1 and 3.4's level totals ("", "ÖKA", "ÖKG", "Summa"), and
     * 3.1's sum of ÖKF and ÖKG printed as "Summa ÖKG".
     */
    static final Map<String, String> SEED_LABELS = Map.of(
            "3.1|Kommunledningsförvaltning|", "Summa ÖKA",
            "3.1|Kommungemensam nivå|Summa ÖKG", "Summa ÖKF ÖKG",
            "3.2|Kommunledningsförvaltning|Summa", "Summa ÖKA",
            "3.4|Investeringar|ÖKA", "Summa ÖKA",
            "3.4|Investeringar|ÖKG", "Summa ÖKG");

    /** Ordinary rows per generated table ("3.1|Kommunledning"): how many rounded rows a sum adds up. */
    private static final Map<String, Integer> ROWS = new HashMap<>();

    private static boolean isSum(String key) {
        String label = key.substring(key.indexOf('|') + 1);
        return label.startsWith("Summa") || label.equals("Nettokostnad");
    }

    /** A label met again in the same table (ÖKF's and ÖKG's "3 Intäkter") gets its occurrence: "…#2". */
    private static void put(Map<String, List<String>> rows, String key, List<String> values) {
        String k = key;
        for (int n = 2; rows.containsKey(k); n++) {
            k = key + "#" + n;
        }
        rows.put(k, values);
    }

    /** The generated tables' rows per section and subheading, label → values as printed. */
    private static Map<String, Map<String, List<String>>> generatedRows(XWPFDocument word) {
        Map<String, Map<String, List<String>>> rows = new TreeMap<>();
        String section = null;
        String level = "";
        for (IBodyElement e : word.getBodyElements()) {
            if (e instanceof XWPFParagraph p && p.getStyle() != null && p.getStyle().startsWith("Heading")) {
                String text = text(p);
                if (text.startsWith("Bilaga 1")) {
                    break;
                }
                if (text.matches("3(\\.\\d)? .*")) {
                    section = text.startsWith("3 ") ? "3" : text.substring(0, 3);
                    level = section.equals("3.4") ? "Investeringar" : "";
                } else {
                    level = text;
                }
            } else if (e instanceof XWPFTable t && section != null) {
                for (XWPFTableRow row : t.getRows().subList(1, t.getRows().size())) {
                    List<String> cells = row.getTableCells().stream().map(XWPFTableCell::getText).toList();
                    if (cells.size() == 10) {
                        cells = cells.subList(1, 10); // the group column ("KGE Kommungemensamt Övrigt")
                    }
                    if (cells.size() == 9) {
                        String table = section + "|" + (section.equals("3") ? "" : level);
                        if (!cells.get(0).startsWith("Summa") && !cells.get(0).equals("Nettokostnad")) {
                            ROWS.merge(table, 1, Integer::sum);
                        }
                        put(rows.computeIfAbsent(section, k -> new LinkedHashMap<>()),
                                (section.equals("3") ? "" : level) + "|" + cells.get(0), cells.subList(1, 9));
                    }
                }
            }
        }
        return rows;
    }
}
