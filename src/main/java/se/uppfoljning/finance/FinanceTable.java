package se.uppfoljning.finance;

import java.util.List;

/** One table of the report: a level (or the committee, for the summary) in one cut, ready to render. */
public record FinanceTable(String levelCode, String levelName, FinanceCut cut, List<Line> lines) {

    public enum LineKind { ROW, SUBTOTAL, TOTAL }

    /** A row as imported, or a subtotal/total computed from the rows above it. */
    public record Line(LineKind kind, String group, String code, String name, Figures figures) {

        public String label() {
            return code == null || code.isEmpty() ? name : code + " " + name;
        }

        /** As the report prints it: summary lines by name only, other rows as code and name. */
        public String label(FinanceCut cut) {
            return cut == FinanceCut.SUMMARY ? name : label();
        }
    }
}
