package se.uppfoljning.base.i18n;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.uppfoljning.base.error.DomainException;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The translation bundle (vaadin-i18n/translations*.properties) for code outside Vaadin components. */
@Component
public class Messages {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... arguments) {
        return source.getMessage(key, arguments, SWEDISH);
    }

    /** A whole number in Swedish format ("1 000", with a no-break space). */
    public static String integer(long value) {
        return NumberFormat.getIntegerInstance(SWEDISH).format(value);
    }

    /** A date in Swedish prose ("13 september 2024"); empty for null. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH));
    }

    public String of(DomainException exception) {
        return get(exception.messageKey(), exception.arguments());
    }
}
