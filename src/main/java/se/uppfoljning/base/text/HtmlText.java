package se.uppfoljning.base.text;

import org.springframework.web.util.HtmlUtils;

/**
 * Text placed into HTML or SVG markup the application writes itself (Framsteg's areas, the finance charts, the
 * indicators' trend picture): escaped by Spring's {@link HtmlUtils} – {@code < > & " '} as character references, the
 * rest left as UTF-8 – so no user's text becomes markup. {@code null} is the empty text. The documents' XHTML has its
 * own escaping ({@code appendix/internal/HtmlRenderer}: it also replaces control characters XML cannot hold).
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} safe inside an element or a quoted attribute; "" for {@code null}. */
    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
