package se.uppfoljning.base.error;

import java.util.List;

public class LockedException extends DomainException {

    public LockedException(String messageKey, Object... arguments) {
        super(messageKey, List.of(), arguments);
    }

    public LockedException(String messageKey, List<ErrorDetail> details, Object... arguments) {
        super(messageKey, details, arguments);
    }

    @Override
    public int httpStatus() {
        return 423;
    }

    @Override
    public String errorCode() {
        return "locked";
    }
}
