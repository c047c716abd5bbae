package se.uppfoljning.finance.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.finance.FinanceCut;
import se.uppfoljning.finance.FinanceRow;
import se.uppfoljning.finance.Figures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads and validates a finance file (CSV streamed record by record, or XLSX) completely before anything is written:
 * every error names the line as a text editor counts it, the column and the reason, in Swedish.
 */
public final class FinanceFileReader {

    public static final List<String> COLUMNS = List.of("niva", "snitt", "grupp", "kod", "namn", "utfall_fg_period",
            "bokslut_fg_ar", "utfall_ack", "budget_ack", "budget_ursprunglig", "prognos_helar", "budget_helar",
            "summarad");
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
    private final Map<String, Integer> keys = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Set<String> levels = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private Map<String, Integer> columnIndex;

    private FinanceFileReader(Set<String> levelCodes, String committeeCode, Consumer<FinanceRow> sink) {
        this.levelCodes = levelCodes;
        this.committeeCode = committeeCode;
        this.sink = sink;
    }

    /**
     * Reads the file record by record, handing each valid row to {@code sink} (rows are not kept in memory); at the
     * end, any error throws a {@link ValidationException} with all details, and the caller discards what it received.
     */
    public static ParsedFile read(byte[] content, long maxBytes, Set<String> levelCodes, String committeeCode,
                                  Consumer<FinanceRow> sink) {
        if (content == null || content.length == 0) {
            throw new ValidationException("import.error.empty");
        }
        if (content.length > maxBytes) {
            throw new ValidationException("import.error.tooLarge", String.valueOf(maxBytes / (1024 * 1024)));
        }
        FinanceFileReader reader = new FinanceFileReader(levelCodes, committeeCode, sink);
        boolean xlsx = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (xlsx) {
            reader.readXlsx(content);
        } else {
            reader.readCsv(content);
        }
        if (!reader.errors.isEmpty()) {
            throw new ValidationException("finance.error.invalid", reader.errors, String.valueOf(reader.errors.size()));
        }
        if (reader.rowCount == 0) {
            throw new ValidationException("finance.error.noRows");
        }
        return new ParsedFile(reader.rowCount, List.copyOf(reader.levels), reader.notes, sha256(content));
    }

    private void readCsv(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        int invalidLine = invalidUtf8Line(content, start);
        if (invalidLine > 0) {
            throw new ValidationException("import.error.notUtf8",
                    List.of(new ErrorDetail(invalidLine, null, "Raden är inte giltig UTF-8-text.")));
        }
        char delimiter = detectDelimiter(content, start);
        Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(false).get();
        long lineBefore = 0;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                lineBefore = parser.getCurrentLineNumber();
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                int line = (int) lineBefore + 1;
                List<String> values = record.toList();
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                for (String v : values) {
                    if (v.indexOf('\0') >= 0) {
                        throw new ValidationException("import.error.binary",
                                List.of(new ErrorDetail(line, null, "Raden innehåller binärt innehåll (NUL-tecken).")));
                    }
                }
                if (!accept(line, values::get, values.size()) || errors.size() >= MAX_ERRORS) {
                    return;
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw new ValidationException("import.error.notUtf8",
                        List.of(new ErrorDetail((int) lineBefore + 1, null, "Raden är inte giltig UTF-8-text.")));
            }
            throw new ValidationException("import.error.malformedCsv",
                    List.of(new ErrorDetail((int) lineBefore + 1, null, "Raden kan inte tolkas som CSV.")));
        } catch (CharacterCodingException e) {
            throw new ValidationException("import.error.notUtf8",
                    List.of(new ErrorDetail((int) lineBefore + 1, null, "Raden är inte giltig UTF-8-text.")));
        } catch (IOException e) {
            throw new ValidationException("import.error.malformedCsv");
        }
    }

    /** The line (1-based) of the first byte that is not valid UTF-8, or -1: exact, unlike a read-ahead reader. */
    static int invalidUtf8Line(byte[] content, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(content, start, content.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 14);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int line = 1;
                for (int i = 0; i < in.position(); i++) {
                    if (content[i] == '\n') {
                        line++;
                    }
                }
                return line;
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    private static char detectDelimiter(byte[] content, int start) {
        int semicolons = 0;
        int commas = 0;
        for (int i = start; i < content.length && content[i] != '\n'; i++) {
            if (content[i] == ';') {
                semicolons++;
            } else if (content[i] == ',') {
                commas++;
            }
        }
        return semicolons >= commas ? ';' : ',';
    }

    private void readXlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Row row : sheet) {
                int width = Math.max(row.getLastCellNum(), 0);
                List<String> values = new ArrayList<>(width);
                boolean blank = true;
                for (int i = 0; i < width; i++) {
                    String value = cellText(row.getCell(i), formatter);
                    blank &= value.isBlank();
                    values.add(value);
                }
                if (blank && columnIndex != null) {
                    continue;
                }
                if (!accept(row.getRowNum() + 1, values::get, values.size()) || errors.size() >= MAX_ERRORS) {
                    return;
                }
            }
        } catch (ValidationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("import.error.malformedXlsx");
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d); // rejected as not whole kronor
        }
        return formatter.formatCellValue(cell);
    }

    /** Handles the header or one data row; false to stop reading. */
    private boolean accept(int line, java.util.function.IntFunction<String> value, int size) {
        if (columnIndex == null) {
            return header(line, value, size);
        }
        dataRow(line, i -> i < size ? value.apply(i) : "");
        return true;
    }

    private boolean header(int line, java.util.function.IntFunction<String> value, int size) {
        columnIndex = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String name = value.apply(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                notes.add("Kolumnen \"" + truncate(name) + "\" är okänd och lästes inte.");
                continue;
            }
            if (columnIndex.putIfAbsent(name, i) != null) {
                errors.add(new ErrorDetail(line, name, "Kolumnen finns två gånger i rubrikraden."));
            }
        }
        for (String column : REQUIRED) {
            if (!columnIndex.containsKey(column)) {
                errors.add(new ErrorDetail(line, column, "Kolumnen saknas i rubrikraden."));
            }
        }
        return errors.isEmpty();
    }

    private String get(java.util.function.IntFunction<String> value, String column) {
        Integer i = columnIndex.get(column);
        return i == null ? "" : value.apply(i).strip();
    }

    private void dataRow(int line, java.util.function.IntFunction<String> value) {
        int errorsBefore = errors.size();
        String level = get(value, "niva");
        String cutText = get(value, "snitt");
        String group = get(value, "grupp");
        String code = get(value, "kod");
        String name = get(value, "namn");
        FinanceCut cut = null;
        if (cutText.isEmpty()) {
            errors.add(new ErrorDetail(line, "snitt", "Värde saknas."));
        } else {
            cut = FinanceCut.fromFile(cutText).orElse(null);
            if (cut == null) {
                errors.add(new ErrorDetail(line, "snitt", "Okänt snitt \"" + truncate(cutText)
                        + "\". Tillåtna: sammanstallning, enhet, kontogrupp, verksamhet, investering."));
            }
        }
        String levelCode = level.toUpperCase(Locale.ROOT);
        if (level.isEmpty()) {
            errors.add(new ErrorDetail(line, "niva", "Värde saknas."));
        } else if (levelCode.equals(committeeCode.toUpperCase(Locale.ROOT))) {
            levelCode = committeeCode;
            if (cut != null && cut != FinanceCut.SUMMARY) {
                errors.add(new ErrorDetail(line, "niva", "Nämndens kod \"" + committeeCode
                        + "\" används bara för rader med snitt sammanstallning."));
            }
        } else if (!levelCodes.contains(levelCode)) {
            errors.add(new ErrorDetail(line, "niva", "Okänd budgetnivå \"" + truncate(level) + "\". Tillåtna: "
                    + String.join(", ", levelCodes) + " och " + committeeCode + " för sammanställningen."));
        } else if (cut == FinanceCut.SUMMARY) {
            errors.add(new ErrorDetail(line, "niva", "Rader med snitt sammanstallning ska ha nämndens kod \""
                    + committeeCode + "\" som nivå."));
        }
        if (code.isEmpty()) {
            errors.add(new ErrorDetail(line, "kod", "Värde saknas."));
        }
        if (name.isEmpty()) {
            errors.add(new ErrorDetail(line, "namn", "Värde saknas."));
        }
        for (String[] text : new String[][]{{"grupp", group}, {"kod", code}, {"namn", name}}) {
            if (text[1].length() > MAX_TEXT) {
                errors.add(new ErrorDetail(line, text[0], "Texten är längre än " + MAX_TEXT + " tecken."));
            }
        }
        boolean summary = cut == FinanceCut.SUMMARY;
        Long prevPeriod = amount(line, value, "utfall_fg_period", false);
        Long closed = amount(line, value, "bokslut_fg_ar", true);
        Long outcome = amount(line, value, "utfall_ack", true);
        Long budgetToDate = amount(line, value, "budget_ack", !summary && cut != null);
        Long original = amount(line, value, "budget_ursprunglig", false);
        Long forecast = amount(line, value, "prognos_helar", true);
        Long budget = amount(line, value, "budget_helar", true);
        String summedText = get(value, "summarad").toLowerCase(Locale.ROOT);
        boolean summed = summedText.equals("ja");
        if (!summedText.isEmpty() && !summed && !summedText.equals("nej")) {
            errors.add(new ErrorDetail(line, "summarad", "Ange ja eller nej, inte \"" + truncate(summedText) + "\"."));
        }
        if (errors.size() > errorsBefore) {
            return;
        }
        String normalisedGroup = group.isEmpty() ? null : group.replace(" ", "");
        String key = levelCode + '\u0000' + cut + '\u0000' + code;
        Integer first = keys.putIfAbsent(key, line);
        if (first != null) {
            errors.add(new ErrorDetail(line, "kod", "Raden (" + levelCode + ", " + cut.fileName() + ", " + code
                    + ") finns redan på rad " + first + "."));
            return;
        }
        levels.add(levelCode);
        // position within its level and cut, so leaving other levels out of a file does not reorder these rows
        int position = positions.merge(levelCode + '\u0000' + cut, 1, Integer::sum);
        rowCount++;
        if (errors.isEmpty()) {
            sink.accept(new FinanceRow(levelCode, cut, normalisedGroup, code, name, summed, position,
                    new Figures(prevPeriod, closed, outcome, budgetToDate, original, forecast, budget)));
        }
    }

    /** Whole kronor; spaces, non-breaking spaces as thousands separators; '-' or '−'. Empty: null (= 0). */
    private Long amount(int line, java.util.function.IntFunction<String> value, String column, boolean required) {
        String raw = get(value, column);
        if (raw.isEmpty()) {
            if (required) {
                errors.add(new ErrorDetail(line, column, "Belopp saknas."));
            }
            return null;
        }
        Long parsed = parseKronor(raw);
        if (parsed == null) {
            errors.add(new ErrorDetail(line, column, "\"" + truncate(raw) + "\" är inte ett belopp i hela kronor."));
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
