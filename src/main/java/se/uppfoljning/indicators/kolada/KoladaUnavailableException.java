package se.uppfoljning.indicators.kolada;

import se.uppfoljning.base.error.DomainException;

import java.util.List;

/**
 * Kolada could not be reached, did not answer within the time-out, or answered with an error or something that is
 * not its JSON. Nothing was changed. The API answers 502 with the Swedish message.
 */
public class KoladaUnavailableException extends DomainException {

    public KoladaUnavailableException(String messageKey, Object... arguments) {
        super(messageKey, List.of(), arguments);
    }

    @Override
    public int httpStatus() {
        return 502;
    }

    @Override
    public String errorCode() {
        return "kolada_unavailable";
    }
}
