package se.uppfoljning.indicators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.IndicatorStatus;
import se.uppfoljning.indicators.KoladaRefresh;
import se.uppfoljning.indicators.Numbers;

import java.util.Map;
import java.util.Optional;

/**
 * The hooks other features' views use to show indicators: the panel for an item (goals and indicators only) and the
 * secretariat's "Hämta alla från Kolada".
 */
@org.springframework.stereotype.Component
public class IndicatorPanels {

    private final IndicatorService indicators;

    IndicatorPanels(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** The panel of a goal or indicator; empty for an assignment. {@code editing}: with the entry form. */
    public Optional<Component> forItem(String committee, long itemId, boolean editing) {
        if (!indicators.isMeasurable(committee, itemId)) {
            return Optional.empty();
        }
        return Optional.of(new IndicatorPanel(indicators, committee, itemId, editing));
    }

    /**
     * For Framsteg: the goals and indicators whose latest value misses their target, by name ({@code names}: item id
     * → printed text, the rows shown; others are left out), with value, year and target; "Källa: Kolada" when one
     * of the values came from Kolada.
     */
    public Component missesTarget(String committee, Map<Long, String> names) {
        Div block = new Div();
        block.setId("progress-indicators-missing");
        var misses = indicators.statuses(committee).values().stream()
                .filter(s -> s.missesTarget() && names.containsKey(s.itemId())).toList();
        block.add(new H4(block.getTranslation("indicators.ui.missesHeading")));
        if (misses.isEmpty()) {
            Paragraph none = new Paragraph(
                    block.getTranslation("indicators.ui.missesNone"));
            none.addClassName("empty-state");
            block.add(none);
            return block;
        }
        var list = new UnorderedList();
        for (var s : misses) {
            list.add(new ListItem(block.getTranslation("indicators.ui.missesLine",
                    names.get(s.itemId()), Numbers.format(s.latestValue()),
                    s.latestYear() + (s.preliminary() ? ", " + block.getTranslation("indicators.ui.preliminary")
                            .toLowerCase(Messages.SWEDISH) : ""), s.target())));
        }
        block.add(list);
        if (misses.stream().anyMatch(IndicatorStatus::fromKolada)) {
            block.add(new Paragraph(block.getTranslation("indicators.source.kolada")));
        }
        return block;
    }

    /**
     * "Importera mätvärden" for the committee's secretariat and officials (each row is checked against who may enter
     * the item's values); {@code planYear}: the year whose item numbers the file uses; {@code afterwards} runs after an
     * import.
     */
    public Optional<Component> importValuesButton(long committeeId, String committee, int planYear,
                                                  Runnable afterwards) {
        if (!indicators.rights(committeeId).mayImportValues()) {
            return Optional.empty();
        }
        Button button = new Button();
        button.setText(button.getTranslation("indicators.import.open"));
        button.setId("indicators-import-values");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(e -> new ValueImportDialog(indicators, committee, planYear, afterwards).open());
        return Optional.of(button);
    }

    /** "Hämta alla från Kolada" for the committee's secretariat; {@code afterwards} runs after a fetch. */
    public Optional<Component> refreshAllButton(long committeeId, String committee, Runnable afterwards) {
        if (!indicators.rights(committeeId).mayRefreshFromKolada()) {
            return Optional.empty();
        }
        Button button = new Button();
        button.setText(button.getTranslation("indicators.ui.fetchKoladaAll"));
        button.setId("indicators-fetch-all");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(e -> {
            try {
                KoladaRefresh r = indicators.refreshCommittee(committee);
                ErrorMessages.showSuccess(button.getTranslation("indicators.ui.fetched", r.added(), r.revised(),
                        r.unchanged()));
                afterwards.run();
            } catch (RuntimeException ex) {
                ErrorMessages.showError(ErrorMessages.describe(button, ex));
            }
        });
        return Optional.of(button);
    }
}
