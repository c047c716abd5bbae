package se.uppfoljning.finance.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.StatusBadge;
import se.uppfoljning.base.ui.SwedishComponents;
import se.uppfoljning.finance.BalancedBudget;
import se.uppfoljning.finance.BalancedBudgetRule;
import se.uppfoljning.finance.FinanceColumns;
import se.uppfoljning.finance.FinanceColumns.Column;
import se.uppfoljning.finance.FinanceCut;
import se.uppfoljning.finance.FinanceFinding;
import se.uppfoljning.finance.FinanceFormat;
import se.uppfoljning.finance.FinanceImportResult;
import se.uppfoljning.finance.FinanceImportService;
import se.uppfoljning.finance.FinanceOverview;
import se.uppfoljning.finance.FinanceService;
import se.uppfoljning.finance.FinanceSummary;
import se.uppfoljning.finance.FinanceTable;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finance for everyone in the committee: the balanced-budget goal with its calculation, the checks' findings, the
 * report's tables with computed columns, a chart of the deviation per unit, and an XLSX export. Controllers also get
 * the import: upload → preview of what changes → confirm.
 */
@Route(value = "ekonomi", layout = MainLayout.class)
@PermitAll
public class FinanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String NEGATIVE_COLOUR = "var(--lumo-error-text-color)";

    private final FinanceService finance;
    private final FinanceImportService financeImport;
    private final SelectedContext selected;
    private CommitteeContext context;
    private final Div importArea = new Div();
    private String pendingName;
    private byte[] pendingContent;

    public FinanceView(FinanceService finance, FinanceImportService financeImport, SelectedContext selected) {
        this.finance = finance;
        this.financeImport = financeImport;
        this.selected = selected;
        addClassName("finance-view");
        importArea.setId("import-area");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("finance.title") + " – " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // a link may open one cut's tab and one level's table (?snitt=enhet&niva=ÖKL), e.g. from the report's preview
        var parameters = event.getLocation().getQueryParameters().getParameters();
        shownCut = parameters.getOrDefault("snitt", List.of()).stream().findFirst()
                .flatMap(FinanceCut::fromFile).orElse(null);
        shownLevel = parameters.getOrDefault("niva", List.of()).stream().findFirst().orElse(null);
        render();
    }

    private FinanceCut shownCut;
    private String shownLevel;

    private void render() {
        removeAll();
        var current = selected.current();
        if (current.isEmpty()) {
            add(new H2(getTranslation("followUp.noCommittee")));
            return;
        }
        context = current.get();
        FinanceOverview overview = finance.overview(context);
        H2 title = new H2(getTranslation("finance.title"));
        title.setId("view-title");
        add(title, new Paragraph(context.committee().name() + " · " + context.period().name() + " · "
                + getTranslation("finance.amountsInTkr")));
        boolean hasFigures = overview.summary().balancedBudget().status() != null;
        add(balancedBudget(overview.summary()));
        // a decided period is a locked record: no upload offered there
        if (finance.rights(context).mayImport()) {
            add(importSection());
        }
        if (!hasFigures) {
            return;
        }
        add(findings(overview.summary().findings()));
        Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = finance.exportXlsx(context);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "ekonomi-" + context.committee().slug() + "-"
                    + context.period().slug() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), getTranslation("finance.export"));
        export.setId("export-xlsx");
        add(export);
        Paragraph legend = new Paragraph(getTranslation("finance.legend"));
        legend.setId("finance-legend");
        add(legend);
        // one tab per cut (summary, unit, account group, activity, investments) instead of one long page
        TabSheet tabs = new TabSheet();
        tabs.setId("finance-tabs");
        tabs.setWidthFull();
        Map<FinanceCut, Div> pages = new LinkedHashMap<>();
        for (FinanceTable table : overview.tables()) {
            Div page = pages.computeIfAbsent(table.cut(), cut -> {
                Div p = new Div();
                p.addClassName("finance-tab");
                if (cut == FinanceCut.UNIT) {
                    p.add(chart(overview)); // the chart beside the tables it draws
                }
                return p;
            });
            page.add(table(table));
        }
        pages.forEach((cut, page) -> {
            long count = overview.tables().stream().filter(t -> t.cut() == cut).count();
            var tab = tabs.add(getTranslation("finance.tab", getTranslation(cut.labelKey()), count), page);
            tab.setId("finance-tab-" + cut.fileName());
            if (cut == shownCut) {
                tabs.setSelectedTab(tab);
                if (shownLevel != null) {
                    page.getChildren().filter(c -> c.getId().orElse("").equals("table-" + shownLevel + "-" + cut.fileName()))
                            .findFirst().ifPresent(c -> c.scrollIntoView());
                }
            }
        });
        add(tabs);
    }

    private Section balancedBudget(FinanceSummary summary) {
        BalancedBudget b = summary.balancedBudget();
        Section section = new Section();
        section.setId("balanced-budget");
        section.addClassName("finance-summary");
        section.add(new H3(b.goal() == null || b.goal().isBlank() ? getTranslation("finance.goal.headingPlain")
                : getTranslation("finance.goal.heading", b.goal())));
        if (b.status() == null) {
            Paragraph none = new Paragraph(getTranslation(context.period().isLocked() ? "finance.noFigures"
                    : "finance.noFigures.open"));
            none.setId("finance-no-figures");
            none.addClassName("empty-state");
            section.add(none);
            // a way to the latest decided period, which has its figures
            selected.periods(context.committee()).stream().filter(p -> p.isLocked()).findFirst().ifPresent(p -> {
                Anchor decided = new Anchor("ekonomi?namnd=" + context.committee().slug() + "&period=" + p.slug(),
                        getTranslation("finance.showDecided", p.name()));
                decided.setId("finance-show-decided");
                section.add(decided);
            });
            return section;
        }
        Span badge = StatusBadge.of(b.status(), BalancedBudgetRule.MET.equals(b.status()) ? "success" : "error", "");
        badge.setId("balanced-status");
        Paragraph comment = new Paragraph(b.comment());
        comment.setId("balanced-comment");
        section.add(badge, comment);
        boolean met = BalancedBudgetRule.MET.equals(b.status());
        Div picture = new Div(new Html("<div>" + BudgetPicture.svg(b.forecast(), b.budget(), b.thresholdPercent(), met,
                getTranslation("finance.picture.budget"), getTranslation("finance.picture.forecast"),
                getTranslation("finance.picture.limit"),
                getTranslation("finance.picture.description", FinanceFormat.tkr(b.budget()),
                        FinanceFormat.tkr(b.forecast()), FinanceFormat.threshold(b.thresholdPercent()))) + "</div>"));
        picture.setId("balanced-picture");
        section.add(picture);
        UnorderedList calc = new UnorderedList();
        calc.setId("balanced-calculation");
        calc.add(new ListItem(getTranslation("finance.calc.forecast", FinanceFormat.tkr(b.forecast()))));
        calc.add(new ListItem(getTranslation("finance.calc.budget", FinanceFormat.tkr(b.budget()))));
        calc.add(new ListItem(getTranslation("finance.calc.deviation", FinanceFormat.tkr(b.deviation()),
                FinanceFormat.mnkr(b.deviation()))));
        calc.add(new ListItem(getTranslation("finance.calc.percent", FinanceFormat.percent1(b.deviationPercent()))));
        calc.add(new ListItem(getTranslation("finance.calc.threshold", FinanceFormat.threshold(b.thresholdPercent()))));
        calc.add(new ListItem(getTranslation(b.fromSummaryLines() ? "finance.calc.fromSummary" : "finance.calc.fromLevels")));
        if (b.loadedAt() != null) {
            calc.add(new ListItem(getTranslation("finance.calc.loaded", ErrorMessages.time(b.loadedAt()), b.loadedBy())));
        }
        section.add(calc);
        return section;
    }

    private Section importSection() {
        Section section = new Section();
        section.setId("finance-import");
        section.add(new H3(getTranslation("finance.import.heading")));
        section.add(new Paragraph(getTranslation("finance.import.help")));
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) ->
                ui.access(() -> previewFile(metadata.fileName(), data))));
        upload.setId("finance-upload");
        SwedishComponents.upload(upload);
        Button choose = new Button(getTranslation("finance.import.choose"));
        choose.setId("finance-upload-button");
        upload.setUploadButton(choose);
        upload.setDropLabel(new Span(getTranslation("finance.import.drop")));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) financeImport.maxBytes());
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        importArea.removeAll();
        section.add(upload, importArea);
        return section;
    }

    /** Shows what the file would change; nothing is written until the controller confirms. */
    void previewFile(String fileName, byte[] content) {
        importArea.removeAll();
        pendingName = null;
        pendingContent = null;
        FinanceImportResult preview;
        try {
            preview = financeImport.preview(context, fileName, content);
        } catch (DomainException e) {
            Paragraph error = new Paragraph(ErrorMessages.describe(this, e));
            error.setId("import-error");
            error.getStyle().set("color", NEGATIVE_COLOUR);
            importArea.add(error);
            return;
        }
        pendingName = fileName;
        pendingContent = content;
        Div box = new Div();
        box.setId("import-preview");
        box.add(new H3(getTranslation("finance.preview.heading", fileName)));
        UnorderedList list = new UnorderedList();
        list.add(new ListItem(getTranslation("finance.preview.rows", String.valueOf(preview.rows()),
                String.join(", ", preview.levels()))));
        list.add(new ListItem(getTranslation("finance.preview.changes", String.valueOf(preview.added()),
                String.valueOf(preview.changed()), String.valueOf(preview.removed()))));
        list.add(new ListItem(getTranslation("finance.preview.net", FinanceFormat.tkr(preview.netDeviation()),
                FinanceFormat.percent1(preview.deviationPercent()))));
        ListItem goal = new ListItem(getTranslation("finance.preview.goal", preview.goalStatus()));
        goal.setId("preview-goal-status");
        list.add(goal);
        preview.notes().forEach(n -> list.add(new ListItem(n)));
        box.add(list);
        if (!preview.warnings().isEmpty()) {
            box.add(findingList(preview.warnings()));
        }
        Button confirm = new Button(getTranslation("finance.import.confirm"), e -> confirm());
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("finance.import.cancel"), e -> importArea.removeAll());
        cancel.setId("import-cancel");
        box.add(new HorizontalLayout(confirm, cancel));
        importArea.add(box);
    }

    private void confirm() {
        if (pendingContent == null) {
            return;
        }
        try {
            FinanceImportResult result = financeImport.importFile(context, pendingName, pendingContent);
            ErrorMessages.showSuccess(getTranslation(result.unchanged() ? "finance.import.unchanged" : "finance.import.done",
                    String.valueOf(result.rows()), result.goalStatus()));
            render();
        } catch (DomainException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
    }

    /** Controllers (and the secretariat) see each finding; others whether the figures are consistent. */
    private Section findings(List<FinanceFinding> findings) {
        boolean checksFigures = finance.rights(context).maySeeFindings();
        if (!checksFigures) {
            Section section = new Section();
            section.setId("finance-findings");
            Paragraph consistent = new Paragraph(getTranslation(findings.isEmpty() ? "finance.consistent"
                    : "finance.inconsistent", String.valueOf(findings.size())));
            consistent.setId("finance-consistent");
            section.add(consistent);
            return section;
        }
        return findingList(findings);
    }

    private Section findingList(List<FinanceFinding> findings) {
        Section section = new Section();
        section.setId("finance-findings");
        section.add(new H3(getTranslation("finance.findings.heading", String.valueOf(findings.size()))));
        if (findings.isEmpty()) {
            section.add(new Paragraph(getTranslation("finance.findings.none")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        findings.forEach(f -> list.add(new ListItem(f.message())));
        section.add(list);
        return section;
    }

    private Section table(FinanceTable table) {
        Section section = new Section();
        String id = "table-" + table.levelCode() + "-" + table.cut().fileName();
        section.setId(id);
        String title = finance.title(table);
        section.add(new H3(title));
        List<Column> columns = FinanceColumns.columns(table.cut(), context.period(), table.prevPeriodDate(),
                this::getTranslation);
        boolean grouped = table.lines().stream().anyMatch(l -> l.group() != null);
        NativeTable html = new NativeTable();
        html.getStyle().set("border-collapse", "collapse").set("font-variant-numeric", "tabular-nums");
        html.getElement().setAttribute("aria-label", title);
        NativeTableRow header = new NativeTableRow();
        if (grouped) {
            header.add(new NativeTableHeaderCell(getTranslation("finance.column.group")));
        }
        header.add(new NativeTableHeaderCell(FinanceColumns.rowHeader(table.cut(), this::getTranslation)));
        columns.forEach(c -> header.add(new NativeTableHeaderCell(c.header())));
        html.getHead().add(header);
        NativeTableBody body = html.addBody();
        for (FinanceTable.Line line : table.lines()) {
            NativeTableRow row = new NativeTableRow();
            boolean sum = line.kind() != FinanceTable.LineKind.ROW;
            if (grouped) {
                row.add(cell(line.kind() == FinanceTable.LineKind.ROW && line.group() != null ? line.group() : "", false));
            }
            NativeTableCell label = cell(line.label(table.cut()), false);
            row.add(label);
            for (Column c : columns) {
                NativeTableCell cell = cell(c.display(line.figures()), true);
                if (c.isNegative(line.figures())) {
                    cell.setText(cell.getText() + " ▼");
                    cell.getElement().setAttribute("title", getTranslation("finance.negative"));
                    cell.getStyle().set("color", NEGATIVE_COLOUR);
                    cell.addClassName("negative");
                }
                row.add(cell);
            }
            if (sum) {
                row.getStyle().set("font-weight", "bold").set("border-top", "1px solid var(--lumo-contrast-30pct)");
            }
            body.add(row);
        }
        Div scroll = new Div(html);
        scroll.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        section.add(scroll);
        return section;
    }

    private static NativeTableCell cell(String text, boolean number) {
        NativeTableCell cell = new NativeTableCell(text);
        cell.getStyle().set("padding", "2px 8px");
        if (number) {
            cell.getStyle().set("text-align", "right").set("white-space", "nowrap");
        }
        return cell;
    }

    private Section chart(FinanceOverview overview) {
        Section section = new Section();
        section.setId("deviation-chart");
        String title = getTranslation("finance.chart.title");
        section.add(new H3(title));
        List<DeviationChart.Bar> bars = new ArrayList<>();
        overview.tables().stream().filter(t -> t.cut() == FinanceCut.UNIT)
                .forEach(t -> t.lines().stream().filter(l -> l.kind() == FinanceTable.LineKind.ROW)
                        .forEach(l -> bars.add(new DeviationChart.Bar(t.levelCode() + " " + l.label(),
                                l.figures().deviation()))));
        if (bars.isEmpty()) {
            section.add(new Paragraph(getTranslation("finance.noFigures")));
            return section;
        }
        section.add(new Html("<div>" + DeviationChart.svg(title, bars) + "</div>"));
        return section;
    }
}
