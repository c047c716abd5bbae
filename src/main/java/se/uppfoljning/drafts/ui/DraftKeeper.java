package se.uppfoljning.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.uppfoljning.base.text.SwedishFormat;
import se.uppfoljning.drafts.Draft;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps an edit dialog's typed text as the user's server-side draft while they type, and offers an earlier draft when
 * the dialog opens: "Osparat utkast från 14:32 – Återställ / Släng". Text fields should send their value while the
 * user types ({@link com.vaadin.flow.data.value.ValueChangeMode#TIMEOUT}), so that at most the last second is
 * not kept. Values equal to the saved ones remove the draft.
 */
public final class DraftKeeper {

    private static final Logger log = LoggerFactory.getLogger(DraftKeeper.class);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final DraftService drafts;
    private final DraftKey key;
    private final Map<String, Binding<?>> fields = new LinkedHashMap<>();
    private final Map<String, String> saved = new LinkedHashMap<>();
    private final List<Registration> listeners = new ArrayList<>();

    /** A field and how its value is written as draft text and read back. */
    private record Binding<T>(HasValue<?, T> field, Function<T, String> toText, Function<String, T> fromText) {
        String text() {
            T value = field.getValue();
            return value == null ? "" : toText.apply(value);
        }

        void restore(String text) {
            field.setValue(fromText.apply(text));
        }
    }

    public DraftKeeper(DraftService drafts, DraftKey key) {
        this.drafts = drafts;
        this.key = key;
    }

    /** Registers a text field; its current value is taken as the saved one. */
    public DraftKeeper field(String name, HasValue<?, String> field) {
        return field(name, field, Function.identity(), Function.identity());
    }

    /** Registers a date field (kept as an ISO date); its current value is taken as the saved one. */
    public DraftKeeper dateField(String name, HasValue<?, LocalDate> field) {
        return field(name, field, LocalDate::toString, text -> {
            try {
                return text.isEmpty() ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        });
    }

    private <T> DraftKeeper field(String name, HasValue<?, T> field, Function<T, String> toText,
                                  Function<String, T> fromText) {
        Binding<T> binding = new Binding<>(field, toText, fromText);
        fields.put(name, binding);
        saved.put(name, binding.text());
        listeners.add(field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                keep();
            }
        }));
        return this;
    }

    /** Stops keeping drafts from the fields (for fields that outlive this keeper, such as a form in a view). */
    public void detach() {
        listeners.forEach(Registration::remove);
        listeners.clear();
    }

    /** Writes the fields' values as the draft now (or removes it when they equal the saved values). */
    public void keep() {
        Map<String, String> values = values();
        try {
            if (values.equals(saved)) {
                drafts.discard(key);
            } else {
                drafts.keep(key, values);
            }
        } catch (RuntimeException e) {
            // a draft is a safety net: failing to keep one must never stop the user typing or saving
            log.warn("Utkastet kunde inte sparas: {}", e.toString());
        }
    }

    /** Removes the draft (after the entry is saved). */
    public void discard() {
        drafts.discard(key);
    }

    /**
     * The offer of an earlier draft that differs from what the dialog shows, or empty: a bar with the draft's time,
     * "Återställ" (puts the draft's text into the fields; nothing is saved until the user saves) and "Släng".
     */
    public Optional<Component> offer() {
        Optional<Draft> draft = drafts.find(key);
        if (draft.isEmpty() || draft.get().fields().equals(values())) {
            return Optional.empty();
        }
        Div bar = new Div();
        bar.setId("draft-offer");
        bar.addClassName("draft-offer");
        bar.getElement().setAttribute("role", "status");
        Span text = new Span(bar.getTranslation("draft.offer", time(draft.get())));
        text.setId("draft-offer-text");
        Button restore = new Button(bar.getTranslation("draft.restore"), e -> {
            fields.forEach((name, binding) -> binding.restore(draft.get().field(name)));
            bar.setVisible(false);
        });
        restore.setId("draft-restore");
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button(bar.getTranslation("draft.discard"), e -> {
            drafts.discard(key);
            bar.setVisible(false);
        });
        discard.setId("draft-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        bar.add(text, restore, discard);
        return Optional.of(bar);
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, binding) -> values.put(name, binding.text()));
        return values;
    }

    /** "14:32" today, "2024-09-12 14:32" another day (Swedish time). */
    private static String time(Draft draft) {
        var at = draft.savedAt().atZoneSameInstant(SWEDEN);
        return at.toLocalDate().equals(LocalDate.now(SWEDEN)) ? at.format(SwedishFormat.TIME)
                : at.format(SwedishFormat.DATE_TIME);
    }
}
