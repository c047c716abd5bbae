package se.uppfoljning.followup.internal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import se.uppfoljning.base.error.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads an edited follow-up spreadsheet: the first sheet, columns found by their header (any order), the values of
 * the columns the import uses, each row with the number the spreadsheet shows. Anything but a readable XLSX is a
 * {@link ValidationException}.
 */
public final class FollowUpWorkbookReader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** A data row: the spreadsheet's row number and the stripped cell texts ("" when empty). */
    public record Line(int row, String id, String status, String comment, String version) {
    }

    /**
     * The sheet: the required columns it lacks (empty when complete), the committee and period it was exported
     * from (null when the file does not say) and its non-blank data rows.
     */
    public record Content(List<FollowUpSheet> missing, String periodMarker, List<Line> lines) {
    }

    private FollowUpWorkbookReader() {
    }

    public static Content read(byte[] content, long maxBytes, Function<String, String> text) {
        if (content.length == 0) {
            throw new ValidationException("import.error.empty");
        }
        if (content.length > maxBytes) {
            throw new ValidationException("import.error.tooLarge", String.valueOf(maxBytes / (1024 * 1024)));
        }
        if (content.length < 4 || content[0] != ZIP_MAGIC[0] || content[1] != ZIP_MAGIC[1]
                || content[2] != ZIP_MAGIC[2] || content[3] != ZIP_MAGIC[3]) {
            throw new ValidationException("workbook.error.notXlsx");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            CTProperty marker = workbook.getProperties().getCustomProperties().getProperty(FollowUpSheet.PERIOD_PROPERTY);
            String periodMarker = marker == null ? null : marker.getLpwstr();
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            Map<FollowUpSheet, Integer> columns = new EnumMap<>(FollowUpSheet.class);
            if (headerRow != null) {
                for (Cell cell : headerRow) {
                    String name = normalise(formatter.formatCellValue(cell));
                    for (FollowUpSheet column : FollowUpSheet.values()) {
                        if (normalise(column.header(text)).equals(name)) {
                            columns.putIfAbsent(column, cell.getColumnIndex());
                        }
                    }
                }
            }
            List<FollowUpSheet> missing = FollowUpSheet.REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            List<Line> lines = new ArrayList<>();
            if (missing.isEmpty()) {
                for (Row row : sheet) {
                    if (row.getRowNum() <= headerRow.getRowNum()) {
                        continue;
                    }
                    Line line = new Line(row.getRowNum() + 1, value(row, columns.get(FollowUpSheet.ID), formatter),
                            value(row, columns.get(FollowUpSheet.STATUS), formatter),
                            value(row, columns.get(FollowUpSheet.COMMENT), formatter),
                            value(row, columns.get(FollowUpSheet.VERSION), formatter));
                    if (!(line.id().isEmpty() && line.status().isEmpty() && line.comment().isEmpty()
                            && line.version().isEmpty())) {
                        lines.add(line);
                    }
                }
            }
            return new Content(missing, periodMarker, lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException("import.error.malformedXlsx");
        }
    }

    private static String value(Row row, int column, DataFormatter formatter) {
        Cell cell = row.getCell(column);
        // Excel may write line breaks as CR LF; the application stores LF
        return cell == null ? "" : formatter.formatCellValue(cell).replace("\r\n", "\n").strip();
    }

    private static String normalise(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(SWEDISH);
    }
}
