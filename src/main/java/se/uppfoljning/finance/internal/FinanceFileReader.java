package se.uppfoljning.finance.internal;

import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.TabularReader;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.finance.Figures;
import se.uppfoljning.finance.FinanceCut;
import se.uppfoljning.finance.FinanceRow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads and validates a finance file (CSV streamed record by record, or XLSX) completely before anything is written:
 * every error names the line as a text editor counts it, the column and the reason, in Swedish.
 */
public final class FinanceFileReader {

    public static final List<String> COLUMNS = List.of("niva", "snitt", "grupp", "kod", "namn", "utfall_fg_period",
            "bokslut_fg_ar", "utfall_ack", "budget_ack", "budget_ursprunglig", "prognos_helar", "budget_helar",
            "summarad", "utfall_fg_period_datum", "grupp_namn", "rubrik", "grupp_rubrik");
    static final List<String> REQUIRED = List.of("niva", "snitt", "kod", "namn", "bokslut_fg_ar", "utfall_ack",
            "prognos_helar", "budget_helar");
    private static final int MAX_ERRORS = 200;
    private static final int MAX_TEXT = 500;

    /** A valid file: how many rows, the levels it contains, notes (e.g. ignored columns) and its hash. */
    public record ParsedFile(int rowCount, List<String> levels, List<String> notes, String sha256) {
    }

    private final Set<String> levelCodes;
    private final String committeeCode;
    private final List<ErrorDetail> errors = new ArrayList<>();
    private final Consumer<FinanceRow> sink;
    private int rowCount;
    /** The line of every accepted row by level, cut and code: duplicates are found here, and a row's position. */
    private final Map<String, Map<FinanceCut, Map<String, Integer>>> lines = new HashMap<>();
    /** Where each of {@link #COLUMNS} is in the file's rows, -1 when absent. */
    private final int[] columnIndex = new int[COLUMNS.size()];
    /** Keys and cuts of the few distinct texts of the level, cut and summed columns, computed once per text. */
    private final Map<String, String> keyCache = new HashMap<>();
    private final Map<String, Optional<FinanceCut>> cutCache = new HashMap<>();
    private final Set<String> levels = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> levelByKey = new HashMap<>();

    private FinanceFileReader(Set<String> levelCodes, String committeeCode, Consumer<FinanceRow> sink) {
        this.levelCodes = levelCodes;
        // codes are matched whatever their Unicode form, kind of space or case ("ÖKL" with a combining diaeresis)
        levelCodes.forEach(code -> levelByKey.put(InputText.key(code), code));
        this.committeeCode = committeeCode;
        this.sink = sink;
    }

    /**
     * Reads the file row by row through {@link TabularReader} (CSV or XLSX, streamed), handing each valid row to
     * {@code sink} (rows are not kept in memory); at the end, any error throws a {@link ValidationException} with all
     * details, and the caller discards what it received.
     */
    public static ParsedFile read(byte[] content, long maxBytes, Set<String> levelCodes, String committeeCode,
                                  Consumer<FinanceRow> sink) {
        FinanceFileReader reader = new FinanceFileReader(levelCodes, committeeCode, sink);
        TabularReader.read("", content, maxBytes, REQUIRED, new TabularReader.Handler() {
            @Override
            public void header(TabularReader.Header header) {
                reader.header(header);
            }

            @Override
            public boolean row(TabularReader.Row row) {
                reader.dataRow(row.line(), row.values());
                return reader.errors.size() < MAX_ERRORS;
            }
        });
        if (!reader.errors.isEmpty()) {
            throw new ValidationException("finance.error.invalid", reader.errors, String.valueOf(reader.errors.size()));
        }
        if (reader.rowCount == 0) {
            throw new ValidationException("finance.error.noRows");
        }
        return new ParsedFile(reader.rowCount, List.copyOf(reader.levels), reader.notes, sha256(content));
    }

    private void header(TabularReader.Header header) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            columnIndex[i] = header.index(COLUMNS.get(i));
        }
        for (String name : header.named()) {
            if (!COLUMNS.contains(name)) {
                notes.add(Messages.text("finance.import.note.unknownColumn", truncate(name)));
            }
        }
    }

    /** The cell of {@link #COLUMNS}' column {@code column}; "" when the file has no such column. */
    private String value(String[] values, int column) {
        int i = columnIndex[column];
        return i < 0 || i >= values.length || values[i] == null ? "" : values[i];
    }

    /** {@link InputText#key}, remembered for the few distinct texts of a column such as the level. */
    private String cachedKey(String text) {
        String key = keyCache.get(text);
        if (key == null) {
            key = InputText.key(text);
            if (keyCache.size() < 1000) {
                keyCache.put(text, key);
            }
        }
        return key;
    }

    private void dataRow(int line, String[] values) {
        int errorsBefore = errors.size();
        String level = value(values, 0);
        String cutText = value(values, 1);
        String group = value(values, 2);
        String code = value(values, 3);
        String name = value(values, 4);
        FinanceCut cut = null;
        if (cutText.isEmpty()) {
            errors.add(new ErrorDetail(line, "snitt", Messages.text("finance.import.detail.valueMissing")));
        } else {
            Optional<FinanceCut> known = cutCache.get(cutText);
            if (known == null) {
                known = FinanceCut.fromFile(cutText);
                if (cutCache.size() < 1000) {
                    cutCache.put(cutText, known);
                }
            }
            cut = known.orElse(null);
            if (cut == null) {
                errors.add(new ErrorDetail(line, "snitt", Messages.text("finance.import.detail.unknownCut",
                        truncate(cutText))));
            }
        }
        String levelKey = cachedKey(level);
        String levelCode = levelByKey.getOrDefault(levelKey, level.toUpperCase(Locale.ROOT));
        if (level.isEmpty()) {
            errors.add(new ErrorDetail(line, "niva", Messages.text("finance.import.detail.valueMissing")));
        } else if (levelKey.equals(InputText.key(committeeCode))) {
            levelCode = committeeCode;
            if (cut != null && cut != FinanceCut.SUMMARY) {
                errors.add(new ErrorDetail(line, "niva", Messages.text("finance.import.detail.committeeCodeOnlyInSummary",
                        committeeCode)));
            }
        } else if (!levelCodes.contains(levelCode)) {
            errors.add(new ErrorDetail(line, "niva", Messages.text("finance.import.detail.unknownLevel",
                    truncate(level), String.join(", ", levelCodes), committeeCode)));
        } else if (cut == FinanceCut.SUMMARY) {
            errors.add(new ErrorDetail(line, "niva", Messages.text("finance.import.detail.summaryNeedsCommitteeCode",
                    committeeCode)));
        }
        if (code.isEmpty()) {
            errors.add(new ErrorDetail(line, "kod", Messages.text("finance.import.detail.valueMissing")));
        }
        if (name.isEmpty()) {
            errors.add(new ErrorDetail(line, "namn", Messages.text("finance.import.detail.valueMissing")));
        }
        for (String[] text : new String[][]{{"grupp", group}, {"kod", code}, {"namn", name}}) {
            if (text[1].length() > MAX_TEXT) {
                errors.add(new ErrorDetail(line, text[0], Messages.text("finance.import.detail.textTooLong", String.valueOf(MAX_TEXT))));
            }
        }
        boolean summary = cut == FinanceCut.SUMMARY;
        Long prevPeriod = amount(line, values, 5, false);
        Long closed = amount(line, values, 6, true);
        Long outcome = amount(line, values, 7, true);
        Long budgetToDate = amount(line, values, 8, !summary && cut != null);
        Long original = amount(line, values, 9, false);
        Long forecast = amount(line, values, 10, true);
        Long budget = amount(line, values, 11, true);
        String summedText = cachedKey(value(values, 12));
        boolean summed = summedText.equals("ja");
        if (!summedText.isEmpty() && !summed && !summedText.equals("nej")) {
            errors.add(new ErrorDetail(line, "summarad", Messages.text("import.detail.yesOrNo", truncate(summedText))));
        }
        if (errors.size() > errorsBefore) {
            return;
        }
        LocalDate prevPeriodDate = date(line, values, 13);
        String groupName = optionalText(line, values, 14);
        String rowHeading = optionalText(line, values, 15);
        String groupHeading = optionalText(line, values, 16);
        if (groupName != null && group.isEmpty()) {
            errors.add(new ErrorDetail(line, "grupp_namn", Messages.text("finance.import.detail.groupNameWithoutGroup")));
        }
        if (errors.size() > errorsBefore) {
            return;
        }
        String normalisedGroup = group.isEmpty() ? null : group.replace(" ", "");
        Map<String, Integer> codes = lines.computeIfAbsent(levelCode, l -> new EnumMap<>(FinanceCut.class))
                .computeIfAbsent(cut, c -> new HashMap<>());
        Integer first = codes.putIfAbsent(code, line);
        if (first != null) {
            errors.add(new ErrorDetail(line, "kod", Messages.text("finance.import.detail.duplicateRow", levelCode,
                    cut.fileName(), code, String.valueOf(first))));
            return;
        }
        levels.add(levelCode);
        // position within its level and cut, so leaving other levels out of a file does not reorder these rows
        int position = codes.size();
        rowCount++;
        if (errors.isEmpty()) {
            sink.accept(new FinanceRow(levelCode, cut, normalisedGroup, code, name, summed, position,
                    new Figures(prevPeriod, closed, outcome, budgetToDate, original, forecast, budget), groupName,
                    rowHeading, groupHeading, prevPeriodDate));
        }
    }

    /** An optional text of at most {@link #MAX_TEXT} characters; empty: null. */
    private String optionalText(int line, String[] values, int columnIndex) {
        String text = value(values, columnIndex);
        if (text.length() > MAX_TEXT) {
            errors.add(new ErrorDetail(line, COLUMNS.get(columnIndex),
                    Messages.text("finance.import.detail.textTooLong", String.valueOf(MAX_TEXT))));
        }
        return text.isEmpty() ? null : text;
    }

    /** An optional date, ÅÅÅÅ-MM-DD (a date cell of a spreadsheet reads so); empty: null. */
    private LocalDate date(int line, String[] values, int columnIndex) {
        String raw = value(values, columnIndex);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new ErrorDetail(line, COLUMNS.get(columnIndex), Messages.text("finance.import.detail.notADate",
                    truncate(raw))));
            return null;
        }
    }

    /** Whole kronor; spaces, non-breaking spaces as thousands separators; '-' or '−'. Empty: null (= 0). */
    private Long amount(int line, String[] values, int columnIndex, boolean required) {
        String column = COLUMNS.get(columnIndex);
        String raw = value(values, columnIndex);
        if (raw.isEmpty()) {
            if (required) {
                errors.add(new ErrorDetail(line, column, Messages.text("finance.import.detail.amountMissing")));
            }
            return null;
        }
        Long parsed = parseKronor(raw);
        if (parsed == null) {
            errors.add(new ErrorDetail(line, column, Messages.text("finance.import.detail.notKronor", truncate(raw))));
        }
        return parsed;
    }

    /** Whole kronor without allocating: digits, an optional leading '-', '−' or '+', spaces between; else null. */
    static Long parseKronor(String raw) {
        long value = 0;
        int digits = 0;
        boolean negative = false;
        boolean signAllowed = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return null;
                }
                value = value * 10 + (c - '0');
                signAllowed = false;
            } else if (c == ' ' || c == '\u00a0' || c == '\u202f') {
                if (digits == 0 && !signAllowed) {
                    return null;
                }
            } else if ((c == '-' || c == '\u2212' || c == '+') && signAllowed && digits == 0) {
                negative = c != '+';
                signAllowed = false;
            } else {
                return null;
            }
        }
        return digits == 0 ? null : negative ? -value : value;
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
