package se.uppfoljning.report.internal;

import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Block;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.finance.Figures;
import se.uppfoljning.finance.FinanceColumns;
import se.uppfoljning.finance.FinanceCut;
import se.uppfoljning.finance.FinanceFormat;
import se.uppfoljning.finance.FinanceTable;
import se.uppfoljning.finance.FinanceTable.Line;
import se.uppfoljning.finance.FinanceTable.LineKind;
import se.uppfoljning.periods.ReportingPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The report's finance tables in the seed's layout, from the finance feature's tables (rows as imported, subtotals and
 * totals computed from exact kronor): amounts in tkr, subtotal and total rows in bold, column headings from the
 * period (year, end date, month) through the translation bundle's {@code report.column.*} keys.
 * <p>
 * Consumption ("Förb i %") follows the seed: outcome ÷ budget to date in whole percent; {@code 0 %} when the budget
 * to date is zero (the ledger's convention, as in 3.1's "KGT" and 3.3's "9300"); empty when the share is beyond
 * ±999 % (a tiny budget to date says nothing: the seed prints nothing for "KGFC1" 158 ÷ -2).
 */
public final class ReportTables {

    /** Width of the first (label) column in percent; the amount columns share the rest. */
    private static final int LABEL_WIDTH = 26;
    /** The group and label columns together, in a table with a group column. */
    private static final int GROUPED_LABEL_WIDTH = 36;
    private static final BigDecimal MAX_SHOWN_PERCENT = BigDecimal.valueOf(999.5);

    private ReportTables() {
    }

    /** The summary table (Nettoredovisning), with the unit row "Belopp i tkr" under the headings as in the seed. */
    public static List<Block> summary(List<FinanceTable> tables, ReportingPeriod period, FinanceColumns.Text text) {
        List<Block> blocks = new ArrayList<>();
        for (FinanceTable t : tables) {
            if (t.cut() == FinanceCut.SUMMARY) {
                blocks.add(table(FinanceCut.SUMMARY, List.of(t), period, text, null, true));
            }
        }
        return blocks;
    }

    /**
     * The levels' tables of a cut as one table (units, account groups, activities): each level's rows, subtotals and
     * total in turn, then – for more than one level – their sum, "Summa ÖKF ÖKG". Investments: one table per level.
     * A level without figures in the cut is left out.
     */
    public static List<Block> cut(List<FinanceTable> tables, FinanceCut cut, List<String> levels, ReportingPeriod period,
                                  FinanceColumns.Text text) {
        List<FinanceTable> chosen = new ArrayList<>();
        for (String level : levels) {
            tables.stream().filter(t -> t.cut() == cut && t.levelCode().equals(level)).findFirst().ifPresent(chosen::add);
        }
        if (chosen.isEmpty()) {
            return List.of(new AppendixDocument.Paragraph(List.of(
                    new AppendixDocument.Run(text.get("report.doc.noFigures", String.join(" ", levels)), true))));
        }
        if (cut == FinanceCut.INVESTMENT) {
            return chosen.stream().map(t -> (Block) table(cut, List.of(t), period, text, null, false)).toList();
        }
        String total = chosen.size() > 1 ? text.get("report.doc.total", String.join(" ",
                chosen.stream().map(FinanceTable::levelCode).toList())) : null;
        return List.of(table(cut, chosen, period, text, total, false));
    }

    /**
     * Headings from the figures where the file gives them (docs/finance-import.md): the first column's from the rows'
     * {@code rubrik} ("RN3", "KONTOGRUPP SUM"), a column of the rows' groups ("KGE Kommungemensamt Övrigt", headed by
     * {@code grupp_rubrik}, "RN2") when the rows' groups have names, and the summary's "Utfall 230831" from the date of
     * the previous year's outcome. Without them the bundle's headings ("Ansvar", "Utfall samma period fg år").
     */
    private static AppendixDocument.Table table(FinanceCut cut, List<FinanceTable> tables, ReportingPeriod period,
                                                FinanceColumns.Text text, String totalLabel, boolean unitRow) {
        List<FinanceColumns.Column> columns = FinanceColumns.columns(cut, period,
                common(tables, FinanceTable::prevPeriodDate), text);
        boolean groups = tables.stream().flatMap(t -> t.lines().stream()).anyMatch(l -> l.groupLabel() != null);
        int labelWidth = groups ? GROUPED_LABEL_WIDTH : LABEL_WIDTH;
        int width = (100 - labelWidth) / columns.size();
        List<Column> headers = new ArrayList<>();
        String rowHeading = common(tables, FinanceTable::rowHeading);
        String rowHeader = rowHeading != null ? rowHeading : FinanceColumns.rowHeader(cut, text);
        if (groups) {
            String groupHeading = common(tables, FinanceTable::groupHeading);
            int groupWidth = (100 - width * columns.size()) * 4 / 9;
            headers.add(new Column(groupHeading != null ? groupHeading : text.get("report.column.group"), groupWidth));
            headers.add(new Column(rowHeader, 100 - width * columns.size() - groupWidth));
        } else {
            headers.add(new Column(rowHeader, 100 - width * columns.size()));
        }
        columns.forEach(c -> headers.add(new Column(c.header(), width)));
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> strong = new HashSet<>();
        if (unitRow) {
            List<String> unit = new ArrayList<>();
            unit.add(text.get("report.doc.amountsInTkr"));
            if (groups) {
                unit.add("");
            }
            columns.forEach(c -> unit.add(""));
            rows.add(unit);
        }
        Figures sum = Figures.ZERO;
        for (FinanceTable t : tables) {
            for (Line line : t.lines()) {
                if (line.kind() != LineKind.ROW) {
                    strong.add(rows.size());
                }
                if (line.kind() == LineKind.TOTAL) {
                    sum = sum.plus(line.figures());
                }
                rows.add(row(groups ? Objects.requireNonNullElse(line.groupLabel(), "") : null, line.label(cut), line.figures(), columns));
            }
        }
        if (totalLabel != null) {
            strong.add(rows.size());
            rows.add(row(groups ? "" : null, totalLabel, sum, columns));
        }
        return AppendixDocument.amounts(headers, rows, strong, groups ? 2 : 1);
    }

    /** The value all the tables give, or null when one gives none or they differ. */
    private static <T> T common(List<FinanceTable> tables, Function<FinanceTable, T> value) {
        T first = value.apply(tables.get(0));
        return first != null && tables.stream().allMatch(t -> first.equals(value.apply(t))) ? first : null;
    }

    /** {@code group}: the group column's cell ("" on sums), or null for a table without that column. */
    private static List<String> row(String group, String label, Figures figures, List<FinanceColumns.Column> columns) {
        List<String> cells = new ArrayList<>();
        if (group != null) {
            cells.add(group);
        }
        cells.add(label);
        for (FinanceColumns.Column c : columns) {
            cells.add(c.id().equals("consumption") ? consumption(figures) : c.display(figures));
        }
        return cells;
    }

    /** The seed's rule for "Förb i %" (see the class comment). */
    static String consumption(Figures f) {
        if (f.budgetToDate() == null) {
            return "";
        }
        if (f.budgetToDate() == 0) {
            return FinanceFormat.percent(BigDecimal.ZERO);
        }
        // rounded once, from the exact kronor (rounding Figures' one-decimal share again would make 1,46 % print 2 %)
        BigDecimal percent = BigDecimal.valueOf(f.outcomeToDate()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(f.budgetToDate()), 0, RoundingMode.HALF_UP);
        return percent.abs().compareTo(MAX_SHOWN_PERCENT) > 0 ? "" : FinanceFormat.percent(percent);
    }

    /**
     * A table of amounts entered as data: the section's Markdown table, first row the headings, each further row a
     * label and a whole number of tkr ("2 620"). Throws IllegalArgumentException naming the row when an amount is not
     * a whole number.
     */
    public static AppendixDocument.Table amounts(List<List<String>> table) {
        if (table.size() < 1 || table.get(0).size() != 2) {
            throw new IllegalArgumentException("header");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> row = table.get(i);
            rows.add(List.of(row.get(0), FinanceFormat.tkr(parseTkr(row.size() > 1 ? row.get(1) : "", i) * 1000)));
        }
        return AppendixDocument.amounts(List.of(new Column(table.get(0).get(0), 75), new Column(table.get(0).get(1), 25)),
                rows, Set.of());
    }

    /** "2 620" (any kind of space as thousands separator, − or - as minus) as 2620; else IllegalArgumentException. */
    public static long parseTkr(String cell, int row) {
        String digits = cell.replaceAll("[\\s\\u00a0\\u202f]", "").replace('\u2212', '-');
        if (!digits.matches("-?\\d{1,15}")) {
            throw new IllegalArgumentException(String.valueOf(row));
        }
        return Long.parseLong(digits);
    }
}
