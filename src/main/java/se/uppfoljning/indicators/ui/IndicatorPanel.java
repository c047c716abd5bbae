package se.uppfoljning.indicators.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import se.uppfoljning.base.text.HtmlText;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.indicators.IndicatorDetail;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.IndicatorTarget;
import se.uppfoljning.indicators.KoladaRefresh;
import se.uppfoljning.indicators.MeasuredValue;
import se.uppfoljning.indicators.Numbers;
import se.uppfoljning.indicators.Proposal;
import se.uppfoljning.indicators.TrendChart;
import se.uppfoljning.indicators.ValueChange;
import se.uppfoljning.indicators.ValueHistoryEntry;
import se.uppfoljning.indicators.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An item's target, proposed assessment, values per year (table and SVG chart with the target line) and value
 * history; with {@code editing}, the form to enter a value and "Hämta från Kolada" for those allowed. Shown in the
 * follow-up edit dialog beside the status (the proposal never sets the status) and, read-only, in the row's detail.
 */
public class IndicatorPanel extends Div {

    private final IndicatorService indicators;
    private final String committee;
    private final long itemId;
    private final boolean editing;
    private final Div error = new Div();

    public IndicatorPanel(IndicatorService indicators, String committee, long itemId, boolean editing) {
        this.indicators = indicators;
        this.committee = committee;
        this.itemId = itemId;
        this.editing = editing;
        setId("indicator-panel");
        addClassName("indicator-panel");
        render(indicators.detail(committee, itemId));
    }

    private void render(IndicatorDetail detail) {
        removeAll();
        H3 heading = new H3(getTranslation("indicators.ui.heading"));
        heading.addClassName("indicator-heading");
        add(heading);
        Optional<IndicatorTarget> target = detail.target();
        Paragraph targetLine = new Paragraph(target.map(t -> getTranslation("indicators.ui.target", t.printed()))
                .orElse(getTranslation("indicators.ui.noTarget")));
        targetLine.setId("indicator-target");
        add(targetLine);
        target.filter(IndicatorTarget::linkedToKolada).ifPresent(t -> {
            Paragraph link = new Paragraph(getTranslation("indicators.ui.koladaLink", t.koladaKpi(),
                    t.koladaMunicipality() != null ? t.koladaMunicipality() : t.koladaUnit()));
            link.setId("indicator-kolada-link");
            add(link);
        });

        Proposal proposal = detail.proposal();
        Div proposalBox = new Div();
        proposalBox.setId("indicator-proposal");
        proposalBox.addClassName("indicator-proposal");
        proposalBox.getElement().setAttribute("aria-live", "polite");
        Span label = new Span(getTranslation("indicators.ui.proposal") + ": ");
        label.getStyle().set("font-weight", "600");
        Span status = new Span(proposal.proposes() ? proposal.status() : "–");
        status.setId("indicator-proposal-status");
        Paragraph calculation = new Paragraph(proposal.calculation());
        calculation.setId("indicator-proposal-calculation");
        Paragraph note = new Paragraph(getTranslation("indicators.ui.proposalNote"));
        note.addClassName("entry-meta");
        proposalBox.add(new Paragraph(label, status), calculation, note);
        add(proposalBox);

        add(valuesTable(detail));
        String svg = TrendChart.svg(detail.totals(), target.orElse(null), getTranslation("indicators.ui.chartTitle"),
                target.filter(t -> t.kind().needsValue()).map(t -> getTranslation("indicators.ui.chartTarget",
                        t.printed())).orElse(""),
                detail.fromKolada() ? getTranslation("indicators.source.kolada") : null);
        if (!svg.isEmpty()) {
            Html chart = new Html("<div id=\"indicator-chart\">" + svg + "</div>");
            add(chart);
        }
        if (editing && detail.mayEnterValues()) {
            add(entryForm(detail));
        }
        error.setId("indicator-error");
        error.addClassName("entry-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(error);
        if (!detail.history().isEmpty()) {
            add(history(detail.history()));
        }
    }

    private Html valuesTable(IndicatorDetail detail) {
        if (detail.values().isEmpty()) {
            return new Html("<p id=\"indicator-values\">" + HtmlText.escape(getTranslation("indicators.ui.noValues")) + "</p>");
        }
        StringBuilder html = new StringBuilder("<table id=\"indicator-values\" class=\"indicator-values\"><thead><tr>");
        for (String key : List.of("indicators.ui.year", "indicators.ui.gender", "indicators.ui.value",
                "indicators.ui.preliminary", "indicators.ui.source")) {
            html.append("<th scope=\"col\">").append(HtmlText.escape(getTranslation(key))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (MeasuredValue v : detail.values()) {
            html.append("<tr><td>").append(v.year()).append("</td><td>")
                    .append(HtmlText.escape(getTranslation("indicators.gender." + v.gender()))).append("</td><td>")
                    .append(HtmlText.escape(Numbers.format(v.value()))).append(v.flag() == null ? "" : " (" + HtmlText.escape(v.flag()) + ")")
                    .append("</td><td>").append(v.preliminary() ? HtmlText.escape(getTranslation("indicators.ui.yes")) : "")
                    .append("</td><td>").append(HtmlText.escape(source(v.source())))
                    .append(v.fetchedAt() == null ? "" : ", " + HtmlText.escape(getTranslation("indicators.ui.fetchedAt",
                            ErrorMessages.time(v.fetchedAt()))))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (detail.fromKolada()) {
            html.insert(0, "<div>").append("<p class=\"indicator-credit\">")
                    .append(HtmlText.escape(getTranslation("indicators.source.kolada"))).append("</p></div>");
        }
        return new Html(html.toString());
    }

    private String source(ValueSource source) {
        return source == ValueSource.KOLADA ? getTranslation("indicators.source.kolada")
                : getTranslation("indicators.ui.source." + source.name());
    }

    private HorizontalLayout entryForm(IndicatorDetail detail) {
        IntegerField year = new IntegerField(getTranslation("indicators.ui.year"));
        year.setId("indicator-year");
        year.setValue(indicators.currentYear());
        year.setMin(IndicatorService.MIN_YEAR);
        year.setMax(IndicatorService.MAX_YEAR);
        year.setWidth("7rem");
        TextField value = new TextField(getTranslation("indicators.ui.value"));
        value.setId("indicator-value");
        value.setWidth("8rem");
        Checkbox preliminary = new Checkbox(getTranslation("indicators.ui.preliminary"));
        preliminary.setId("indicator-preliminary");
        Button save = new Button(getTranslation("indicators.ui.saveValue"), e -> saveValue(detail, year, value,
                preliminary));
        save.setId("indicator-save-value");
        HorizontalLayout form = new HorizontalLayout(year, value, preliminary, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        if (detail.target().filter(IndicatorTarget::linkedToKolada).isPresent()) {
            Button fetch = new Button(getTranslation("indicators.ui.fetchKolada"), e -> fetch());
            fetch.setId("indicator-fetch-kolada");
            fetch.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            form.add(fetch);
        }
        return form;
    }

    private void saveValue(IndicatorDetail detail, IntegerField year, TextField value, Checkbox preliminary) {
        if (year.getValue() == null) {
            showError(getTranslation("indicators.error.year", String.valueOf(IndicatorService.MIN_YEAR),
                    String.valueOf(IndicatorService.MAX_YEAR)));
            return;
        }
        BigDecimal number;
        try {
            number = Numbers.parse(value.getValue());
        } catch (NumberFormatException e) {
            showError(getTranslation("indicators.error.valueNotNumber", value.getValue()));
            return;
        }
        int version = detail.values().stream().filter(v -> v.year() == year.getValue() && "T".equals(v.gender()))
                .mapToInt(MeasuredValue::version).findFirst().orElse(0);
        try {
            IndicatorDetail saved = indicators.saveValue(committee, itemId,
                    new ValueChange(year.getValue(), "T", number, preliminary.getValue(), version));
            ErrorMessages.showSuccess(getTranslation("indicators.ui.valueSaved", String.valueOf(year.getValue())));
            render(saved);
        } catch (RuntimeException e) {
            showError(ErrorMessages.describe(this, e));
        }
    }

    private void fetch() {
        try {
            KoladaRefresh r = indicators.refreshItem(committee, itemId);
            ErrorMessages.showSuccess(getTranslation("indicators.ui.fetched", r.added(), r.revised(), r.unchanged()));
            render(indicators.detail(committee, itemId));
        } catch (RuntimeException e) {
            showError(ErrorMessages.describe(this, e));
        }
    }

    private Html history(List<ValueHistoryEntry> history) {
        StringBuilder html = new StringBuilder("<div id=\"indicator-history\"><p><strong>")
                .append(HtmlText.escape(getTranslation("indicators.ui.history"))).append("</strong></p><ul>");
        for (ValueHistoryEntry h : history) {
            html.append("<li>").append(HtmlText.escape(getTranslation("indicators.ui.historyLine", String.valueOf(h.year()),
                    getTranslation("indicators.gender." + h.gender()),
                    h.oldValue() == null ? "–" : Numbers.format(h.oldValue()), Numbers.format(h.newValue())
                            + (h.newPreliminary() ? " (" + getTranslation("indicators.ui.preliminary").toLowerCase(Messages.SWEDISH) + ")" : ""),
                    source(h.source()), h.changedBy(), ErrorMessages.time(h.changedAt())))).append("</li>");
        }
        return new Html(html.append("</ul></div>").toString());
    }

    private void showError(String message) {
        error.removeAll();
        error.add(new Span(message));
        error.setVisible(true);
    }

}
