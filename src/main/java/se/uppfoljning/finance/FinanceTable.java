package se.uppfoljning.finance;

import java.time.LocalDate;
import java.util.List;

/**
 * One table of the report: a level (or the committee, for the summary) in one cut, ready to render.
 * {@code rowHeading}, {@code groupHeading}: the ledger's names of what the rows and their groups are ("RN3", "RN2"),
 * when every row of the file's table gives the same (else null: the caller's own heading); {@code prevPeriodDate}: the
 * end of the previous year's comparable period when every row with that outcome gives the same date (else null).
 */
public record FinanceTable(String levelCode, String levelName, FinanceCut cut, List<Line> lines, String rowHeading,
                           String groupHeading, LocalDate prevPeriodDate) {

    public FinanceTable(String levelCode, String levelName, FinanceCut cut, List<Line> lines) {
        this(levelCode, levelName, cut, lines, null, null, null);
    }

    public enum LineKind { ROW, SUBTOTAL, TOTAL }

    /**
     * A row as imported, or a subtotal/total computed from the rows above it; {@code groupName} the row's group's name
     * from the file (a row's only; null otherwise).
     */
    public record Line(LineKind kind, String group, String code, String name, Figures figures, String groupName) {

        public Line(LineKind kind, String group, String code, String name, Figures figures) {
            this(kind, group, code, name, figures, null);
        }

        public String label() {
            return code == null || code.isEmpty() ? name : code + " " + name;
        }

        /** As the report prints it: summary lines by name only, other rows as code and name. */
        public String label(FinanceCut cut) {
            return cut == FinanceCut.SUMMARY ? name : label();
        }

        /** "KGE Kommungemensamt Övrigt": the group's code and name, for a row whose group has a name; else null. */
        public String groupLabel() {
            return kind != LineKind.ROW || group == null || groupName == null ? null : group + " " + groupName;
        }
    }
}
