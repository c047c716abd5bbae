package se.uppfoljning.base.ui;

import com.vaadin.flow.component.html.Span;

/** A status as text in a Lumo badge; the colour only repeats what the text says. */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static Span of(String label, String tone, String notAssessedText) {
        Span badge = new Span(label == null ? notAssessedText : label);
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(label == null ? "contrast" : tone);
        badge.addClassName("status-badge");
        return badge;
    }
}
