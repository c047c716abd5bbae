package se.uppfoljning.base.imports;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.codehaus.stax2.typed.TypedValueDecoder;
import org.codehaus.stax2.typed.TypedXMLStreamReader;
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
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.PropertiesDocument;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.text.InputText;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
 * header line; Apache Commons CSV) and XLSX (Apache POI's package reader, the sheet's XML through Aalto's StAX
 * parser), both streamed row by row and read by the same rules:
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
        if (isPrintableAscii(raw)) {
            return raw.strip(); // NFC, without odd spaces or refused characters already: the common case, one pass
        }
        String text = InputText.plainSpaces(InputText.normalise(raw)).strip();
        return InputText.refusal(text) == null ? text : null;
    }

    /** Printable ASCII, tab and LF: text that {@link InputText} leaves as it is and never refuses. */
    private static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n')) {
                return false;
            }
        }
        return true;
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
        /** Per column, the last text that needed normalising and its result. */
        private String[] lastRaw;
        private String[] lastValue;

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
                    duplicates.add(new ErrorDetail(line, name, Messages.text("import.detail.columnTwice")));
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
            if (lastRaw == null) {
                lastRaw = new String[width];
                lastValue = new String[width];
            }
            String[] values = new String[width];
            boolean empty = true;
            for (int i = 0; i < width; i++) {
                if (header.names().get(i).isEmpty()) {
                    continue; // a column without a header is not read at all
                }
                String raw = i < rawValues.length ? rawValues[i] : null;
                String value;
                if (raw != null && lastRaw[i] != null && raw.equals(lastRaw[i])) {
                    value = lastValue[i]; // a column such as the level repeats its text: normalised once per run
                } else {
                    value = cell(raw);
                    if (value != null && raw != null && !isPrintableAscii(raw)) {
                        lastRaw[i] = raw;
                        lastValue[i] = value;
                    }
                }
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
                details.add(new ErrorDetail(line, column, s.sheet == null
                        ? Messages.text("import.detail.columnMissing")
                        : Messages.text("import.detail.columnMissingOnSheet", s.sheet)));
            }
        }
        if (sheets.size() == 1 && hidden.isEmpty() && sheets.get(0).sheet == null) {
            return new ValidationException("import.error.invalid", details);
        }
        String looked = sheets.stream().map(s -> "\"" + s.sheet + "\"").collect(Collectors.joining(", "));
        String skipped = hidden.isEmpty() ? "" : " " + Messages.text("import.detail.hiddenSheets",
                hidden.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(", ")));
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
                    List.of(new ErrorDetail(invalidLine, null, Messages.text("import.detail.notUtf8"))));
        }
        int nulLine = nulLine(content, start);
        if (nulLine > 0) {
            throw new ValidationException("import.error.binary",
                    List.of(new ErrorDetail(nulLine, null, Messages.text("import.detail.binary"))));
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
                    List.of(new ErrorDetail((int) lineBefore + 1, null, Messages.text("import.detail.malformedCsv"))));
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
                List.of(new ErrorDetail(line, null, Messages.text("import.detail.notUtf8"))));
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
                    var properties = PropertiesDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS)
                            .getProperties();
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

    /**
     * Aalto's StAX parser (about twice as fast as the JDK's on sheet XML), set up as POI sets up its own parsers: no
     * document type declaration (a DOCTYPE refuses the file, so no entity can be declared or expanded), no external
     * entities. A configured factory is safe to share between threads.
     */
    private static final XMLInputFactory XML_INPUT = xmlInput();

    private static XMLInputFactory xmlInput() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
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
                    new SheetReader(state, strings, styles).read(sheet);
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
     * Drops what a formatted but empty range consists of before the XML parser sees it: cell elements without content
     * ({@code <c r="K1048576" s="3"/>} or {@code <c …></c>}) and then rows left without cells ({@code <row r="7" …>}
     * directly followed by {@code </row>}, or {@code <row r="7" …/>}; a row without its number is kept, so that line
     * numbers stay as the spreadsheet counts them). A sheet formatted down to row 1 048 576 is some 300 MB of such
     * XML; one pass over the bytes with no work per byte beyond a comparison skips it many times faster than parsing
     * it. Tag attributes never contain '>', so a tag ends at the first '>'.
     */
    static final class EmptyCellFilter extends InputStream {
        private static final int MAX_TAG = 4096;
        private static final int NONE = 0;
        private static final int CELL = 1;
        private static final int ROW = 2;
        private static final int ROW_END = 3;
        private final InputStream in;
        private final byte[] input = new byte[1 << 16];
        // room for one read's bytes plus a held row tag and an unfinished tag: no capacity check per byte
        private final byte[] output = new byte[(1 << 16) + 3 * MAX_TAG];
        private final byte[] tag = new byte[MAX_TAG];
        private final byte[] row = new byte[MAX_TAG];
        private int tagLength;
        private int kind;
        private int openEnd = -1;
        /** A row's start tag held back until it is known whether the row has any content; 0: none held. */
        private int rowLength;
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
                flushRow();
                emitTag(tagLength); // an unfinished tag at the end: pass it on for the parser to judge
                tagLength = 0;
                return;
            }
            byte[] in = input;
            byte[] out = output;
            for (int i = 0; i < n; i++) {
                byte c = in[i];
                if (tagLength == 0) {
                    if (c == '<') {
                        int done = whole(in, i, n);
                        if (done >= 0) {
                            i = done;
                            continue;
                        }
                        if (i + 2 < n && !mayDrop(in[i + 1], in[i + 2])) {
                            flushRow(); // such as <v>, </c>, <is>: passes unchanged, as any byte outside a tag
                            out[outputEnd++] = c;
                            continue;
                        }
                        tag[0] = c;
                        tagLength = 1;
                        kind = NONE;
                    } else if (rowLength > 0 && (c == '\n' || c == '\r' || c == ' ' || c == '\t')) {
                        continue; // white space between a held row tag and what follows means nothing
                    } else if (rowLength == 0) {
                        int end = i + 1; // text up to the next tag goes out in one copy
                        while (end < n && in[end] != '<') {
                            end++;
                        }
                        System.arraycopy(in, i, out, outputEnd, end - i);
                        outputEnd += end - i;
                        i = end - 1;
                    } else {
                        if (rowLength > 0) {
                            flushRow();
                        }
                        out[outputEnd++] = c;
                    }
                    continue;
                }
                tag[tagLength++] = c;
                if (tagLength == 2) {
                    kind = c == 'c' ? CELL : c == 'r' ? ROW : c == '/' ? ROW_END : NONE;
                    if (kind == NONE) {
                        passTag();
                    }
                } else if (kind == CELL) {
                    cell(c);
                } else if (kind == ROW) {
                    rowStart(c);
                } else if (tagLength <= 6) { // ROW_END: "</row>"
                    if (c != "</row>".charAt(tagLength - 1)) {
                        passTag();
                    } else if (tagLength == 6) {
                        if (rowLength > 0) {
                            rowLength = 0; // a row without content: dropped with its end tag
                            tagLength = 0;
                        } else {
                            passTag();
                        }
                    }
                }
                if (tagLength == MAX_TAG) {
                    passTag();
                }
            }
        }

        /**
         * The fast way for the common case, a cell or row tag that lies wholly in this read: decided in place with a
         * tight scan for its '>' (no copying of bytes). Returns the index of the last byte dealt with, or -1 when the
         * tag is not one of these or runs past the end of the read (then the byte-by-byte way takes it).
         */
        private int whole(byte[] in, int start, int n) {
            if (start + 6 >= n) {
                return -1;
            }
            byte second = in[start + 1];
            byte third = in[start + 2];
            if (second == 'c' && isSpace(third)) {
                int end = closing(in, start + 3, n);
                if (end < 0) {
                    return -1;
                }
                if (in[end - 1] == '/') {
                    return end; // "<c …/>": dropped
                }
                if (end + 4 >= n) {
                    return -1;
                }
                if (in[end + 1] == '<' && in[end + 2] == '/' && in[end + 3] == 'c' && in[end + 4] == '>') {
                    return end + 4; // "<c …></c>": dropped
                }
                return copy(in, start, end); // a cell with content: on to the parser
            }
            if (second == 'r' && third == 'o' && in[start + 3] == 'w' && isSpace(in[start + 4])) {
                int end = closing(in, start + 5, n);
                if (end < 0) {
                    return -1;
                }
                if (!numbered(in, start + 4, end)) {
                    return copy(in, start, end);
                }
                if (in[end - 1] == '/') {
                    return end; // "<row r="7" …/>": dropped
                }
                flushRow();
                rowLength = end - start + 1;
                System.arraycopy(in, start, row, 0, rowLength);
                return end;
            }
            if (second == '/' && third == 'r' && rowLength > 0 && in[start + 3] == 'o' && in[start + 4] == 'w'
                    && in[start + 5] == '>') {
                rowLength = 0; // a row without content: dropped with its end tag
                return start + 5;
            }
            return -1;
        }

        /** Whether a tag beginning with '<', {@code first}, {@code second} may be a cell, a row or a row's end. */
        private static boolean mayDrop(byte first, byte second) {
            return first == 'c' || first == 'r' || (first == '/' && second == 'r');
        }

        /** The index of the '>' that ends a tag begun before {@code from}, or -1 if not within this read and MAX_TAG. */
        private static int closing(byte[] in, int from, int n) {
            int limit = Math.min(n, from + MAX_TAG);
            for (int j = from; j < limit; j++) {
                if (in[j] == '>') {
                    return j;
                }
            }
            return -1;
        }

        private int copy(byte[] in, int start, int end) {
            flushRow();
            System.arraycopy(in, start, output, outputEnd, end - start + 1);
            outputEnd += end - start + 1;
            return end;
        }

        private static boolean isSpace(byte c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        /** Whether the bytes from..to of a row start tag hold an r="…" attribute. */
        private static boolean numbered(byte[] in, int from, int to) {
            for (int i = from; i + 2 < to; i++) {
                if (in[i + 1] == 'r' && in[i + 2] == '=' && isSpace(in[i])) {
                    return true;
                }
            }
            return false;
        }

        /** The next byte of a "<c" tag: a cell without content is dropped. */
        private void cell(byte c) {
            if (tagLength == 3) {
                if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                    passTag();
                }
            } else if (openEnd < 0) {
                if (c == '>') {
                    if (tag[tagLength - 2] == '/') {
                        tagLength = 0; // "<c …/>": dropped
                    } else {
                        openEnd = tagLength; // "<c …>": empty only if "</c>" follows at once (SXSSF writes that)
                    }
                }
            } else if (tagLength == openEnd + 4) {
                boolean empty = tag[openEnd] == '<' && tag[openEnd + 1] == '/' && tag[openEnd + 2] == 'c'
                        && tag[openEnd + 3] == '>';
                if (empty) {
                    tagLength = 0;
                    openEnd = -1;
                } else {
                    passTag();
                }
            }
        }

        /** The next byte of a "<r" tag: a numbered row's start tag is held back, an empty one dropped. */
        private void rowStart(byte c) {
            if (tagLength == 3 || tagLength == 4) {
                if (c != (tagLength == 3 ? 'o' : 'w')) {
                    passTag();
                }
            } else if (tagLength == 5) {
                if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/')) {
                    passTag(); // another element, such as <rowBreaks>
                } else if (c == '>') {
                    passTag(); // a row without its number: kept
                }
            } else if (c == '>') {
                if (!numbered()) {
                    passTag();
                } else if (tag[tagLength - 2] == '/') {
                    tagLength = 0; // "<row r="7" …/>": dropped
                } else {
                    flushRow();
                    System.arraycopy(tag, 0, row, 0, tagLength);
                    rowLength = tagLength;
                    tagLength = 0;
                }
            }
        }

        /** Whether the row start tag in the buffer has an r="…" attribute. */
        private boolean numbered() {
            for (int i = 4; i + 2 < tagLength; i++) {
                byte b = tag[i];
                if (tag[i + 1] == 'r' && tag[i + 2] == '=' && (b == ' ' || b == '\t' || b == '\n' || b == '\r')) {
                    return true;
                }
            }
            return false;
        }

        private void flushRow() {
            if (rowLength > 0) {
                System.arraycopy(row, 0, output, outputEnd, rowLength);
                outputEnd += rowLength;
                rowLength = 0;
            }
        }

        /** The buffered bytes go out unchanged; a '<' that ended the lookahead starts a new one. */
        private void passTag() {
            openEnd = -1;
            flushRow();
            if (tag[tagLength - 1] == '<' && tagLength > 1) {
                emitTag(tagLength - 1);
                tag[0] = '<';
                tagLength = 1;
                kind = NONE;
                return;
            }
            emitTag(tagLength);
            tagLength = 0;
        }

        private void emitTag(int length) {
            System.arraycopy(tag, 0, output, outputEnd, length);
            outputEnd += length;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A cell's type ({@code t}): a number (no t, or "n"), a shared string, a boolean, an inline string, or other text. */
    private static final int NUMBER = 0;
    private static final int SHARED = 1;
    private static final int BOOLEAN = 2;
    private static final int INLINE = 3;
    private static final int TEXT = 4;

    /**
     * Decodes a cell's or row's attribute from the parser's buffer without making a String of it (two strings per cell
     * were most of what the reading allocated): a reference's column, a type, a style index or a row number.
     */
    private static final class AttributeDecoder extends TypedValueDecoder {
        static final int COLUMN = 0;
        static final int TYPE = 1;
        static final int STYLE = 2;
        static final int NUMBER = 3;
        /** A style that is not an index: refused as the file's fault if the cell is a number. */
        static final int INVALID = -2;
        private int what;
        private int result;

        int decode(XMLStreamReader xml, int index, int what) {
            this.what = what;
            try {
                ((TypedXMLStreamReader) xml).getAttributeAs(index, this);
            } catch (XMLStreamException e) {
                throw new IllegalArgumentException("attribute not readable", e);
            }
            return result;
        }

        @Override
        public void decode(String input) {
            decode(input.toCharArray(), 0, input.length());
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            switch (what) {
                case COLUMN -> { // "AB12" or "$AB$12": the 0-based column
                    int column = 0;
                    for (int i = start; i < end; i++) {
                        char c = buffer[i];
                        if (c >= 'A' && c <= 'Z') {
                            column = column * 26 + (c - 'A' + 1);
                        } else if (c != '$') {
                            break;
                        }
                    }
                    if (column == 0) {
                        throw new IllegalArgumentException("a cell reference without a column");
                    }
                    result = column - 1;
                }
                case TYPE -> result = end - start == 1 && buffer[start] == 'n' ? TabularReader.NUMBER
                        : end - start == 1 && buffer[start] == 's' ? SHARED
                        : end - start == 1 && buffer[start] == 'b' ? BOOLEAN
                        : is(buffer, start, end, "inlineStr") ? INLINE : TEXT;
                default -> { // STYLE or NUMBER: a non-negative integer
                    int number = 0;
                    boolean valid = end - start <= 9;
                    for (int i = start; i < end && valid; i++) {
                        char c = buffer[i];
                        valid = c >= '0' && c <= '9';
                        number = number * 10 + (c - '0');
                    }
                    if (!valid && what == NUMBER) {
                        throw new IllegalArgumentException("a row number that is not a number");
                    }
                    result = valid ? number : INVALID;
                }
            }
        }

        private static boolean is(char[] buffer, int start, int end, String text) {
            if (end - start != text.length()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (buffer[start + i] != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void handleEmptyValue() {
            switch (what) {
                case TYPE -> result = TEXT;
                case STYLE -> result = INVALID;
                default -> throw new IllegalArgumentException("an empty cell reference or row number");
            }
        }
    }

    /**
     * One worksheet's XML, read with Aalto's StAX parser: rows, cells (type from the cell's {@code t}, date formats
     * from its style), the cached value of formulas. POI's own XSSFSheetXMLHandler gives only display text, which
     * loses whether a cell is a number; this keeps the type so numbers are written out exactly.
     */
    private static final class SheetReader {
        private final SheetState state;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        /** Per style index: 0 not yet known, 1 a date format, 2 not. */
        private byte[] dateStyles = new byte[0];
        private final StringBuilder text = new StringBuilder();
        private final List<String> cells = new ArrayList<>();
        private int rowNumber;
        private int nextColumn;
        private int column;
        private final AttributeDecoder attributes = new AttributeDecoder();
        /** The cell's type: NUMBER, SHARED, BOOLEAN, INLINE or TEXT. */
        private int type;
        /** The cell's style index; -1: none. */
        private int style;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private String value;

        SheetReader(SheetState state, ReadOnlySharedStringsTable strings, StylesTable styles) {
            this.state = state;
            this.strings = strings;
            this.styles = styles;
        }

        /** Reads the sheet to its end, or until it is known not to be the data sheet or the handler has enough. */
        void read(InputStream in) throws XMLStreamException {
            XMLStreamReader xml = XML_INPUT.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    switch (xml.next()) {
                        case XMLStreamConstants.START_ELEMENT -> start(xml);
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            if (inValue || (inInlineText && !inPhonetic)) {
                                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            if (!end(xml.getLocalName())) {
                                return;
                            }
                        }
                        // as POI's parsers: no document type (no entity of its own, so no entity expansion)
                        case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE is not allowed");
                        default -> {
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }

        private void start(XMLStreamReader xml) {
            switch (xml.getLocalName()) {
                case "row" -> {
                    int index = attributeIndex(xml, 'r');
                    rowNumber = index < 0 ? rowNumber + 1 : attributes.decode(xml, index, AttributeDecoder.NUMBER);
                    cells.clear();
                    nextColumn = 0;
                }
                case "c" -> {
                    column = nextColumn;
                    type = NUMBER;
                    style = -1;
                    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                        String name = xml.getAttributeLocalName(i);
                        if (name.length() != 1 || !unprefixed(xml, i)) {
                            continue; // by character below: a switch on the name would hash it every time
                        }
                        switch (name.charAt(0)) {
                            case 'r' -> column = attributes.decode(xml, i, AttributeDecoder.COLUMN);
                            case 't' -> type = attributes.decode(xml, i, AttributeDecoder.TYPE);
                            case 's' -> style = attributes.decode(xml, i, AttributeDecoder.STYLE);
                            default -> {
                            }
                        }
                    }
                    nextColumn = column + 1;
                    value = null;
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> text.setLength(0);
                case "t" -> inInlineText = type == INLINE;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        /** The index of the unprefixed one-letter attribute, or -1. */
        private static int attributeIndex(XMLStreamReader xml, char name) {
            for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                String local = xml.getAttributeLocalName(i);
                if (local.length() == 1 && local.charAt(0) == name && unprefixed(xml, i)) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean unprefixed(XMLStreamReader xml, int index) {
            String prefix = xml.getAttributePrefix(index);
            return prefix == null || prefix.isEmpty();
        }

        /** false: stop reading this sheet. */
        private boolean end(String localName) {
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
                        return true; // a formatted cell without a value
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
                case "row" -> {
                    return endRow();
                }
                default -> {
                }
            }
            return true;
        }

        /** false: stop reading this sheet (not the data sheet, or the handler has enough). */
        private boolean endRow() {
            if (cells.isEmpty()) {
                return true; // no cell with a value: an empty row, however formatted
            }
            if (state.header == null) {
                if (cells.stream().allMatch(c -> c == null || cell(c) == null || cell(c).isEmpty())) {
                    return true;
                }
                return state.acceptHeader(rowNumber, new ArrayList<>(cells));
            }
            return state.acceptRow(rowNumber, cells.toArray(new String[0]));
        }

        /** The cell's text by type: shared or inline string, cached formula result, number, boolean, error. */
        private String cellText(String raw) {
            if (type == NUMBER) {
                if (raw.isEmpty()) {
                    return "";
                }
                int styleIndex = style;
                if (styleIndex == AttributeDecoder.INVALID) {
                    throw new IllegalArgumentException("a number's style is not a style index");
                }
                if ((styleIndex < 0 || !dateStyle(styleIndex)) && isPlainWholeNumber(raw)) {
                    return raw; // the common case, as number() would write it, without parsing a double
                }
                double d;
                try {
                    d = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    return raw;
                }
                if (styleIndex >= 0 && dateStyle(styleIndex) && DateUtil.isValidExcelDate(d)) {
                    LocalDateTime dateTime = DateUtil.getLocalDateTime(d);
                    return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                            ? dateTime.toLocalDate().toString() : dateTime.toString();
                }
                return number(d);
            }
            if (type == SHARED) {
                return raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            }
            if (type == BOOLEAN) {
                return "1".equals(raw) ? "TRUE" : "FALSE";
            }
            // "str" (formula text result), "inlineStr", "e" (error such as #REF!); Excel writes characters XML cannot
            // hold as _xHHHH_, which POI decodes for shared strings and this does for the others
            return raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
        }

        /** Whether the style's number format is a date format (looked up once per style). */
        private boolean dateStyle(int styleIndex) {
            if (styleIndex >= styles.getNumCellStyles()) {
                return false;
            }
            if (styleIndex >= dateStyles.length) {
                dateStyles = Arrays.copyOf(dateStyles, Math.max(styleIndex + 1, dateStyles.length * 2));
            }
            if (dateStyles[styleIndex] == 0) {
                XSSFCellStyle cellStyle = styles.getStyleAt(styleIndex);
                String format = cellStyle.getDataFormatString();
                dateStyles[styleIndex] = format != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), format)
                        ? (byte) 1 : (byte) 2;
            }
            return dateStyles[styleIndex] == 1;
        }
    }

    /**
     * Whether the text is an integer as {@link #number} writes one: "0", or an optional '-' and at most 15 digits
     * without a leading zero (exact as a double, so parsing and writing it again gives the same text).
     */
    static boolean isPlainWholeNumber(String raw) {
        int start = raw.charAt(0) == '-' ? 1 : 0;
        int digits = raw.length() - start;
        if (digits < 1 || digits > 15) {
            return false;
        }
        if (raw.charAt(start) == '0') {
            return digits == 1 && start == 0;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
