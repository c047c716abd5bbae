package se.uppfoljning.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a spreadsheet import of measured values did (or would do, in a preview): the rows read, values
 * {@code added}, {@code revised} (the old value stays in the history) and {@code unchanged}, and each row.
 */
public record ValueImport(String fileName, int rows, int added, int revised, int unchanged, List<Line> lines) {

    public ValueImport {
        lines = List.copyOf(lines);
    }

    public enum Outcome { ADDED, REVISED, UNCHANGED }

    /** One row of the file: {@code oldValue} null for a new value. */
    public record Line(int line, String number, int year, String gender, BigDecimal oldValue, BigDecimal newValue,
                       boolean preliminary, Outcome outcome) {
    }
}
