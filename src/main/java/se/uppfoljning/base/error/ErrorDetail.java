package se.uppfoljning.base.error;

/** One finding of a validation: where (line as a text editor counts it, column) and why, in Swedish. */
public record ErrorDetail(Integer line, String column, String message) {

    public static ErrorDetail of(String message) {
        return new ErrorDetail(null, null, message);
    }
}
