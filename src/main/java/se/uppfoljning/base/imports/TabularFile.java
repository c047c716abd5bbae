package se.uppfoljning.base.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV (UTF-8 with or without BOM, ';' or ',' detected from the header) or XLSX file read as a header and rows,
 * each row with the line (or spreadsheet row) a person would look for. Column names are case-insensitive.
 * Malformed content is a {@link ValidationException} with Swedish messages; nothing is half-read.
 */
public record TabularFile(List<String> header, List<Row> rows) {

    private static final byte[] XLSX_MAGIC = {'P', 'K', 3, 4};

    /** A data row: its line number and its values by lower-case column name (missing cells are ""). */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    public static TabularFile read(String fileName, byte[] content, long maxBytes) {
        if (content.length == 0) {
            throw new ValidationException("import.error.empty");
        }
        if (content.length > maxBytes) {
            throw new ValidationException("import.error.tooLarge", String.valueOf(maxBytes / (1024 * 1024)));
        }
        boolean xlsx = content.length >= 4 && content[0] == XLSX_MAGIC[0] && content[1] == XLSX_MAGIC[1]
                && content[2] == XLSX_MAGIC[2] && content[3] == XLSX_MAGIC[3];
        TabularFile file = xlsx ? readXlsx(content) : readCsv(content);
        if (file.header().isEmpty()) {
            throw new ValidationException("import.error.empty");
        }
        return file;
    }

    public boolean hasColumn(String column) {
        return header.contains(column);
    }

    /** Error details for every required column the header lacks. */
    public List<ErrorDetail> missingColumns(List<String> required) {
        List<ErrorDetail> missing = new ArrayList<>();
        for (String column : required) {
            if (!hasColumn(column)) {
                missing.add(new ErrorDetail(1, column, "Kolumnen saknas i rubrikraden."));
            }
        }
        return missing;
    }

    private static TabularFile readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException("import.error.notUtf8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new ValidationException("import.error.binary");
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            while (true) {
                long lineBefore = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw new ValidationException("import.error.malformedCsv",
                            List.of(new ErrorDetail((int) lineBefore + 1, null, "Raden kan inte tolkas som CSV.")));
                }
                // skip empty lines before the record: the record starts on the first non-empty line read
                int line = (int) lineBefore + 1;
                if (header.isEmpty()) {
                    for (String name : record) {
                        header.add(normalise(name));
                    }
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i).strip());
                }
                rows.add(new Row(line, values));
            }
            return new TabularFile(header, rows);
        } catch (IOException e) {
            throw new ValidationException("import.error.malformedCsv");
        }
    }

    private static TabularFile readXlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (header.isEmpty()) {
                    for (Cell cell : row) {
                        header.add(normalise(formatter.formatCellValue(cell)));
                    }
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean blank = true;
                for (int i = 0; i < header.size(); i++) {
                    Cell cell = row.getCell(i);
                    String value = cell == null ? "" : formatter.formatCellValue(cell).strip();
                    blank &= value.isEmpty();
                    values.put(header.get(i), value);
                }
                if (!blank) {
                    rows.add(new Row(row.getRowNum() + 1, values));
                }
            }
            return new TabularFile(header, rows);
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("import.error.malformedXlsx");
        }
    }

    private static String normalise(String name) {
        return name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
