package se.uppfoljning.base.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.ErrorDetail;

import se.uppfoljning.base.text.SwedishFormat.Style;
import se.uppfoljning.base.text.SwedishFormat;

import java.time.LocalDate;
import java.util.Locale;

/** The translation bundle (vaadin-i18n/translations*.properties) for code outside Vaadin components. */
@Component
public class Messages {

    public static final Locale SWEDISH = SwedishFormat.SWEDISH;

    /**
     * The same bundle, read as Spring Boot reads it for the bean ({@code spring.messages.*} in application.properties),
     * for static code that has no bean at hand: the file readers in base and the parsers they feed.
     */
    private static final ResourceBundleMessageSource BUNDLE = bundle();

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... arguments) {
        return source.getMessage(key, arguments, SWEDISH);
    }

    /** The bundle's text for static code, formatted as {@link #get} formats it. Unknown key → exception. */
    public static String text(String key, Object... arguments) {
        return BUNDLE.getMessage(key, arguments, SWEDISH);
    }

    /** A finding with where it is: "Rad 4, typ: Okänd typ …", "Rad 4: …", or only the message. */
    public static String describe(ErrorDetail detail) {
        if (detail.line() == null) {
            return detail.message();
        }
        return detail.column() == null
                ? text("error.detail.atLine", String.valueOf(detail.line()), detail.message())
                : text("error.detail.atLineAndColumn", String.valueOf(detail.line()), detail.column(), detail.message());
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("vaadin-i18n/translations");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }

    /** A whole number in Swedish format for the screen ("1 000", with a no-break space; see {@link SwedishFormat}). */
    public static String integer(long value) {
        return SwedishFormat.integer(value, Style.SCREEN);
    }

    /** A date in Swedish prose ("13 september 2024"); empty for null. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.format(SwedishFormat.PROSE_DATE);
    }

    public String of(DomainException exception) {
        return get(exception.messageKey(), exception.arguments());
    }
}
