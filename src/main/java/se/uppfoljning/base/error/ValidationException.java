package se.uppfoljning.base.error;

import java.util.List;

public class ValidationException extends DomainException {

    public ValidationException(String messageKey, Object... arguments) {
        super(messageKey, List.of(), arguments);
    }

    public ValidationException(String messageKey, List<ErrorDetail> details, Object... arguments) {
        super(messageKey, details, arguments);
    }

    @Override
    public int httpStatus() {
        return 422;
    }

    @Override
    public String errorCode() {
        return "validation_failed";
    }
}
