package se.uppfoljning.followup.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableBiConsumer;
import elemental.json.Json;
import com.vaadin.flow.component.JsonSerializable;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import org.springframework.web.util.HtmlUtils;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.GridKt._get;

/**
 * The overview's cells as the browser gets them: a column's Lit template, the values a row sends for it, and its
 * buttons pressed the way the browser's {@code @click} does (the renderer's function with the row).
 */
final class OverviewCells {

    private OverviewCells() {
    }

    /** An action button of a row: its accessible name and a press. */
    record Action(String ariaLabel, Runnable press) {
        Optional<String> getAriaLabel() {
            return Optional.ofNullable(ariaLabel);
        }

        void click() {
            press.run();
        }
    }

    @SuppressWarnings("unchecked")
    static LitRenderer<OverviewNode> renderer(FollowUpView view, String column) {
        return (LitRenderer<OverviewNode>) view.grid.getColumnByKey(column).getRenderer();
    }

    static String template(FollowUpView view, String column) {
        try {
            var method = LitRenderer.class.getDeclaredMethod("getTemplateExpression");
            method.setAccessible(true);
            return (String) method.invoke(renderer(view, column));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A value the row sends for the column's template ({@code ${item.c.<property>}}): string, number or true; null
     * when the row leaves it out (the template reads it as empty or false).
     */
    static Object property(FollowUpView view, String column, int index, String property) {
        var cell = (JsonSerializable) renderer(view, column).getValueProviders().get("c").apply(_get(view.grid, index));
        JsonObject json = cell.toJson();
        if (!json.hasKey(property)) {
            return null;
        }
        JsonValue value = json.get(property);
        return switch (value.getType()) {
            case BOOLEAN -> value.asBoolean();
            case NUMBER -> (long) value.asNumber();
            default -> value.asString();
        };
    }

    /** A flag the row sends for the column's template: true, or left out (false). */
    static boolean flag(FollowUpView view, String column, int index, String property) {
        return Boolean.TRUE.equals(property(view, column, index, property));
    }

    @SuppressWarnings("unchecked")
    static void press(FollowUpView view, String column, int index, String function) {
        try {
            var field = LitRenderer.class.getDeclaredField("clientCallables");
            field.setAccessible(true);
            var callables = (Map<String, SerializableBiConsumer<OverviewNode, JsonArray>>) field.get(renderer(view, column));
            callables.get(function).accept(_get(view.grid, index), Json.createArray());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The edit (0) or history (1) button of the row at {@code index}; its accessible name as the browser renders the
     * template's {@code aria-label} with the row's values.
     */
    static Action action(FollowUpView view, int index, int which) {
        String function = which == 0 ? "edit" : "history";
        Matcher button = Pattern.compile("aria-label=\"([^\"]*)\" @click=\\$\\{" + function + "}")
                .matcher(template(view, "actions"));
        if (!button.find()) {
            throw new AssertionError("no " + function + " button with an aria-label in the template");
        }
        Matcher value = Pattern.compile("\\$\\{item\\.c\\.(\\w+)}").matcher(button.group(1));
        StringBuilder label = new StringBuilder();
        while (value.find()) {
            value.appendReplacement(label, Matcher.quoteReplacement(
                    String.valueOf(property(view, "actions", index, value.group(1)))));
        }
        value.appendTail(label);
        String text = HtmlUtils.htmlUnescape(label.toString());
        return new Action(text, () -> press(view, "actions", index, function));
    }
}
