package se.uppfoljning.base.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.text.InputText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one reader of tabular files for every import: CSV (UTF-8 with or without BOM, ';' or ',' detected from the
 * header line; Apache Commons CSV) and XLSX (Apache POI's streaming event API), both streamed row by row and read by
 * the same rules:
 * <ul>
 *     <li>the header is the first non-empty row; columns are found by header name (case, Unicode form and kind of
 *     space do not matter); a column with an empty header is ignored and never shifts the others; the same name
 *     twice is an error;</li>
 *     <li>a formula cell gives its cached value (what Excel shows), never the formula;</li>
 *     <li>a number is written out in full; within Excel's 15 significant digits of a whole number it is that whole
 *     number (-710000.0000000001 is "-710000"); a date cell is an ISO date;</li>
 *     <li>rows whose named cells are all empty (in CSV: nothing but separators and spaces) are skipped; line numbers
 *     are those a text editor (CSV) or the spreadsheet (XLSX) shows;</li>
 *     <li>the data sheet is the first visible sheet whose header has the required columns; if none has, the error
 *     names every sheet looked at;</li>
 *     <li>every cell passes {@link InputText}: NFC, line breaks as LF, odd spaces as plain spaces, trimmed; a
 *     control character is refused with its line and column.</li>
 * </ul>
 * Memory stays bounded: neither format is held as a whole (an XLSX is opened from a temporary file; POI's zip-bomb
 * protection refuses entries that inflate more than 100 times).
 */
public final class TabularReader {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private TabularReader() {
    }

    /** The header row: its sheet (null for CSV), line, and the normalised name of every column ("" when empty). */
    public record Header(String sheet, int line, List<String> names) {

        /** Index of a column by (normalised) name, or -1. */
        public int index(String column) {
            return names.indexOf(column);
        }

        public boolean has(String column) {
            return names.contains(column);
        }

        /** The named columns, in file order. */
        public List<String> named() {
            return names.stream().filter(n -> !n.isEmpty()).toList();
        }
    }

    /** A data row: its line number, its header, and its normalised cell texts by column index ("" when empty). */
    public record Row(int line, Header header, String[] values) {

        /** The cell of the named column, "" when the column or the cell is absent. */
        public String get(String column) {
            int i = header.index(column);
            return i < 0 || i >= values.length || values[i] == null ? "" : values[i];
        }
    }

    /** Receives the header once, then every non-empty data row; {@code row} returns false to stop reading. */
    public interface Handler {
        default void header(Header header) {
        }

        boolean row(Row row);
    }

    /**
     * Reads the file and hands its header and rows to {@code handler}. {@code requiredColumns} (lower case) pick the
     * data sheet. Refusals are {@link ValidationException}s with Swedish messages: empty, too large, not UTF-8, NUL
     * bytes, malformed CSV or XLSX, a suspected zip bomb, required columns missing (per sheet), the same column
     * twice, a control character in a cell (line and column).
     */
    public static void read(String fileName, byte[] content, long maxBytes, Collection<String> requiredColumns,
                            Handler handler) {
        if (content == null || content.length == 0) {
            throw new ValidationException("import.error.empty");
        }
        if (content.length > maxBytes) {
            throw new ValidationException("import.error.tooLarge", String.valueOf(maxBytes / (1024 * 1024)));
        }
        if (isZip(content)) {
            new XlsxReader(List.copyOf(requiredColumns), handler).read(content);
        } else {
            readCsv(content, List.copyOf(requiredColumns), handler);
        }
    }

    public static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** A header cell as matched: NFC, odd spaces as plain, trimmed, lower case, BOM removed. */
    public static String columnName(String raw) {
        return InputText.key(raw);
    }

    /** A cell as the imports see it: NFC, line breaks as LF, odd spaces as plain spaces, trimmed; refused: null. */
    static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = InputText.plainSpaces(InputText.normalise(raw)).strip();
        return InputText.refusal(text) == null ? text : null;
    }

    /** A number as Excel shows it with enough digits: 15 significant digits, whole numbers without decimals. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value); // the common case, without BigDecimal: whole amounts
        }
        BigDecimal rounded = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
        return rounded.scale() <= 0 ? rounded.toBigInteger().toString() : rounded.toPlainString();
    }

    // --- the rules shared by both formats ---------------------------------------------------------------

    /** Collects the header and rows of one sheet; decides whether it is the data sheet. */
    private static final class SheetState {
        final String sheet;
        final List<String> required;
        final Handler handler;
        Header header;
        boolean stopped;

        SheetState(String sheet, List<String> required, Handler handler) {
            this.sheet = sheet;
            this.required = required;
            this.handler = handler;
        }

        /** false: this sheet is not the data sheet (header lacks required columns). */
        boolean acceptHeader(int line, List<String> rawNames) {
            List<String> names = new ArrayList<>(rawNames.size());
            Map<String, Integer> seen = new HashMap<>();
            List<ErrorDetail> duplicates = new ArrayList<>();
            for (String raw : rawNames) {
                String name = raw == null ? "" : columnName(raw);
                if (!name.isEmpty() && seen.putIfAbsent(name, names.size()) != null) {
                    duplicates.add(new ErrorDetail(line, name, "Kolumnen finns två gånger i rubrikraden."));
                }
                names.add(name);
            }
            header = new Header(sheet, line, List.copyOf(names));
            if (!missing().isEmpty()) {
                return false;
            }
            if (!duplicates.isEmpty()) {
                throw new ValidationException("import.error.invalid", duplicates);
            }
            handler.header(header);
            return true;
        }

        List<String> missing() {
            return header == null ? required : required.stream().filter(c -> !header.has(c)).toList();
        }

        /** A data row by column index; false to stop. */
        boolean acceptRow(int line, String[] rawValues) {
            int width = header.names().size();
            String[] values = new String[width];
            boolean empty = true;
            for (int i = 0; i < width; i++) {
                if (header.names().get(i).isEmpty()) {
                    continue; // a column without a header is not read at all
                }
                String raw = i < rawValues.length ? rawValues[i] : null;
                String value = cell(raw);
                if (value == null) {
                    throw new ValidationException("import.error.invalid", List.of(new ErrorDetail(line,
                            header.names().get(i), InputText.refusal(InputText.plainSpaces(InputText.normalise(raw))
                            .strip()).message())));
                }
                values[i] = value;
                empty &= value.isEmpty();
            }
            if (empty) {
                return true;
            }
            if (!handler.row(new Row(line, header, values))) {
                stopped = true;
                return false;
            }
            return true;
        }
    }

    private static ValidationException missingColumns(List<SheetState> sheets, List<String> hidden) {
        List<ErrorDetail> details = new ArrayList<>();
        for (SheetState s : sheets) {
            int line = s.header == null ? 1 : s.header.line();
            for (String column : s.missing()) {
                details.add(new ErrorDetail(line, column, s.sheet == null ? "Kolumnen saknas i rubrikraden."
                        : "Kolumnen saknas i rubrikraden på bladet \"" + s.sheet + "\"."));
            }
        }
        if (sheets.size() == 1 && hidden.isEmpty() && sheets.get(0).sheet == null) {
            return new ValidationException("import.error.invalid", details);
        }
        String looked = sheets.stream().map(s -> "\"" + s.sheet + "\"").collect(Collectors.joining(", "));
        String skipped = hidden.isEmpty() ? "" : " Dolda blad lästes inte: "
                + hidden.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(", ")) + ".";
        return new ValidationException("import.error.noDataSheet", details,
                looked.isEmpty() ? "–" : looked, skipped);
    }

    // --- CSV -----------------------------------------------------------------------------------------------

    private static void readCsv(byte[] content, List<String> required, Handler handler) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        int invalidLine = invalidUtf8Line(content, start);
        if (invalidLine > 0) {
            throw new ValidationException("import.error.notUtf8",
                    List.of(new ErrorDetail(invalidLine, null, "Raden är inte giltig UTF-8-text.")));
        }
        int nulLine = nulLine(content, start);
        if (nulLine > 0) {
            throw new ValidationException("import.error.binary",
                    List.of(new ErrorDetail(nulLine, null, "Raden innehåller binärt innehåll (NUL-tecken).")));
        }
        char delimiter = detectDelimiter(content, start);
        Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(false).get();
        SheetState state = new SheetState(null, required, handler);
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
                String[] values = record.values();
                if (state.header == null) {
                    if (Arrays.stream(values).allMatch(v -> cell(v) != null && cell(v).isEmpty())) {
                        continue;
                    }
                    if (!state.acceptHeader(line, Arrays.asList(values))) {
                        throw missingColumns(List.of(state), List.of());
                    }
                    continue;
                }
                if (!state.acceptRow(line, values)) {
                    return;
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw notUtf8((int) lineBefore + 1);
            }
            throw new ValidationException("import.error.malformedCsv",
                    List.of(new ErrorDetail((int) lineBefore + 1, null, "Raden kan inte tolkas som CSV.")));
        } catch (CharacterCodingException e) {
            throw notUtf8((int) lineBefore + 1);
        } catch (IOException e) {
            throw new ValidationException("import.error.malformedCsv");
        }
        if (state.header == null) {
            throw new ValidationException("import.error.empty");
        }
    }

    private static ValidationException notUtf8(int line) {
        return new ValidationException("import.error.notUtf8",
                List.of(new ErrorDetail(line, null, "Raden är inte giltig UTF-8-text.")));
    }

    /** The line (1-based) of the first byte that is not valid UTF-8, or -1: exact, unlike a read-ahead reader. */
    static int invalidUtf8Line(byte[] content, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(1 << 14);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return lineOf(content, in.position());
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    private static int nulLine(byte[] content, int start) {
        for (int i = start; i < content.length; i++) {
            if (content[i] == 0) {
                return lineOf(content, i);
            }
        }
        return -1;
    }

    private static int lineOf(byte[] content, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
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

    /**
     * A custom document property of an XLSX (e.g. the period a workbook was exported from), or null; the package is
     * opened from a temporary file, so only the small docProps part is read.
     */
    public static String customProperty(byte[] content, String name) {
        Path file = null;
        try {
            file = Files.createTempFile("import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                var parts = pkg.getPartsByName(Pattern.compile("/docProps/custom\\.xml"));
                if (parts.isEmpty()) {
                    return null;
                }
                try (InputStream in = parts.get(0).getInputStream()) {
                    var properties = org.openxmlformats.schemas.officeDocument.x2006.customProperties
                            .PropertiesDocument.Factory.parse(in, POIXMLTypeLoader
                                    .DEFAULT_XML_OPTIONS).getProperties();
                    for (var property : properties.getPropertyArray()) {
                        if (name.equals(property.getName())) {
                            return property.getLpwstr();
                        }
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new ValidationException(XlsxReader.isZipBomb(e) ? "import.error.zipBomb"
                    : "import.error.malformedXlsx");
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system
            }
        }
    }

    // --- XLSX ----------------------------------------------------------------------------------------------

    /** A sheet as listed in the workbook: name, whether visible, relationship id. */
    private record SheetEntry(String name, boolean visible, String relationId) {
    }

    /** Thrown inside the SAX parse to stop reading a sheet. */
    private static final class StopSheet extends SAXException {
        StopSheet() {
            super("stop");
        }
    }

    private static final class XlsxReader {
        private final List<String> required;
        private final Handler handler;

        XlsxReader(List<String> required, Handler handler) {
            this.required = required;
            this.handler = handler;
        }

        void read(byte[] content) {
            Path file = null;
            try {
                // from a file, POI reads entries through ZipFile on demand instead of inflating them all into memory
                file = Files.createTempFile("import-", ".xlsx");
                Files.write(file, content);
                try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                    readPackage(pkg);
                }
            } catch (ValidationException e) {
                throw e;
            } catch (NotOfficeXmlFileException | InvalidFormatException e) {
                throw new ValidationException("import.error.malformedXlsx");
            } catch (Exception e) {
                if (isZipBomb(e)) {
                    throw new ValidationException("import.error.zipBomb");
                }
                throw new ValidationException("import.error.malformedXlsx");
            } finally {
                deleteQuietly(file);
            }
        }

        static boolean isZipBomb(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                    return true;
                }
            }
            return false;
        }

        private void readPackage(OPCPackage pkg) throws Exception {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            List<SheetEntry> sheets = sheets(reader);
            List<SheetState> examined = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            for (SheetEntry entry : sheets) {
                if (!entry.visible()) {
                    hidden.add(entry.name());
                    continue;
                }
                SheetState state = new SheetState(entry.name(), required, handler);
                examined.add(state);
                try (InputStream sheet = new EmptyCellFilter(reader.getSheet(entry.relationId()))) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new SheetHandler(state, strings, styles));
                    parser.parse(new InputSource(sheet));
                } catch (StopSheet stop) {
                    // stopped on purpose: not the data sheet, or the handler has enough
                } catch (SAXException e) {
                    if (e.getException() instanceof ValidationException v) {
                        throw v;
                    }
                    throw e;
                }
                if (state.header != null && state.missing().isEmpty()) {
                    return; // the data sheet
                }
            }
            if (examined.isEmpty() && hidden.isEmpty()) {
                throw new ValidationException("import.error.empty");
            }
            throw missingColumns(examined, hidden);
        }

        private static List<SheetEntry> sheets(XSSFReader reader) throws Exception {
            List<SheetEntry> sheets = new ArrayList<>();
            try (InputStream workbook = reader.getWorkbookData()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes) {
                        if ("sheet".equals(localName)) {
                            String state = attributes.getValue("state");
                            String id = null;
                            for (int i = 0; i < attributes.getLength(); i++) {
                                if ("id".equals(attributes.getLocalName(i))) {
                                    id = attributes.getValue(i);
                                }
                            }
                            sheets.add(new SheetEntry(InputText.normalise(String.valueOf(attributes.getValue("name"))),
                                    state == null || "visible".equals(state), id));
                        }
                    }
                });
                parser.parse(new InputSource(workbook));
            }
            return sheets;
        }
    }

    /**
     * Drops the worksheet XML's cell elements without content ({@code <c r="K1048576" s="3"/>} or {@code <c …></c>}:
     * formatted cells without a value) before the XML parser sees them. A sheet formatted down to row 1 048 576 is mostly such elements; a byte
     * scan skips them many times faster than parsing them, which keeps such files within seconds. Cell attributes
     * never contain '>', so the end of the tag is the first '>'.
     */
    static final class EmptyCellFilter extends InputStream {
        private static final int MAX_TAG = 4096;
        private final InputStream in;
        private final byte[] input = new byte[1 << 16];
        private byte[] output = new byte[1 << 16];
        private final byte[] tag = new byte[MAX_TAG];
        private int tagLength;
        private boolean inCell;
        private int openEnd = -1;
        private int outputStart;
        private int outputEnd;
        private boolean eof;

        EmptyCellFilter(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (outputStart == outputEnd) {
                if (eof) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, outputEnd - outputStart);
            System.arraycopy(output, outputStart, b, off, n);
            outputStart += n;
            return n;
        }

        private void fill() throws IOException {
            outputStart = 0;
            outputEnd = 0;
            int n = in.read(input);
            if (n < 0) {
                eof = true;
                emit(tag, tagLength); // an unfinished tag at the end: pass it on for the parser to judge
                tagLength = 0;
                return;
            }
            for (int i = 0; i < n; i++) {
                byte c = input[i];
                if (tagLength == 0) {
                    if (c == '<') {
                        tag[tagLength++] = c;
                    } else {
                        emit(c);
                    }
                    continue;
                }
                tag[tagLength++] = c;
                if (!inCell) {
                    if (tagLength == 2 && c != 'c') {
                        passTag();
                    } else if (tagLength == 3) {
                        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                            inCell = true;
                        } else {
                            passTag();
                        }
                    }
                } else if (openEnd < 0 && c == '>') {
                    if (tag[tagLength - 2] == '/') {
                        tagLength = 0; // an empty cell: dropped
                        inCell = false;
                    } else {
                        openEnd = tagLength; // "<c …>": empty only if "</c>" follows at once (SXSSF writes that)
                    }
                } else if (openEnd >= 0 && tagLength == openEnd + 4) {
                    boolean empty = tag[openEnd] == '<' && tag[openEnd + 1] == '/' && tag[openEnd + 2] == 'c'
                            && tag[openEnd + 3] == '>';
                    openEnd = -1;
                    if (empty) {
                        tagLength = 0;
                        inCell = false;
                    } else {
                        passTag();
                    }
                } else if (tagLength == MAX_TAG) {
                    passTag();
                }
            }
        }

        /** The buffered bytes go out unchanged; a '<' that ended the lookahead starts a new one. */
        private void passTag() {
            inCell = false;
            openEnd = -1;
            byte last = tag[tagLength - 1];
            if (last == '<' && tagLength > 1) {
                emit(tag, tagLength - 1);
                tag[0] = '<';
                tagLength = 1;
                return;
            }
            emit(tag, tagLength);
            tagLength = 0;
        }

        private void emit(byte c) {
            if (outputEnd == output.length) {
                output = Arrays.copyOf(output, output.length * 2);
            }
            output[outputEnd++] = c;
        }

        private void emit(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                emit(bytes[i]);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * One worksheet's XML: rows, cells (type from the cell's {@code t}, date formats from its style), the cached
     * value of formulas. POI's own XSSFSheetXMLHandler gives only display text, which loses whether a cell is a
     * number; this keeps the type so numbers are written out exactly.
     */
    private static final class SheetHandler extends DefaultHandler {
        private final SheetState state;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final StringBuilder text = new StringBuilder();
        private final List<String> cells = new ArrayList<>();
        private int rowNumber;
        private int nextColumn;
        private int column;
        private String type;
        private String style;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private String value;

        SheetHandler(SheetState state, ReadOnlySharedStringsTable strings, StylesTable styles) {
            this.state = state;
            this.strings = strings;
            this.styles = styles;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells.clear();
                    nextColumn = 0;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? nextColumn : column(r);
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    style = attributes.getValue("s"); // parsed only for numbers: most cells of a formatted range are empty
                    value = null;
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> text.setLength(0);
                case "t" -> inInlineText = "inlineStr".equals(type);
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || (inInlineText && !inPhonetic)) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> {
                    inValue = false;
                    value = text.toString();
                }
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> value = text.toString();
                case "c" -> {
                    if (value == null) {
                        return; // a formatted cell without a value
                    }
                    String cellText = cellText(value);
                    while (cells.size() < column) {
                        cells.add(null);
                    }
                    if (cells.size() == column) {
                        cells.add(cellText);
                    } else {
                        cells.set(column, cellText);
                    }
                }
                case "row" -> endRow();
                default -> {
                }
            }
        }

        private void endRow() throws SAXException {
            if (cells.isEmpty()) {
                return; // no cell with a value: an empty row, however formatted
            }
            try {
                if (state.header == null) {
                    if (cells.stream().allMatch(c -> c == null || cell(c) == null || cell(c).isEmpty())) {
                        return;
                    }
                    if (!state.acceptHeader(rowNumber, new ArrayList<>(cells))) {
                        throw new StopSheet();
                    }
                    return;
                }
                if (!state.acceptRow(rowNumber, cells.toArray(new String[0]))) {
                    throw new StopSheet();
                }
            } catch (ValidationException e) {
                throw new SAXException(e);
            }
        }

        /** The 0-based column of a cell reference such as "AB12". */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    column = column * 26 + (c - 'A' + 1);
                } else if (c != '$') {
                    break;
                }
            }
            return column - 1;
        }

        /** The cell's text by type: shared or inline string, cached formula result, number, boolean, error. */
        private String cellText(String raw) {
            if (type == null || type.equals("n")) {
                if (raw.isEmpty()) {
                    return "";
                }
                double d;
                try {
                    d = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    return raw;
                }
                if (style != null && isDate(Integer.parseInt(style), d)) {
                    LocalDateTime dateTime = DateUtil.getLocalDateTime(d);
                    return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                            ? dateTime.toLocalDate().toString() : dateTime.toString();
                }
                return number(d);
            }
            return switch (type) {
                case "s" -> raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
                // "str" (formula text result), "inlineStr", "e" (error such as #REF!); Excel writes characters XML
                // cannot hold as _xHHHH_, which POI decodes for shared strings and this does for the others
                default -> raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
            };
        }

        private boolean isDate(int styleIndex, double d) {
            if (styleIndex >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(styleIndex);
            String format = cellStyle.getDataFormatString();
            return format != null && DateUtil.isValidExcelDate(d)
                    && DateUtil.isADateFormat(cellStyle.getDataFormat(), format);
        }
    }
}
