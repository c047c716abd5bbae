package se.uppfoljning.base.api;

import se.uppfoljning.base.error.ErrorDetail;

import java.util.List;

/** The JSON body of every API error: {error, message, details}. */
public record ApiError(String error, String message, List<ErrorDetail> details) {
}
