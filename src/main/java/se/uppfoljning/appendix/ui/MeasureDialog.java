package se.uppfoljning.appendix.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import se.uppfoljning.drafts.ui.DraftKeeper;
import se.uppfoljning.measures.Measure;
import se.uppfoljning.measures.Mnkr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Adds or edits a measure of Bilaga 1. Effects are typed in mnkr with at most one decimal ("5,8") and stored as
 * whole kronor; an effect left as shown keeps its exact stored value. A refused save keeps the dialog open.
 */
class MeasureDialog extends Dialog {

    private static final Pattern MNKR = Pattern.compile("-?\\d{1,6}([,.]\\d)?");

    final TextArea description = new TextArea();
    final TextField decision = new TextField();
    final TextField diaryNumber = new TextField();
    final TextField forecastEffect = new TextField();
    final TextField totalEffect = new TextField();
    final TextField achievedEffect = new TextField();
    final TextField expectedEffect = new TextField();
    final TextArea comment = new TextArea();
    final Div error = new Div();
    final Button save = new Button();
    private final Measure original;

    /** Saves the measure; returns the refusal's text, or empty when saved. */
    interface SaveHandler extends Function<Measure, Optional<String>> {
    }

    /** {@code drafts} (may be null) keeps the typed text while the user types and offers an earlier draft. */
    MeasureDialog(Measure measure, SaveHandler handler, DraftKeeper drafts) {
        this.original = measure;
        setId("measure-dialog");
        setHeaderTitle(measure == null ? getTranslation("measures.dialog.new")
                : getTranslation("measures.dialog.edit", String.valueOf(measure.number())));
        setWidth("min(48rem, 95vw)");

        description.setId("measure-description");
        description.setLabel(getTranslation("measures.description"));
        description.setRequiredIndicatorVisible(true);
        description.setErrorMessage(getTranslation("measures.error.descriptionRequired"));
        decision.setId("measure-decision");
        decision.setLabel(getTranslation("measures.decision"));
        diaryNumber.setId("measure-diary-number");
        diaryNumber.setLabel(getTranslation("measures.diaryNumber"));
        amount(forecastEffect, "measure-forecast", "measures.forecastEffect");
        amount(totalEffect, "measure-total", "measures.totalEffect");
        amount(achievedEffect, "measure-achieved", "measures.achievedEffect");
        expectedEffect.setId("measure-expected");
        expectedEffect.setLabel(getTranslation("measures.expectedEffect"));
        comment.setId("measure-comment");
        comment.setLabel(getTranslation("measures.comment"));
        comment.setMinHeight("8rem");

        if (measure != null) {
            description.setValue(text(measure.description()));
            decision.setValue(text(measure.decision()));
            diaryNumber.setValue(text(measure.diaryNumber()));
            forecastEffect.setValue(shown(measure.forecastEffect()));
            totalEffect.setValue(shown(measure.totalEffect()));
            achievedEffect.setValue(shown(measure.achievedEffect()));
            expectedEffect.setValue(text(measure.expectedEffect()));
            comment.setValue(text(measure.comment()));
        }

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 3));
        form.add(description, 3);
        form.add(decision, diaryNumber, expectedEffect);
        form.add(forecastEffect, totalEffect, achievedEffect);
        form.add(comment, 3);
        error.setId("measure-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassName("entry-error");
        error.setVisible(false);
        add(form, error);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("measure-cancel");
        save.setText(getTranslation("action.save"));
        save.setId("measure-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> read().flatMap(handler).ifPresentOrElse(this::showError, () -> {
            if (!error.isVisible() && !hasInvalidField()) {
                close();
            }
        }));
        getFooter().add(cancel, save);

        if (drafts != null) {
            // every field reaches the server (and the draft) a second after the user stops typing
            for (var field : List.of(description, comment)) {
                field.setValueChangeMode(ValueChangeMode.TIMEOUT);
                field.setValueChangeTimeout(1000);
            }
            for (var field : List.of(decision, diaryNumber, forecastEffect, totalEffect, achievedEffect,
                    expectedEffect)) {
                field.setValueChangeMode(ValueChangeMode.TIMEOUT);
                field.setValueChangeTimeout(1000);
            }
            drafts.field("description", description).field("decision", decision).field("diaryNumber", diaryNumber)
                    .field("forecastEffect", forecastEffect).field("totalEffect", totalEffect)
                    .field("achievedEffect", achievedEffect).field("expectedEffect", expectedEffect)
                    .field("comment", comment);
            drafts.offer().ifPresent(offer -> addComponentAtIndex(0, offer));
        }
    }

    private void amount(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setErrorMessage(getTranslation("measures.error.oneDecimal"));
        field.setAllowedCharPattern("[0-9,.\\-]");
    }

    /** The measure as typed, or empty (with the fields marked) when something is wrong. */
    private Optional<Measure> read() {
        error.setVisible(false);
        boolean valid = !description.getValue().isBlank();
        description.setInvalid(!valid);
        Long forecast = kronor(forecastEffect, original == null ? null : original.forecastEffect());
        Long total = kronor(totalEffect, original == null ? null : original.totalEffect());
        Long achieved = kronor(achievedEffect, original == null ? null : original.achievedEffect());
        if (!valid || hasInvalidField()) {
            return Optional.empty();
        }
        return Optional.of(new Measure(original == null ? 0 : original.id(), original == null ? 0 : original.number(),
                description.getValue(), decision.getValue(), diaryNumber.getValue(), forecast, total, achieved,
                expectedEffect.getValue(), comment.getValue()));
    }

    private boolean hasInvalidField() {
        return description.isInvalid() || forecastEffect.isInvalid() || totalEffect.isInvalid() || achievedEffect.isInvalid();
    }

    /** The typed mnkr as kronor; the stored kronor when the field still shows them; null when blank. */
    private static Long kronor(TextField field, Long stored) {
        String value = field.getValue().replace(" ", "").replace('\u00a0', ' ').strip();
        field.setInvalid(false);
        if (value.isEmpty()) {
            return null;
        }
        if (!MNKR.matcher(value).matches()) {
            field.setInvalid(true);
            return null;
        }
        if (stored != null && value.equals(shown(stored))) {
            return stored;
        }
        return Mnkr.toKronor(new BigDecimal(value.replace(',', '.')));
    }

    private static String shown(Long kronor) {
        return kronor == null ? "" : Mnkr.toMnkr(kronor).toPlainString().replace('.', ',');
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private void showError(String message) {
        error.removeAll();
        error.add(new Span(message));
        error.setVisible(true);
    }
}
