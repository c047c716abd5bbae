package se.uppfoljning.finance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.finance.FinanceTable.Line;
import se.uppfoljning.finance.FinanceTable.LineKind;
import se.uppfoljning.finance.internal.FinanceRepository;
import se.uppfoljning.finance.internal.FinanceWorkbook;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Reads of the finance figures: the summary with the balanced-budget goal and checks, the tables, the import log. */
@Service
@Transactional(readOnly = true)
public class FinanceService {

    static final List<String> CHANGED_RESULTS = List.of("OK");

    private final FinanceRepository repository;
    private final PeriodService periods;
    private final FollowUpService followUp;
    private final Messages messages;
    private final BigDecimal thresholdPercent;
    private final long tolerancePerRow;

    FinanceService(FinanceRepository repository, PeriodService periods, FollowUpService followUp,
                   Messages messages,
                   @Value("${app.finance.balanced-budget-threshold-percent:1}") BigDecimal thresholdPercent,
                   @Value("${app.finance.check-tolerance-per-row:500}") long tolerancePerRow) {
        this.repository = repository;
        this.periods = periods;
        this.followUp = followUp;
        this.messages = messages;
        this.thresholdPercent = thresholdPercent;
        this.tolerancePerRow = tolerancePerRow;
    }

    @Unrestricted("a configured limit; reads nothing")
    public BigDecimal thresholdPercent() {
        return thresholdPercent;
    }

    @Unrestricted("a configured limit; reads nothing")
    public long tolerancePerRow() {
        return tolerancePerRow;
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public FinanceSummary summary(String committeeSlug, String periodSlug) {
        // the context is resolved here, so the committee rule is checked here (the call below is no proxy call)
        CommitteeContext context = periods.context(committeeSlug, periodSlug);
        return summary(context);
    }

    @PreAuthorize("@committeeAccess.member(#context)")
    public FinanceSummary summary(CommitteeContext context) {
        long periodId = context.period().id();
        return summarise(context, repository.levels(context.committee().id()),
                repository.aggregates(periodId, List.of()), repository.summedRows(periodId, List.of()),
                repository.rowCount(periodId));
    }

    /** What the current user may do with the period's finance (for the view: it never asks for roles). */
    @PreAuthorize("@committeeAccess.member(#context)")
    public FinanceRights rights(CommitteeContext context) {
        long committee = context.committee().id();
        return new FinanceRights(CommitteeAccess.holds(committee, Right.IMPORT_FINANCE) && !context.period().isLocked(),
                CommitteeAccess.holds(committee, Right.SEE_FINANCE_FINDINGS));
    }

    @PreAuthorize("@committeeAccess.member(#context)")
    public FinanceOverview overview(CommitteeContext context) {
        FinanceSummary summary = summary(context);
        List<FinanceLevel> levels = repository.levels(context.committee().id());
        return new FinanceOverview(context, summary, levels, tables(context, levels,
                repository.rows(context.period().id())));
    }

    @PreAuthorize("@committeeAccess.member(#context)")
    public List<FinanceImportInfo> imports(CommitteeContext context) {
        return repository.imports(context.period().id());
    }

    @PreAuthorize("@committeeAccess.member(#context)")
    public List<FinanceLevel> levels(CommitteeContext context) {
        return repository.levels(context.committee().id());
    }

    /** Every table of the period as one XLSX workbook (amounts in tkr). */
    @PreAuthorize("@committeeAccess.member(#context)")
    public byte[] exportXlsx(CommitteeContext context) {
        FinanceOverview overview = overview(context);
        return FinanceWorkbook.write(overview.tables(), context.period(),
                this::title, messages::get);
    }

    /** A table's title, e.g. "Kommunledning (ÖKL) – Enhet". */
    @Unrestricted("a title from the bundle; reads nothing")
    public String title(FinanceTable table) {
        String cut = messages.get(table.cut().labelKey());
        return table.cut() == FinanceCut.SUMMARY ? cut + " – " + table.levelName()
                : table.levelName() + " (" + table.levelCode() + ") – " + cut;
    }

    /** Defines (or renames) a budget level of a committee. */
    @Transactional
@PreAuthorize("@committeeAccess.may(#committeeId, 'KEEP_FINANCE')")
    public void defineLevel(long committeeId, String code, String name, int sortOrder) {
        repository.upsertLevel(committeeId, code, name, sortOrder);
    }

    /** The summary of a set of figures (stored, or stored plus an import's rows for a preview). */
    FinanceSummary summarise(CommitteeContext context, List<FinanceLevel> levels, List<FinanceAggregate> aggregates,
                             List<FinanceRow> summedRows, int rowCount) {
        List<LevelTotal> levelTotals = FinanceCalculation.levelTotals(levels, aggregates);
        Figures net = FinanceCalculation.net(aggregates, levelTotals);
        boolean fromSummary = FinanceCalculation.hasSummaryLines(aggregates);
        List<FinanceFinding> findings = FinanceCalculation.checks(aggregates, summedRows, tolerancePerRow, messages);
        var lastChange = repository.latestImport(context.period().id(), CHANGED_RESULTS).orElse(null);
        String goal = followUp.overview(context).rows().stream().filter(FollowUpRow::derivedFromFinance)
                .map(r -> r.number() == null ? r.text() : r.number() + " " + r.text()).findFirst().orElse(null);
        boolean any = rowCount > 0;
        String status = any ? BalancedBudgetRule.status(net.forecast(), net.budget(), thresholdPercent) : null;
        BalancedBudget balanced = new BalancedBudget(goal, status, any ? comment(status) : "", thresholdPercent,
                net.forecast(), net.budget(), net.deviation(), net.deviationPercent(), fromSummary,
                lastChange == null ? null : lastChange.importedAt(), lastChange == null ? null : lastChange.importedBy());
        return new FinanceSummary(net.forecast(), net.budget(), net.deviation(), net.deviationPercent(), fromSummary,
                levelTotals, balanced, findings, rowCount,
                repository.latestImport(context.period().id(), List.of("OK", "UNCHANGED", "REJECTED")).orElse(null));
    }

    String comment(String status) {
        return messages.get(BalancedBudgetRule.MET.equals(status) ? "finance.goal.met" : "finance.goal.notMet",
                FinanceFormat.threshold(thresholdPercent));
    }

    /** The report's tables: the summary, then per level its units, account groups, activities; investments last. */
    List<FinanceTable> tables(CommitteeContext context, List<FinanceLevel> levels, List<FinanceRow> rows) {
        Map<String, Map<FinanceCut, List<FinanceRow>>> byLevel = new LinkedHashMap<>();
        for (FinanceRow row : rows) {
            byLevel.computeIfAbsent(row.levelCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.cut(), k -> new ArrayList<>()).add(row);
        }
        List<String> order = new ArrayList<>();
        order.add(context.committee().code());
        levels.forEach(l -> order.add(l.code()));
        byLevel.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        List<FinanceTable> tables = new ArrayList<>();
        for (FinanceCut cut : List.of(FinanceCut.SUMMARY, FinanceCut.UNIT, FinanceCut.ACCOUNT_GROUP,
                FinanceCut.ACTIVITY, FinanceCut.INVESTMENT)) {
            for (String level : order) {
                List<FinanceRow> cutRows = byLevel.getOrDefault(level, Map.of()).get(cut);
                if (cutRows == null) {
                    continue;
                }
                String name = level.equals(context.committee().code()) ? context.committee().name()
                        : levels.stream().filter(l -> l.code().equals(level)).map(FinanceLevel::name).findFirst()
                        .orElse(level);
                tables.add(new FinanceTable(level, name, cut, lines(level, cutRows),
                        common(cutRows, FinanceRow::rowHeading), common(cutRows, FinanceRow::groupHeading),
                        prevPeriodDate(cutRows)));
            }
        }
        return tables;
    }

    /** The value every row gives, or null when a row gives none or they differ (the heading falls back). */
    private static <T> T common(List<FinanceRow> rows, Function<FinanceRow, T> value) {
        T first = value.apply(rows.get(0));
        return first != null && rows.stream().allMatch(r -> first.equals(value.apply(r))) ? first : null;
    }

    /**
     * The date of the previous year's comparable outcome when every row with such an outcome gives the same date; else
     * null, and the heading says no date ("Utfall samma period fg år"): never a date over figures it is not given for.
     */
    private static LocalDate prevPeriodDate(List<FinanceRow> rows) {
        List<FinanceRow> withOutcome = rows.stream().filter(r -> r.figures().prevPeriodOutcome() != null).toList();
        return withOutcome.isEmpty() ? null : common(withOutcome, FinanceRow::prevPeriodDate);
    }

    private List<Line> lines(String level, List<FinanceRow> rows) {
        Map<String, String> labels = new LinkedHashMap<>();
        String totalLabel = messages.get("finance.table.total", level);
        for (FinanceRow r : rows) {
            if (r.summed()) {
                if (r.groupCode() == null) {
                    totalLabel = r.name();
                } else {
                    labels.put(r.groupCode(), r.name());
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        List<Figures> all = new ArrayList<>();
        List<Figures> group = new ArrayList<>();
        String currentGroup = null;
        for (FinanceRow r : rows) {
            if (r.summed()) {
                continue;
            }
            if (!Objects.equals(currentGroup, r.groupCode())) {
                closeGroup(lines, currentGroup, group, labels);
                currentGroup = r.groupCode();
            }
            lines.add(new Line(LineKind.ROW, r.groupCode(), r.code(), r.name(), r.figures(), r.groupName()));
            group.add(r.figures());
            all.add(r.figures());
        }
        closeGroup(lines, currentGroup, group, labels);
        lines.add(new Line(LineKind.TOTAL, null, "", totalLabel, Figures.sum(all)));
        return lines;
    }

    private void closeGroup(List<Line> lines, String group, List<Figures> figures, Map<String, String> labels) {
        if (group != null && !figures.isEmpty()) {
            lines.add(new Line(LineKind.SUBTOTAL, group, "", labels.getOrDefault(group,
                    messages.get("finance.table.total", group)), Figures.sum(figures)));
        }
        figures.clear();
    }
}
