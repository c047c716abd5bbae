package se.uppfoljning.base.error;

import java.util.List;

public class ConflictException extends DomainException {

    public ConflictException(String messageKey, Object... arguments) {
        super(messageKey, List.of(), arguments);
    }

    public ConflictException(String messageKey, List<ErrorDetail> details, Object... arguments) {
        super(messageKey, details, arguments);
    }

    @Override
    public int httpStatus() {
        return 409;
    }

    @Override
    public String errorCode() {
        return "conflict";
    }
}
