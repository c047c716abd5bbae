package se.uppfoljning.followup;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Edits an exported follow-up spreadsheet as a person would in Excel, with POI. */
public final class WorkbookFiles {

    private WorkbookFiles() {
    }

    /** The file with {@code edit} applied to its first sheet. */
    public static byte[] edit(byte[] xlsx, Consumer<Sheet> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new IllegalArgumentException("no column " + header);
    }

    /** The row of the item (0-based index as POI counts; the spreadsheet shows index + 1). */
    public static Row row(Sheet sheet, long itemId) {
        int id = column(sheet, "Id");
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && (long) row.getCell(id).getNumericCellValue() == itemId) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row for item " + itemId);
    }

    /** Sets the cell under {@code header} in the item's row; returns the spreadsheet's row number. */
    public static int set(Sheet sheet, long itemId, String header, String value) {
        Row row = row(sheet, itemId);
        int column = column(sheet, header);
        Cell old = row.getCell(column);
        // the export writes inline strings, which POI cannot overwrite in place (Excel rewrites them on save)
        var style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        Cell cell = row.createCell(column);
        if (style != null) {
            cell.setCellStyle(style);
        }
        cell.setCellValue(value);
        return row.getRowNum() + 1;
    }
}
