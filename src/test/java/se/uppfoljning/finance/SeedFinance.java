package se.uppfoljning.finance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finance tables of the seed report (sections 3, 3.1–3.4) read as printed, in tkr: the test oracle for every
 * derived value, and (run as {@code java src/test/java/se/uppfoljning/finance/SeedFinance.java}) the generator of the
 * demo import file {@code src/main/resources/demo/ks-2024-dr1-finance.csv} (tkr × 1 000). JDK only, on purpose.
 */
public final class SeedFinance {

    public static final Path FILE = Path.of("src", "test", "resources", "seed", "delarsrapport-med-prognos-1-2024-kommunstyrelsen.txt");
    public static final String DEMO_CSV = "src/main/resources/demo/ks-2024-dr1-finance.csv";
    static final Set<String> LEVELS = Set.of("ÖKL", "ÖKF", "ÖKG", "ÖKA");
    static final Map<String, String> SUMMARY_CODES = Map.of(
            "Kommungemensamt", "KG", "Kommungemensamma statsbidrag", "KGST", "Politisk kommunledning", "PKL",
            "Kommunledningsförvaltningen", "KLF", "Nettokostnad", "NETTO");

    /**
     * One printed row. {@code level} is "KS" for the summary and "ÖKF+ÖKG" for the combined totals the seed prints
     * (not importable: they span two levels). Derived columns as printed: accumulated deviation, consumption
     * (text, "" when blank), budget change (summary only) and full-year deviation.
     */
    public record Row(int seedLine, String level, String cut, String group, String code, String name, boolean summed,
                      Long prevPeriodOutcome, long closed, long outcome, Long budgetToDate, Long accDeviation,
                      String consumption, Long original, Long budgetChange, long forecast, long budget, long deviation) {
    }

    private SeedFinance() {
    }

    public static List<Row> rows() {
        try {
            return rows(Files.readAllLines(FILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        String cut = null;
        String level = null;
        List<int[]> pendingGroup = new ArrayList<>(); // indexes of rows waiting for their group's "Summa"
        boolean started = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int seedLine = i + 1;
            if (line.startsWith("3 Delårsresultat och prognos 1")) {
                started = true;
                cut = "sammanstallning";
                continue;
            }
            if (!started) {
                continue;
            }
            if (line.startsWith("Bilaga 1:")) {
                break;
            }
            if (line.startsWith("3.1 ")) { cut = "enhet"; continue; }
            if (line.startsWith("3.2 ")) { cut = "kontogrupp"; continue; }
            if (line.startsWith("3.3 ")) { cut = "verksamhet"; continue; }
            if (line.startsWith("3.4 ")) { cut = "investering"; continue; }
            String heading = line.contains("\t") ? "" : line.strip();
            if (heading.equals("Kommunledning")) { level = "ÖKL"; pendingGroup.clear(); continue; }
            if (heading.startsWith("Kommungemensam")) { level = "ÖKF"; pendingGroup.clear(); continue; }
            if (heading.startsWith("Kommunledningsförvaltning")) { level = "ÖKA"; pendingGroup.clear(); continue; }
            if ("investering".equals(cut) && line.startsWith("RN3\t")) { level = "ÖKA"; continue; }
            if ("investering".equals(cut) && line.startsWith("RN2\t")) { level = "ÖKG"; continue; }
            String[] f = line.split("\t", -1);
            if (f.length < 9 || !isNumber(f[f.length - 1]) || !isNumber(f[f.length - 2])) {
                continue;
            }
            if ("sammanstallning".equals(cut)) {
                String name = f[0].strip();
                boolean summed = name.equals("Nettokostnad");
                rows.add(new Row(seedLine, "KS", cut, null, SUMMARY_CODES.get(name), name, summed, tkr(f[1]), tkr(f[2]),
                        tkr(f[3]), null, null, "", tkr(f[4]), tkr(f[6]), tkr(f[7]), tkr(f[5]), tkr(f[8])));
                continue;
            }
            int n = f.length;
            String[] v = java.util.Arrays.copyOfRange(f, n - 8, n);
            String group = null;
            String code;
            String name;
            String label;
            if (n == 12) { // RN2, RN2 name, RN5, RN5 name
                label = f[0].strip();
                if (!label.startsWith("Summa")) {
                    String rn2 = label.replace(" ", "");
                    level = rn2.equals("ÖKF") ? "ÖKF" : "ÖKG";
                    group = rn2.equals("ÖKF") ? null : rn2;
                    rows.add(row(seedLine, level, cut, group, f[2].strip(), f[3].strip(), false, v));
                    continue;
                }
            } else {
                label = f[0].strip();
            }
            boolean total = label.isEmpty() || label.equals("Summa") || LEVELS.contains(label)
                    || label.startsWith("Summa ") && LEVELS.contains(label.substring(6));
            boolean combined = label.equals("Summa ÖKF ÖKG");
            boolean groupSum = !total && !combined && label.startsWith("Summa ");
            if (combined) {
                rows.add(row(seedLine, "ÖKF+ÖKG", cut, null, "S:ÖKF+ÖKG", label, true, v));
            } else if (total) {
                String totalLevel = label.startsWith("Summa ") ? label.substring(6) : LEVELS.contains(label) ? label : level;
                rows.add(row(seedLine, totalLevel, cut, null, "S:" + totalLevel, label.isEmpty() || label.equals("Summa")
                        ? "Summa " + totalLevel : label.startsWith("Summa") ? label : "Summa " + label, true, v));
                if (totalLevel.equals("ÖKF")) {
                    level = "ÖKG";
                }
                pendingGroup.clear();
            } else if (groupSum) {
                String g = label.substring(6).replace(" ", "");
                for (int[] index : pendingGroup) {
                    Row r = rows.get(index[0]);
                    rows.set(index[0], new Row(r.seedLine(), r.level(), r.cut(), g, r.code(), r.name(), r.summed(),
                            r.prevPeriodOutcome(), r.closed(), r.outcome(), r.budgetToDate(), r.accDeviation(),
                            r.consumption(), r.original(), r.budgetChange(), r.forecast(), r.budget(), r.deviation()));
                }
                pendingGroup.clear();
                rows.add(row(seedLine, level, cut, g, "S:" + g, label, true, v));
            } else {
                int space = label.indexOf(' ');
                code = space < 0 ? label : label.substring(0, space);
                name = space < 0 ? label : label.substring(space + 1).strip();
                if (group == null && n == 9) {
                    pendingGroup.add(new int[]{rows.size()});
                }
                rows.add(row(seedLine, level, cut, group, code, name, false, v));
            }
        }
        return rows;
    }

    private static Row row(int seedLine, String level, String cut, String group, String code, String name,
                           boolean summed, String[] v) {
        return new Row(seedLine, level, cut, group, code, name, summed, null, tkr(v[0]), tkr(v[1]), tkr(v[2]),
                tkr(v[3]), v[4].strip(), null, null, tkr(v[5]), tkr(v[6]), tkr(v[7]));
    }

    static boolean isNumber(String s) {
        return s.strip().replace(" ", "").replace("\u00a0", "").matches("-?\\d+%?");
    }

    static Long tkr(String s) {
        String t = s.strip().replace(" ", "").replace("\u00a0", "");
        return t.isEmpty() ? null : Long.parseLong(t);
    }

    /**
     * The demo import file: every importable row, amounts in kronor (tkr × 1 000), with the seed's metadata as the
     * optional columns: the summary's "Utfall 230831" as {@code utfall_fg_period_datum} 2023-08-31, each table's first
     * heading ("RN3", "KONTOGRUPP SUM", "VHT"; "RN2 … RN5" as group and row heading) as {@code grupp_rubrik} and
     * {@code rubrik}, and the RN2 name beside the group code ("Kommungemensamt Övrigt") as {@code grupp_namn}.
     */
    static String demoCsv(List<Row> rows, List<String> lines) {
        StringBuilder csv = new StringBuilder(
                "niva;snitt;grupp;kod;namn;utfall_fg_period;bokslut_fg_ar;utfall_ack;budget_ack;budget_ursprunglig;prognos_helar;budget_helar;summarad;"
                        + "utfall_fg_period_datum;grupp_namn;rubrik;grupp_rubrik\n");
        for (Row r : rows) {
            if (r.level().contains("+")) {
                continue;
            }
            String[] header = header(lines, r.seedLine());
            String date = "";
            String rowHeading = "";
            String groupHeading = "";
            if (r.cut().equals("sammanstallning")) {
                String prev = header[1].strip(); // "Utfall 230831"
                if (prev.matches("Utfall \\d{6}")) {
                    String d = prev.substring(7);
                    date = "20" + d.substring(0, 2) + "-" + d.substring(2, 4) + "-" + d.substring(4, 6);
                }
            } else {
                List<String> names = java.util.Arrays.stream(header).map(String::strip).filter(h -> !h.isEmpty())
                        .filter(h -> !h.matches("\\d{4}.*|Ack.*|Helår.*")).toList();
                rowHeading = names.get(names.size() - 1);
                groupHeading = names.size() > 1 ? names.get(0) : "";
            }
            String[] printed = lines.get(r.seedLine() - 1).split("\t", -1);
            String groupName = r.group() != null && printed.length == 12 ? printed[1].strip() : "";
            csv.append(String.join(";", r.level(), r.cut(), r.group() == null ? "" : r.group(), r.code(), r.name(),
                    kr(r.prevPeriodOutcome()), kr(r.closed()), kr(r.outcome()), kr(r.budgetToDate()), kr(r.original()),
                    kr(r.forecast()), kr(r.budget()), r.summed() ? "ja" : "nej", date, groupName, rowHeading,
                    groupHeading)).append('\n');
        }
        return csv.toString();
    }

    /** The cells of the table heading printed above the seed's line {@code seedLine} (its first line, if two). */
    private static String[] header(List<String> lines, int seedLine) {
        for (int i = seedLine - 2; i >= 0; i--) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length > 8 && !cells[0].isBlank() && !cells[cells.length - 1].isBlank()
                    && !isNumber(cells[cells.length - 1])
                    && !isNumber(cells[cells.length - 2])) {
                return cells;
            }
        }
        throw new IllegalStateException("no heading above line " + seedLine);
    }

    private static String kr(Long tkr) {
        return tkr == null ? "" : String.valueOf(tkr * 1000);
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = rows();
        Files.writeString(Path.of(DEMO_CSV), demoCsv(rows, Files.readAllLines(FILE, StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        System.out.println(rows.size() + " rows read; written to " + DEMO_CSV);
    }
}
