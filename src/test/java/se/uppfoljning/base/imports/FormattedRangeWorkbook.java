package se.uppfoljning.base.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A workbook as a user makes it by formatting whole columns down to the last row: a header, some data rows, then
 * every row to 1 048 576 with formatted but empty cells (each written as a cell element in the sheet XML).
 */
public final class FormattedRangeWorkbook {

    public static final int LAST_ROW = 1_048_576;

    private FormattedRangeWorkbook() {
    }

    /** Header "niva" and {@code dataRows} rows "ÖKL", formatted to the last row. */
    public static byte[] create(int dataRows) throws IOException {
        return create(List.of("niva"), r -> List.of("ÖKL"), dataRows);
    }

    /** The given header and data rows (cells as text, or Long as numbers), then formatted empty rows. */
    public static byte[] create(List<String> header, java.util.function.IntFunction<List<Object>> data, int dataRows)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet("Data");
            CellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 1; r < LAST_ROW; r++) {
                Row row = sheet.createRow(r);
                if (r <= dataRows) {
                    List<Object> cells = data.apply(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(String.valueOf(v));
                        }
                    }
                } else {
                    for (int c = 0; c < header.size(); c++) {
                        row.createCell(c).setCellStyle(style);
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }
}
