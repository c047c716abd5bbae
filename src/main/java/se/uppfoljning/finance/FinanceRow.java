package se.uppfoljning.finance;

import java.time.LocalDate;

/**
 * One imported row. {@code summed} rows are subtotals delivered with the file: never added, only checked. A summed
 * row with a group sums that group's rows; without, all rows of its level and cut.
 * <p>
 * Optional metadata from the file (null when absent), for the report's headings: {@code groupName} the group's name
 * beside its code ("Kommungemensamt Övrigt"), {@code rowHeading} and {@code groupHeading} the ledger's names of what
 * the rows and their groups are ("RN5", "RN2", "KONTOGRUPP SUM"), {@code prevPeriodDate} the end of the period the
 * previous year's comparable outcome covers ("Utfall 230831").
 */
public record FinanceRow(String levelCode, FinanceCut cut, String groupCode, String code, String name, boolean summed,
                         int sortOrder, Figures figures, String groupName, String rowHeading, String groupHeading,
                         LocalDate prevPeriodDate) {

    public FinanceRow(String levelCode, FinanceCut cut, String groupCode, String code, String name, boolean summed,
                      int sortOrder, Figures figures) {
        this(levelCode, cut, groupCode, code, name, summed, sortOrder, figures, null, null, null, null);
    }

    public String key() {
        return levelCode + '\u0000' + cut + '\u0000' + code;
    }
}
