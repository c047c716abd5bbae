package se.uppfoljning.base.imports;

import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.i18n.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small tabular file (structure import, measures, demo users) read whole through {@link TabularReader}, with the
 * same rules: header and rows, each row with the line (or spreadsheet row) a person would look for. Column names are
 * matched normalised and in lower case. Malformed content is a {@link se.uppfoljning.base.error.ValidationException}
 * with Swedish messages; nothing is half-read.
 */
public record TabularFile(List<String> header, List<Row> rows) {

    /** A data row: its line number and its values by lower-case column name (missing cells are ""). */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** Any file whose first visible sheet (or CSV) has a header. */
    public static TabularFile read(String fileName, byte[] content, long maxBytes) {
        return read(fileName, content, maxBytes, List.of());
    }

    /** The data sheet is the first visible one whose header has {@code requiredColumns} (lower case). */
    public static TabularFile read(String fileName, byte[] content, long maxBytes, List<String> requiredColumns) {
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        TabularReader.read(fileName, content, maxBytes, requiredColumns, new TabularReader.Handler() {
            @Override
            public void header(TabularReader.Header h) {
                header.addAll(h.named());
            }

            @Override
            public boolean row(TabularReader.Row row) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : row.header().named()) {
                    values.putIfAbsent(column, row.get(column));
                }
                rows.add(new Row(row.line(), values));
                return true;
            }
        });
        return new TabularFile(List.copyOf(header), rows);
    }

    public boolean hasColumn(String column) {
        return header.contains(column);
    }

    /** Error details for every required column the header lacks. */
    public List<ErrorDetail> missingColumns(List<String> required) {
        List<ErrorDetail> missing = new ArrayList<>();
        for (String column : required) {
            if (!hasColumn(column)) {
                missing.add(new ErrorDetail(1, column, Messages.text("import.detail.columnMissing")));
            }
        }
        return missing;
    }
}
