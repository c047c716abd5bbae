package se.uppfoljning.finance.internal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.uppfoljning.finance.FinanceColumns;
import se.uppfoljning.finance.FinanceColumns.Column;
import se.uppfoljning.finance.FinanceFormat;
import se.uppfoljning.finance.FinanceTable;
import se.uppfoljning.periods.ReportingPeriod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Every finance table as a sheet of one XLSX workbook, amounts in tkr as the report shows them. */
public final class FinanceWorkbook {

    private FinanceWorkbook() {
    }

    public static byte[] write(List<FinanceTable> tables, ReportingPeriod period, Function<FinanceTable, String> title,
                               FinanceColumns.Text text) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("# ##0;-# ##0"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0\" %\""));
            Set<String> names = new HashSet<>();
            for (FinanceTable table : tables) {
                Sheet sheet = workbook.createSheet(sheetName(title.apply(table), names));
                List<Column> columns = FinanceColumns.columns(table.cut(), period, table.prevPeriodDate(), text);
                Row heading = sheet.createRow(0);
                heading.createCell(0).setCellValue(title.apply(table) + " – " + text.get("finance.amountsInTkr"));
                heading.getCell(0).setCellStyle(bold);
                Row header = sheet.createRow(1);
                header.createCell(0).setCellValue(FinanceColumns.rowHeader(table.cut(), text));
                for (int c = 0; c < columns.size(); c++) {
                    header.createCell(c + 1).setCellValue(columns.get(c).header());
                    header.getCell(c + 1).setCellStyle(bold);
                }
                int r = 2;
                for (FinanceTable.Line line : table.lines()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(line.label(table.cut()));
                    for (int c = 0; c < columns.size(); c++) {
                        Object value = columns.get(c).value().apply(line.figures());
                        if (value instanceof Long kronor) {
                            row.createCell(c + 1).setCellValue(FinanceFormat.toTkr(kronor));
                            row.getCell(c + 1).setCellStyle(amount);
                        } else if (value instanceof BigDecimal p) {
                            row.createCell(c + 1).setCellValue(p.setScale(0, RoundingMode.HALF_UP).doubleValue());
                            row.getCell(c + 1).setCellStyle(percent);
                        }
                    }
                    if (line.kind() != FinanceTable.LineKind.ROW) {
                        row.getCell(0).setCellStyle(bold);
                    }
                }
                sheet.setColumnWidth(0, 40 * 256);
                for (int c = 1; c <= columns.size(); c++) {
                    sheet.setColumnWidth(c, 16 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(String title, Set<String> used) {
        String base = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase()); i++) {
            name = base + " " + i;
        }
        return name;
    }
}
