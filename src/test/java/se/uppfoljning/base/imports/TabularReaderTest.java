package se.uppfoljning.base.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import se.uppfoljning.base.error.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The reader's rules, one table of cases written once as CSV and once as XLSX: both formats must read the same.
 * A "sheet" is a list of rows of cells; in XLSX a null cell is absent (not even blank), a cell starting with '='
 * is a formula whose cached value Excel computed, a Double is a numeric cell.
 */
class TabularReaderTest {

    enum Format { CSV, XLSX }

    private static final long MAX = 10L * 1024 * 1024;

    /** One sheet of a workbook (CSV: only the first). */
    record SheetSpec(String name, boolean hidden, List<List<Object>> rows) {
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    static byte[] file(Format format, SheetSpec... sheets) throws IOException {
        return format == Format.CSV ? csv(sheets[0].rows()) : xlsx(sheets);
    }

    static byte[] csv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object cell : row) {
                String text = cell == null ? "" : cell instanceof Double d ? TabularReader.number(d)
                        : cell.toString().startsWith("=") ? cached(cell.toString()) : cell.toString();
                cells.add(text.contains(";") || text.contains("\n") ? "\"" + text + "\"" : text);
            }
            out.append(String.join(";", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The formulas in these cases refer to the cell above in column A: "=A2" caches "Område 1". */
    static String cached(String formula) {
        return "Område 1";
    }

    static byte[] xlsx(SheetSpec... sheets) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (SheetSpec spec : sheets) {
                Sheet sheet = workbook.createSheet(spec.name());
                for (int r = 0; r < spec.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = spec.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object value = cells.get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (value instanceof Double d) {
                            cell.setCellValue(d);
                        } else if (value.toString().startsWith("=")) {
                            cell.setCellFormula(value.toString().substring(1));
                        } else {
                            cell.setCellValue(excelEscaped(value.toString()));
                        }
                    }
                }
                if (spec.hidden()) {
                    workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
                }
            }
            // the cached values Excel would store with each formula
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Control characters as Excel writes them in XLSX (_xHHHH_); POI's writer would make them "?". */
    static String excelEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out.append(String.format("_x%04X_", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    record Read(TabularReader.Header header, List<TabularReader.Row> rows) {
        String get(int row, String column) {
            return rows.get(row).get(column);
        }
    }

    static Read read(byte[] content, String... required) {
        List<TabularReader.Row> rows = new ArrayList<>();
        TabularReader.Header[] header = new TabularReader.Header[1];
        TabularReader.read("test", content, MAX, List.of(required), new TabularReader.Handler() {
            @Override
            public void header(TabularReader.Header h) {
                header[0] = h;
            }

            @Override
            public boolean row(TabularReader.Row row) {
                rows.add(row);
                return true;
            }
        });
        return new Read(header[0], rows);
    }

    static SheetSpec sheet(List<Object>... rows) {
        return new SheetSpec("Data", false, List.of(rows));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anEmptyHeaderColumnIsIgnoredAndShiftsNothing(Format format) throws IOException {
        Read read = read(file(format, sheet(row("omrade", null, "text", "kommentar"),
                row("Område 1", "skräp", "Uppdrag A", "Behåll"))), "omrade", "text", "kommentar");
        assertThat(read.get(0, "omrade")).isEqualTo("Område 1");
        assertThat(read.get(0, "text")).isEqualTo("Uppdrag A");
        assertThat(read.get(0, "kommentar")).isEqualTo("Behåll");
        assertThat(read.header().named()).containsExactly("omrade", "text", "kommentar");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aFormulaGivesItsCachedValue(Format format) throws IOException {
        Read read = read(file(format, sheet(row("omrade", "text"), row("Område 1", "A"), row("=A2", "B"))),
                "omrade");
        assertThat(read.get(1, "omrade")).isEqualTo("Område 1");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void floatingPointNoiseWithinFifteenDigitsIsTheWholeNumber(Format format) throws IOException {
        Read read = read(file(format, sheet(row("belopp", "andel", "stort"),
                row(-710000.0000000001, 0.1 + 0.2, 123456789012.0))), "belopp");
        assertThat(read.get(0, "belopp")).isEqualTo("-710000");
        assertThat(read.get(0, "andel")).isEqualTo("0.3");
        assertThat(read.get(0, "stort")).isEqualTo("123456789012");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void rowsWithOnlyEmptyCellsAreSkippedAndLineNumbersStay(Format format) throws IOException {
        Read read = read(file(format, sheet(row("a", "b", "c"), row("1", "2", "3"), row("", " ", ""),
                row("4", "5", "6"), row("", "", ""), row(" ", "", " "))), "a");
        assertThat(read.rows()).extracting(TabularReader.Row::line).containsExactly(2, 4);
        assertThat(read.get(1, "b")).isEqualTo("5");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void textIsNfcTrimmedWithPlainSpacesAndLineFeeds(Format format) throws IOException {
        Read read = read(file(format, sheet(row("Niva", "Namn\u00A0", "kommentar"),
                row(" O\u0308KL ", "Kansli\u00A0Centerpartiet\u202Fx", "rad 1\r\nrad 2\u000Brad 3"))), "niva", "namn");
        assertThat(read.get(0, "niva")).isEqualTo("ÖKL");
        assertThat(read.get(0, "namn")).isEqualTo("Kansli Centerpartiet x");
        assertThat(read.get(0, "kommentar")).isEqualTo("rad 1\nrad 2\nrad 3");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aControlCharacterIsRefusedWithLineAndColumn(Format format) throws IOException {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> read(file(format,
                sheet(row("a", "kommentar"), row("1", "ok"), row("2", "klocka\u0007")))));
        assertThat(e).isNotNull();
        assertThat(e.details()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.column()).isEqualTo("kommentar");
            assertThat(d.message()).contains("U+0007");
        });
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void missingRequiredColumnsAreNamed(Format format) throws IOException {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> read(file(format, sheet(row("a", "b"), row("1", "2"))), "a", "niva"));
        assertThat(e.details()).extracting(d -> d.column()).containsExactly("niva");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theSameColumnTwiceIsAnError(Format format) throws IOException {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> read(file(format, sheet(row("a", "A "), row("1", "2"))), "a"));
        assertThat(e.details()).extracting(d -> d.message()).containsExactly("Kolumnen finns två gånger i rubrikraden.");
    }

    @Test
    void theDataSheetIsTheFirstVisibleSheetWithTheColumns() throws IOException {
        byte[] workbook = xlsx(new SheetSpec("Listor", true, List.of(row("niva"), row("ÖKL"))),
                new SheetSpec("Instruktion", false, List.of(row("Fyll i bladet Data"))),
                new SheetSpec("Data", false, List.of(row("niva", "kod"), row("ÖKA", "K1"))));
        Read read = read(workbook, "niva", "kod");
        assertThat(read.header().sheet()).isEqualTo("Data");
        assertThat(read.get(0, "niva")).isEqualTo("ÖKA");
    }

    @Test
    void whenNoSheetHasTheColumnsTheErrorNamesTheSheets() throws IOException {
        byte[] workbook = xlsx(new SheetSpec("Listor", true, List.of(row("niva", "kod"), row("ÖKL", "K"))),
                new SheetSpec("Blad1", false, List.of(row("x"), row("1"))));
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> read(workbook, "niva", "kod"));
        assertThat(e.messageKey()).isEqualTo("import.error.noDataSheet");
        assertThat(e.arguments()).containsExactly("\"Blad1\"", " Dolda blad lästes inte: \"Listor\".");
        assertThat(e.details()).extracting(d -> d.column()).containsExactly("niva", "kod");
        assertThat(e.details().get(0).message()).contains("Blad1");
    }

    @Test
    void anXlsxWhoseFormattedRangeReachesTheLastRowIsReadQuickly() throws IOException {
        byte[] workbook = FormattedRangeWorkbook.create(10);
        long start = System.nanoTime();
        String outcome;
        try {
            Read read = read(workbook, "niva");
            assertThat(read.rows()).hasSize(10);
            outcome = "read";
        } catch (ValidationException e) {
            assertThat(e.messageKey()).isEqualTo("import.error.zipBomb");
            outcome = "refused";
        }
        System.out.println("formatted range: " + workbook.length / 1024 + " KiB " + outcome + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000); // generous: not a timing test
    }

    @Test
    void theEmptyCellFilterDropsOnlyCellsAndNumberedRowsWithoutContent() throws IOException {
        String xml = "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" t=\"s\"><v>0</v></c>"
                + "<c r=\"C1\"\n s=\"2\"/><c>x</c><c r=\"D1\" s=\"1\"></c><c r=\"E1\"><is><t>y</t></is></c></row>"
                + "<row r=\"2\"/>\n<row r=\"3\" spans=\"1:2\">\n<c r=\"A3\" s=\"1\"></c><c r=\"B3\" s=\"1\"/></row>\n"
                + "<row spans=\"1:2\"></row><row r=\"5\" s=\"1\">\n<c r=\"A5\"><v>5</v></c></row>"
                + "</sheetData><rowBreaks count=\"1\"/><cols><col min=\"1\"/></cols>";
        var filter = new TabularReader.EmptyCellFilter(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(filter.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<sheetData><row r=\"1\">"
                + "<c r=\"B1\" t=\"s\"><v>0</v></c><c>x</c><c r=\"E1\"><is><t>y</t></is></c></row>\n\n"
                + "<row spans=\"1:2\"></row><row r=\"5\" s=\"1\"><c r=\"A5\"><v>5</v></c></row>"
                + "</sheetData><rowBreaks count=\"1\"/><cols><col min=\"1\"/></cols>");
    }

    @Test
    void theEmptyCellFilterGivesTheSameBytesInAnyReadSize() throws IOException {
        StringBuilder xml = new StringBuilder("<sheetData>");
        for (int r = 1; r <= 3000; r++) {
            xml.append("<row r=\"").append(r).append("\">\n");
            for (char c = 'A'; c <= 'K'; c++) {
                xml.append(r % 7 == 0 ? "<c r=\"" + c + r + "\" t=\"n\"><v>" + r + "</v></c>" : "<c r=\"" + c + r + "\" s=\"1\"/>");
            }
            xml.append("</row>\n");
        }
        xml.append("</sheetData>");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        byte[] whole = new TabularReader.EmptyCellFilter(new ByteArrayInputStream(bytes)).readAllBytes();
        // a stream that hands out a few bytes at a time: tags split across reads
        byte[] trickled = new TabularReader.EmptyCellFilter(new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        }).readAllBytes();
        assertThat(trickled).isEqualTo(whole);
        String text = new String(whole, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("s=\"1\"").contains("<row r=\"7\"><c r=\"A7\" t=\"n\"><v>7</v></c>")
                .doesNotContain("<row r=\"8\"");
    }

    @Test
    void notAWorkbookIsRefusedInSwedish() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> read(zip));
        assertThat(e.messageKey()).isEqualTo("import.error.malformedXlsx");
    }

    @Test
    void numbersAreWrittenInFullWithoutLocale() {
        assertThat(TabularReader.number(-710000.0000000001)).isEqualTo("-710000");
        assertThat(TabularReader.number(2614000.0)).isEqualTo("2614000");
        assertThat(TabularReader.number(1.5)).isEqualTo("1.5");
        assertThat(TabularReader.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(TabularReader.number(0.0)).isEqualTo("0");
    }

    /** The workbook with its first sheet's XML changed by {@code change}: the other entries as they were. */
    static byte[] withSheetXml(byte[] xlsx, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             var zip = new ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aDocumentTypeInASheetIsRefusedAndNoEntityIsExpanded() throws IOException {
        byte[] plain = xlsx(sheet(row("niva", "kod"), row("ÖKL", "K1")));
        assertThat(read(plain, "niva").get(0, "kod")).isEqualTo("K1");
        // the cell B2 as an inline string that refers to the entity b
        UnaryOperator<String> referToB = xml -> {
            String changed = xml.replaceFirst("<c r=\"B2\".*?</c>", "<c r=\"B2\" t=\"inlineStr\"><is><t>&b;</t></is></c>");
            assertThat(changed).contains("<t>&b;</t>");
            return changed;
        };
        // an internal entity (entity expansion, "billion laughs") and an external one (XXE: a file of the server)
        for (String declaration : List.of("<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">",
                "<!ENTITY b SYSTEM \"file:///etc/passwd\">")) {
            byte[] hostile = withSheetXml(plain, xml -> referToB.apply(xml.replaceFirst("<worksheet",
                    "<!DOCTYPE worksheet [" + declaration + "]><worksheet")));
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> read(hostile, "niva"));
            assertThat(e).isNotNull();
            assertThat(e.messageKey()).isEqualTo("import.error.malformedXlsx");
        }
        // an entity that is not declared at all
        byte[] undeclared = withSheetXml(plain, referToB);
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> read(undeclared, "niva"));
        assertThat(e).isNotNull();
        assertThat(e.messageKey()).isEqualTo("import.error.malformedXlsx");
    }

    @Test
    void numericCellsAreReadAsTheyAreWrittenAndDatesAsDates() throws IOException {
        // the reader's fast way for whole numbers gives what number() gives for the parsed double
        for (String raw : List.of("0", "-0", "7", "007", "-710000", "123456789012345", "1234567890123456",
                "-999999999999999", "1E3", "1.0", "-710000.0000000001", "0.1", "+5", "-", "12a")) {
            String expected;
            try {
                expected = TabularReader.number(Double.parseDouble(raw));
            } catch (NumberFormatException e) {
                expected = raw;
            }
            String cells = "<c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"B2\"><v>" + raw + "</v></c>";
            byte[] workbook = withSheetXml(xlsx(sheet(row("niva", "belopp"), row("x", 1.0))),
                    xml -> xml.replaceFirst("<c r=\"A2\".*?</row>", cells + "</row>"));
            assertThat(read(workbook, "niva").get(0, "belopp")).as(raw).isEqualTo(expected);
            if (TabularReader.isPlainWholeNumber(raw)) {
                assertThat(expected).as(raw).isEqualTo(raw);
            }
        }
        // a whole number in a date format is a date, also on the fast way for whole numbers
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("datum");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 1; r <= 2; r++) {
                Cell cell = sheet.createRow(r).createCell(0);
                cell.setCellValue(r == 1 ? 45000.0 : 45000.5);
                cell.setCellStyle(dateStyle);
            }
            workbook.write(out);
            Read read = read(out.toByteArray(), "datum");
            assertThat(read.get(0, "datum")).isEqualTo("2023-03-15");
            assertThat(read.get(1, "datum")).isEqualTo("2023-03-15T12:00");
        }
    }
}
