package se.uppfoljning.finance;

/**
 * One imported row. {@code summed} rows are subtotals delivered with the file: never added, only checked. A summed
 * row with a group sums that group's rows; without, all rows of its level and cut.
 */
public record FinanceRow(String levelCode, FinanceCut cut, String groupCode, String code, String name, boolean summed,
                         int sortOrder, Figures figures) {

    public String key() {
        return levelCode + '\u0000' + cut + '\u0000' + code;
    }
}
