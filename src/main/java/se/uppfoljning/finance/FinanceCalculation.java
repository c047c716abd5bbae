package se.uppfoljning.finance;

import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.finance.Figures.Measure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Totals, the net figures behind the balanced-budget goal, and the checks, computed from aggregates (so the same
 * code serves the stored figures and an import's preview).
 */
public final class FinanceCalculation {

    /** The measures the checks compare; optional ones only where the file gives them. */
    static final List<Measure> CHECKED = List.of(Measure.PREV_PERIOD_OUTCOME, Measure.PREV_YEAR_CLOSED,
            Measure.OUTCOME_TO_DATE, Measure.BUDGET_TO_DATE, Measure.ORIGINAL_BUDGET, Measure.FORECAST, Measure.BUDGET);
    private static final List<FinanceCut> LEVEL_TOTAL_ORDER = List.of(FinanceCut.UNIT, FinanceCut.ACCOUNT_GROUP,
            FinanceCut.ACTIVITY);

    private FinanceCalculation() {
    }

    /** Per level its total, in the order of the defined levels, then levels found only in the figures. */
    public static List<LevelTotal> levelTotals(List<FinanceLevel> levels, List<FinanceAggregate> aggregates) {
        Set<String> codes = new LinkedHashSet<>();
        levels.forEach(l -> codes.add(l.code()));
        aggregates.stream().filter(a -> a.cut() != FinanceCut.SUMMARY).forEach(a -> codes.add(a.level()));
        List<LevelTotal> totals = new ArrayList<>();
        for (String code : codes) {
            String name = levels.stream().filter(l -> l.code().equals(code)).map(FinanceLevel::name).findFirst()
                    .orElse(code);
            for (FinanceCut cut : LEVEL_TOTAL_ORDER) {
                FinanceAggregate total = FinanceAggregate.total(aggregates, code, cut);
                if (total != null) {
                    totals.add(new LevelTotal(code, name, total.sums()));
                    break;
                }
            }
        }
        return totals;
    }

    /** Net figures: the summary lines when present, else the sum of the levels. */
    public static Figures net(List<FinanceAggregate> aggregates, List<LevelTotal> levelTotals) {
        List<Figures> summary = aggregates.stream().filter(a -> a.cut() == FinanceCut.SUMMARY)
                .map(FinanceAggregate::sums).toList();
        if (!summary.isEmpty()) {
            return Figures.sum(summary);
        }
        return Figures.sum(levelTotals.stream().map(LevelTotal::figures).toList());
    }

    public static boolean hasSummaryLines(List<FinanceAggregate> aggregates) {
        return aggregates.stream().anyMatch(a -> a.cut() == FinanceCut.SUMMARY);
    }

    /**
     * The checks: the operating cuts of each level have equal totals, and every summed row equals the sum of what
     * it sums. Tolerance per summed row (rounded sources): a sum of n rows may be off by n × tolerance.
     */
    public static List<FinanceFinding> checks(List<FinanceAggregate> aggregates, List<FinanceRow> summedRows,
                                              long tolerancePerRow, Messages messages) {
        List<FinanceFinding> findings = new ArrayList<>();
        Set<String> levels = new LinkedHashSet<>();
        aggregates.stream().filter(a -> a.cut().isOperatingCut()).forEach(a -> levels.add(a.level()));
        for (String level : levels) {
            FinanceAggregate reference = null;
            for (FinanceCut cut : LEVEL_TOTAL_ORDER) {
                FinanceAggregate total = FinanceAggregate.total(aggregates, level, cut);
                if (total == null) {
                    continue;
                }
                if (reference == null) {
                    reference = total;
                    continue;
                }
                long tolerance = tolerancePerRow * (reference.count() + total.count());
                for (Measure m : List.of(Measure.PREV_YEAR_CLOSED, Measure.OUTCOME_TO_DATE, Measure.BUDGET_TO_DATE,
                        Measure.FORECAST, Measure.BUDGET)) {
                    long expected = reference.sums().value(m);
                    long found = total.sums().value(m);
                    if (Math.abs(expected - found) > tolerance) {
                        findings.add(new FinanceFinding(level, cut, null, messages.get(m.labelKey()), expected, found,
                                tolerance, messages.get("finance.finding.cutTotals", level,
                                messages.get(cut.labelKey()), messages.get(reference.cut().labelKey()),
                                messages.get(m.labelKey()), FinanceFormat.tkr(expected),
                                FinanceFormat.tkr(found), FinanceFormat.tkr(found - expected))));
                    }
                }
            }
        }
        for (FinanceRow row : summedRows) {
            FinanceAggregate members = row.groupCode() == null
                    ? FinanceAggregate.total(aggregates, row.levelCode(), row.cut())
                    : FinanceAggregate.group(aggregates, row.levelCode(), row.cut(), row.groupCode());
            // the row's name as printed ("Summa ÖKG"); its code (S:ÖKG) only where there is no name
            String rowLabel = row.name() == null || row.name().isBlank() ? row.code() : row.name();
            if (members == null) {
                findings.add(new FinanceFinding(row.levelCode(), row.cut(), rowLabel, null, 0, 0, 0,
                        messages.get("finance.finding.nothingToSum", row.levelCode(),
                                messages.get(row.cut().labelKey()), rowLabel)));
                continue;
            }
            long tolerance = tolerancePerRow * members.count();
            for (Measure m : CHECKED) {
                if (isMissing(row.figures(), m)) {
                    continue;
                }
                long expected = members.sums().value(m);
                long found = row.figures().value(m);
                if (Math.abs(expected - found) > tolerance) {
                    findings.add(new FinanceFinding(row.levelCode(), row.cut(), rowLabel, messages.get(m.labelKey()),
                            expected, found, tolerance, messages.get("finance.finding.summedRow", row.levelCode(),
                            messages.get(row.cut().labelKey()), rowLabel, messages.get(m.labelKey()),
                            FinanceFormat.tkr(expected), FinanceFormat.tkr(found),
                            FinanceFormat.tkr(found - expected))));
                }
            }
        }
        return findings;
    }

    private static boolean isMissing(Figures f, Measure m) {
        return switch (m) {
            case PREV_PERIOD_OUTCOME -> f.prevPeriodOutcome() == null;
            case BUDGET_TO_DATE -> f.budgetToDate() == null;
            case ORIGINAL_BUDGET -> f.originalBudget() == null;
            default -> false;
        };
    }
}
