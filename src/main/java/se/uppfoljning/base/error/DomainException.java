package se.uppfoljning.base.error;

import java.util.List;

/**
 * A refusal the user must understand: carries a translation key (Swedish text in the bundle), its arguments,
 * and for file imports the line-precise details. The UI shows the translated text, the API maps it to a status.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final List<ErrorDetail> details;

    protected DomainException(String messageKey, List<ErrorDetail> details, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.details = List.copyOf(details);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<ErrorDetail> details() {
        return details;
    }

    /** HTTP status for the API. */
    public abstract int httpStatus();

    /** Stable machine-readable error code for the API. */
    public abstract String errorCode();
}
