package se.uppfoljning.followup.spreadsheet;

import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.TabularReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads an edited follow-up spreadsheet through {@link TabularReader} (streamed; the first visible sheet with the
 * columns, found by their header in any order; formulas as their values; texts normalised): the values of the
 * columns the import uses, each row with the number the spreadsheet shows. Anything but a readable XLSX is a
 * {@link ValidationException}.
 */
public final class FollowUpWorkbookReader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** What the reader's "column missing" details start with, with or without the sheet's name. */
    private static final String MISSING_COLUMN = Messages.text("import.detail.columnMissing").replaceAll("\\.$", "");

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
        String periodMarker = TabularReader.customProperty(content, FollowUpSheet.PERIOD_PROPERTY);
        Map<FollowUpSheet, String> names = new EnumMap<>(FollowUpSheet.class);
        for (FollowUpSheet column : FollowUpSheet.values()) {
            names.put(column, TabularReader.columnName(column.header(text)));
        }
        List<String> required = FollowUpSheet.REQUIRED.stream().map(names::get).toList();
        List<Line> lines = new ArrayList<>();
        try {
            TabularReader.read("", content, maxBytes, required, row -> {
                lines.add(new Line(row.line(), row.get(names.get(FollowUpSheet.ID)),
                        row.get(names.get(FollowUpSheet.STATUS)), row.get(names.get(FollowUpSheet.COMMENT)),
                        row.get(names.get(FollowUpSheet.VERSION))));
                return true;
            });
        } catch (ValidationException e) {
            if (!e.messageKey().equals("import.error.invalid") && !e.messageKey().equals("import.error.noDataSheet")
                    || e.details().stream().noneMatch(d -> d.message().startsWith(MISSING_COLUMN))) {
                throw e;
            }
            // no sheet with the columns: the service names them
            List<FollowUpSheet> missing = FollowUpSheet.REQUIRED.stream().filter(c -> e.details().stream()
                    .anyMatch(d -> names.get(c).equals(d.column()))).toList();
            return new Content(missing, periodMarker, List.of());
        }
        return new Content(List.of(), periodMarker, lines);
    }

}
