package se.uppfoljning.structure.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.structure.ItemForm;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.structure.StrategicArea;
import se.uppfoljning.structure.StrategicGoal;
import se.uppfoljning.structure.StructureItem;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.indicators.IndicatorTarget;
import se.uppfoljning.indicators.Numbers;
import se.uppfoljning.indicators.TargetInput;
import se.uppfoljning.indicators.TargetKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Adds or edits a goal, indicator or assignment; the service's validation messages appear at their fields. */
class ItemDialog extends Dialog {

    final Select<ItemKind> kind = new Select<>();
    final ComboBox<StrategicGoal> goal = new ComboBox<>();
    final ComboBox<StrategicArea> area = new ComboBox<>();
    final TextField number = new TextField();
    final TextArea text = new TextArea();
    final TextField target = new TextField();
    final ComboBox<Department> owner = new ComboBox<>();
    final IntegerField year = new IntegerField();
    final Checkbox carriedOver = new Checkbox();
    final Checkbox derived = new Checkbox();
    final Select<TargetKind> targetKind = new Select<>();
    final TextField targetValue = new TextField();
    final TextField targetUnit = new TextField();
    final IntegerField comparisonYear = new IntegerField();
    final Button save = new Button();
    /** The target's version as read (0: none), so a save over someone else's change is refused. */
    private final int targetVersion;

    ItemDialog(StructureItem item, Optional<IndicatorTarget> storedTarget, int defaultYear, List<StrategicGoal> goals,
               List<StrategicArea> areas, List<Department> departments, Consumer<ItemForm> onSave) {
        setId("item-dialog");
        setHeaderTitle(getTranslation(item == null ? "structure.newItem" : "structure.editItem"));
        setWidth("min(44rem, 95vw)");

        kind.setId("item-kind");
        kind.setLabel(getTranslation("filter.kind"));
        kind.setItems(ItemKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.name()));
        goal.setId("item-goal");
        goal.setLabel(getTranslation("structure.strategicGoal"));
        goal.setItems(goals);
        goal.setItemLabelGenerator(StrategicGoal::heading);
        area.setId("item-area");
        area.setLabel(getTranslation("filter.area"));
        area.setItems(areas);
        area.setItemLabelGenerator(StrategicArea::name);
        number.setId("item-number");
        number.setLabel(getTranslation("structure.number"));
        number.setPlaceholder("14.2");
        text.setId("item-text");
        text.setLabel(getTranslation("structure.text"));
        target.setId("item-target");
        target.setLabel(getTranslation("structure.target"));
        owner.setId("item-owner");
        owner.setLabel(getTranslation("grid.owner"));
        owner.setItems(departments);
        owner.setItemLabelGenerator(Department::name);
        year.setId("item-year");
        year.setLabel(getTranslation("structure.planYear"));
        carriedOver.setId("item-carried");
        carriedOver.setLabel(getTranslation("structure.carriedOver"));
        derived.setId("item-derived");
        derived.setLabel(getTranslation("structure.derived"));

        targetKind.setId("item-target-kind");
        targetKind.setLabel(getTranslation("structure.targetKind"));
        targetKind.setItems(TargetKind.values());
        // the empty choice is rendered through the generator too
        targetKind.setItemLabelGenerator(k -> k == null ? getTranslation("structure.targetKind.none") : k.word());
        targetKind.setEmptySelectionCaption(getTranslation("structure.targetKind.none"));
        // a recorded target is changed, never dropped here ("inget målvärde" says there is none)
        targetKind.setEmptySelectionAllowed(storedTarget.isEmpty());
        targetValue.setId("item-target-value");
        targetValue.setLabel(getTranslation("structure.targetValue"));
        targetValue.setPlaceholder("3,45");
        targetUnit.setId("item-target-unit");
        targetUnit.setLabel(getTranslation("structure.targetUnit"));
        comparisonYear.setId("item-comparison-year");
        comparisonYear.setLabel(getTranslation("structure.comparisonYear"));
        comparisonYear.setHelperText(getTranslation("structure.comparisonYear.help"));
        targetKind.addValueChangeListener(e -> showTargetFieldsFor(e.getValue()));
        targetVersion = storedTarget.map(IndicatorTarget::version).orElse(0);
        storedTarget.ifPresent(t -> {
            targetKind.setValue(t.kind());
            targetValue.setValue(t.value() == null ? "" : Numbers.format(t.value()).replace("\u00a0", ""));
            targetUnit.setValue(t.unit() == null ? "" : t.unit());
            comparisonYear.setValue(t.comparisonYear());
        });
        showTargetFieldsFor(targetKind.getValue());

        kind.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        if (item == null) {
            kind.setValue(ItemKind.COMMITTEE_GOAL);
            year.setValue(defaultYear);
        } else {
            kind.setValue(item.kind());
            goals.stream().filter(g -> item.strategicGoalId() != null && g.id() == item.strategicGoalId()).findFirst().ifPresent(goal::setValue);
            areas.stream().filter(a -> a.id() == item.areaId()).findFirst().ifPresent(area::setValue);
            number.setValue(item.number() == null ? "" : item.number());
            text.setValue(item.text());
            target.setValue(item.targetText() == null ? "" : item.targetText());
            departments.stream().filter(d -> item.departmentId() != null && d.id() == item.departmentId()).findFirst().ifPresent(owner::setValue);
            year.setValue(item.planYear());
            carriedOver.setValue(item.carriedOver());
            derived.setValue(item.derivedFromFinance());
        }
        showFieldsFor(kind.getValue());

        FormLayout form = new FormLayout(kind, goal, area, number, text, target, targetKind, targetValue, targetUnit,
                comparisonYear, owner, year, carriedOver, derived);
        form.setColspan(text, 2);
        form.setColspan(goal, 2);
        add(form);

        save.setText(getTranslation("action.save"));
        save.setId("item-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            clearErrors();
            try {
                onSave.accept(new ItemForm(kind.getValue(), goal.getValue() == null ? null : goal.getValue().id(),
                        area.getValue() == null ? null : area.getValue().id(), number.getValue(), text.getValue(),
                        target.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                        year.getValue() == null ? 0 : year.getValue(), carriedOver.getValue(), derived.getValue(),
                        targetInput(), targetVersion));
                close();
            } catch (ValidationException ex) {
                showErrors(ex.details());
            } catch (RuntimeException ex) {
                ErrorMessages.showError(ErrorMessages.describe(this, ex));
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    /** The target fields as typed; a value the kind has no use for (hidden) is not sent. */
    private TargetInput targetInput() {
        TargetKind k = targetKind.getValue();
        if (k == null) {
            return TargetInput.NONE;
        }
        return new TargetInput(k.word(), k.needsValue() ? targetValue.getValue() : null,
                k != TargetKind.NONE ? targetUnit.getValue() : null,
                k.comparesYears() && comparisonYear.getValue() != null ? String.valueOf(comparisonYear.getValue())
                        : k.comparesYears() && comparisonYear.isInvalid() ? "?" : null);
    }

    private void showTargetFieldsFor(TargetKind k) {
        targetValue.setVisible(k != null && k.needsValue());
        targetUnit.setVisible(k != null && k != TargetKind.NONE);
        comparisonYear.setVisible(k != null && k.comparesYears());
    }

    private void showFieldsFor(ItemKind value) {
        boolean assignment = value == ItemKind.ASSIGNMENT;
        targetKind.setVisible(!assignment);
        if (assignment) {
            targetValue.setVisible(false);
            targetUnit.setVisible(false);
            comparisonYear.setVisible(false);
        } else {
            showTargetFieldsFor(targetKind.getValue());
        }
        goal.setVisible(!assignment);
        number.setVisible(!assignment);
        derived.setVisible(!assignment);
        area.setVisible(assignment);
        carriedOver.setVisible(assignment);
    }

    private Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("typ", kind), Map.entry("strategiskt_mal", goal), Map.entry("omrade", area),
                Map.entry("nummer", number), Map.entry("text", text), Map.entry("agare", owner), Map.entry("ar", year),
                Map.entry(TargetInput.COLUMN_KIND, targetKind), Map.entry(TargetInput.COLUMN_VALUE, targetValue),
                Map.entry(TargetInput.COLUMN_UNIT, targetUnit), Map.entry(TargetInput.COLUMN_YEAR, comparisonYear));
    }

    private void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
    }

    private void showErrors(List<ErrorDetail> details) {
        for (ErrorDetail detail : details) {
            HasValidation field = fields().get(detail.column());
            if (field != null) {
                field.setErrorMessage(detail.message());
                field.setInvalid(true);
            } else {
                ErrorMessages.showError(detail.message());
            }
        }
    }
}
