package se.uppfoljning.base.error;

import java.util.List;

public class NotFoundException extends DomainException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, List.of(), arguments);
    }

    public NotFoundException(String messageKey, List<ErrorDetail> details, Object... arguments) {
        super(messageKey, details, arguments);
    }

    @Override
    public int httpStatus() {
        return 404;
    }

    @Override
    public String errorCode() {
        return "not_found";
    }
}
