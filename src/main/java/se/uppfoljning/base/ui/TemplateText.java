package se.uppfoljning.base.ui;

import org.springframework.web.util.HtmlUtils;

/** Fixed texts (translations) written into a {@code LitRenderer} template, which is sent to the browser once per grid. */
public final class TemplateText {

    private TemplateText() {
    }

    /**
     * The text escaped as HTML, with nothing left that could end the template literal or open an expression
     * (back-tick, dollar, backslash), for element content or a double-quoted attribute.
     */
    public static String of(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8").replace("`", "&#96;").replace("$", "&#36;")
                .replace("\\", "&#92;");
    }
}
