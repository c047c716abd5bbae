package se.uppfoljning.followup.spreadsheet;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.uppfoljning.followup.StatusOption;
import se.uppfoljning.structure.StatusScale;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the follow-up spreadsheet with POI's streaming workbook (constant memory, fast for thousands of rows):
 * one sheet in report order, bold frozen header, auto filter, wrapped text, grey "do not edit" id and version
 * columns, and a drop-down of the row's status scale (goal or assignment) fed by a hidden sheet of labels.
 */
public final class FollowUpWorkbookWriter {

    /** One row of the sheet; {@code status} is the label or null when not assessed. */
    public record Line(long id, String area, String goal, String kind, String number, String text, String owner,
                       StatusScale scale, String status, String comment, int version, String ready,
                       BigDecimal latestValue, Integer latestYear, String target, String valueSource) {

        /** A row without indicator values. */
        public Line(long id, String area, String goal, String kind, String number, String text, String owner,
                    StatusScale scale, String status, String comment, int version, String ready) {
            this(id, area, goal, kind, number, text, owner, scale, status, comment, version, ready, null, null, null,
                    null);
        }
    }

    /** The document's metadata: title, the period marker and the texts of the sheet. */
    public record Meta(String title, String periodMarker, String sheetName, String listSheetName,
                       String statusErrorTitle, String statusErrorText, String doNotEdit) {
    }

    private static final String LIST_NAME_GOAL = "StatusMal";
    private static final String LIST_NAME_ASSIGNMENT = "StatusUppdrag";

    private FollowUpWorkbookWriter() {
    }

    public static void write(List<Line> lines, List<StatusOption> statuses, Meta meta, Function<String, String> text,
                             OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            var properties = workbook.getXSSFWorkbook().getProperties();
            properties.getCoreProperties().setTitle(meta.title());
            properties.getCoreProperties().setCreator("Uppföljning");
            properties.getCoreProperties().getUnderlyingProperties().setLanguageProperty("sv-SE");
            properties.getCustomProperties().addProperty(FollowUpSheet.PERIOD_PROPERTY, meta.periodMarker());

            SXSSFSheet sheet = workbook.createSheet(meta.sheetName());
            SXSSFSheet lists = workbook.createSheet(meta.listSheetName());
            Map<StatusScale, String> listNames = writeStatusLists(workbook, lists, statuses);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);

            Styles styles = new Styles(workbook);
            FollowUpSheet[] columns = FollowUpSheet.values();
            Row header = sheet.createRow(0);
            for (FollowUpSheet column : columns) {
                var cell = header.createCell(column.ordinal());
                cell.setCellValue(column.header(text));
                cell.setCellStyle(column.doNotEdit() ? styles.headerDoNotEdit : styles.header);
                sheet.setColumnWidth(column.ordinal(), column.width() * 256);
                if (column.doNotEdit()) {
                    cell.setCellComment(note(workbook, sheet, column.ordinal(), meta.doNotEdit()));
                }
            }
            sheet.createFreezePane(0, 1);

            Map<StatusScale, CellRangeAddressList> statusCells = new EnumMap<>(StatusScale.class);
            int r = 1;
            int runStart = 1;
            StatusScale runScale = null;
            for (Line line : lines) {
                if (line.scale() != runScale) {
                    addRun(statusCells, runScale, runStart, r - 1);
                    runScale = line.scale();
                    runStart = r;
                }
                Row row = sheet.createRow(r++);
                number(row, FollowUpSheet.ID, line.id(), styles.doNotEdit);
                text(row, FollowUpSheet.AREA, line.area(), styles.wrap);
                text(row, FollowUpSheet.GOAL, line.goal(), styles.wrap);
                text(row, FollowUpSheet.KIND, line.kind(), styles.top);
                text(row, FollowUpSheet.NUMBER, line.number(), styles.top);
                text(row, FollowUpSheet.TEXT, line.text(), styles.wrap);
                text(row, FollowUpSheet.OWNER, line.owner(), styles.wrap);
                text(row, FollowUpSheet.STATUS, line.status(), styles.top);
                text(row, FollowUpSheet.COMMENT, line.comment(), styles.wrap);
                number(row, FollowUpSheet.VERSION, line.version(), styles.doNotEdit);
                text(row, FollowUpSheet.READY, line.ready(), styles.doNotEdit);
                if (line.latestValue() != null) {
                    // a spreadsheet number for sorting and sums; the exact value is in the application
                    row.createCell(FollowUpSheet.LATEST_VALUE.ordinal()).setCellValue(line.latestValue().doubleValue());
                    row.getCell(FollowUpSheet.LATEST_VALUE.ordinal()).setCellStyle(styles.doNotEdit);
                    number(row, FollowUpSheet.LATEST_YEAR, line.latestYear(), styles.doNotEdit);
                }
                text(row, FollowUpSheet.TARGET, line.target(), styles.doNotEdit);
                text(row, FollowUpSheet.VALUE_SOURCE, line.valueSource(), styles.doNotEdit);
            }
            addRun(statusCells, runScale, runStart, r - 1);
            if (r > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, columns.length - 1));
            }
            DataValidationHelper helper = sheet.getDataValidationHelper();
            statusCells.forEach((scale, cells) -> {
                String listName = listNames.get(scale);
                if (listName == null) {
                    return;
                }
                DataValidationConstraint constraint = helper.createFormulaListConstraint(listName);
                DataValidation validation = helper.createValidation(constraint, cells);
                validation.setEmptyCellAllowed(true);
                validation.setShowErrorBox(true);
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                validation.createErrorBox(meta.statusErrorTitle(), meta.statusErrorText());
                validation.setSuppressDropDownArrow(true); // in XSSF "true" shows the arrow
                sheet.addValidationData(validation);
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // temporary files are already removed by dispose()
            }
        }
    }

    private static Comment note(SXSSFWorkbook workbook, SXSSFSheet sheet, int column, String text) {
        var helper = workbook.getCreationHelper();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(column);
        anchor.setCol2(column + 3);
        anchor.setRow1(0);
        anchor.setRow2(3);
        Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor("Uppföljning");
        return comment;
    }

    private static void addRun(Map<StatusScale, CellRangeAddressList> cells, StatusScale scale, int first, int last) {
        if (scale != null && last >= first) {
            cells.computeIfAbsent(scale, s -> new CellRangeAddressList())
                    .addCellRangeAddress(first, FollowUpSheet.STATUS.ordinal(), last, FollowUpSheet.STATUS.ordinal());
        }
    }

    /** Column A: the goal scale, column B: the assignment scale; each a workbook name for the validation. */
    private static Map<StatusScale, String> writeStatusLists(SXSSFWorkbook workbook, SXSSFSheet lists,
                                                             List<StatusOption> statuses) {
        Map<StatusScale, String> names = new EnumMap<>(StatusScale.class);
        List<String> goal = statuses.stream().filter(s -> s.scale() == StatusScale.GOAL).map(StatusOption::label).toList();
        List<String> assignment = statuses.stream().filter(s -> s.scale() == StatusScale.ASSIGNMENT)
                .map(StatusOption::label).toList();
        for (int i = 0; i < Math.max(goal.size(), assignment.size()); i++) {
            Row row = lists.createRow(i);
            if (i < goal.size()) {
                row.createCell(0).setCellValue(goal.get(i));
            }
            if (i < assignment.size()) {
                row.createCell(1).setCellValue(assignment.get(i));
            }
        }
        String sheetRef = "'" + lists.getSheetName().replace("'", "''") + "'!";
        if (!goal.isEmpty()) {
            Name name = workbook.createName();
            name.setNameName(LIST_NAME_GOAL);
            name.setRefersToFormula(sheetRef + "$A$1:$A$" + goal.size());
            names.put(StatusScale.GOAL, LIST_NAME_GOAL);
        }
        if (!assignment.isEmpty()) {
            Name name = workbook.createName();
            name.setNameName(LIST_NAME_ASSIGNMENT);
            name.setRefersToFormula(sheetRef + "$B$1:$B$" + assignment.size());
            names.put(StatusScale.ASSIGNMENT, LIST_NAME_ASSIGNMENT);
        }
        return names;
    }

    private static void text(Row row, FollowUpSheet column, String value, CellStyle style) {
        var cell = row.createCell(column.ordinal());
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, FollowUpSheet column, long value, CellStyle style) {
        var cell = row.createCell(column.ordinal());
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle headerDoNotEdit;
        final CellStyle doNotEdit;
        final CellStyle wrap;
        final CellStyle top;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            headerDoNotEdit = workbook.createCellStyle();
            headerDoNotEdit.cloneStyleFrom(header);
            grey(headerDoNotEdit);
            doNotEdit = workbook.createCellStyle();
            doNotEdit.setVerticalAlignment(VerticalAlignment.TOP);
            grey(doNotEdit);
            Font greyText = workbook.createFont();
            greyText.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
            doNotEdit.setFont(greyText);
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            top = workbook.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static void grey(CellStyle style) {
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
