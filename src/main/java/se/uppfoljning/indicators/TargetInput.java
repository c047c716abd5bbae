package se.uppfoljning.indicators;

/**
 * A target as typed in the structure editor or read from a structure file, as texts: {@code kind} a Swedish word
 * ("minst", "högst", "öka", "minska", "inget målvärde"; blank: leave the target as it is), {@code value} a decimal
 * ("3,45"), {@code unit} free text, {@code comparisonYear} a year (only for öka/minska). {@link IndicatorService}
 * parses and checks it; the Kolada link is not part of it and stays as it is.
 */
public record TargetInput(String kind, String value, String unit, String comparisonYear) {

    /** The structure file's columns (and the editor's field names in error details). */
    public static final String COLUMN_KIND = "malvarde_typ";
    public static final String COLUMN_VALUE = "malvarde_varde";
    public static final String COLUMN_UNIT = "malvarde_enhet";
    public static final String COLUMN_YEAR = "jamforelsear";

    public static final TargetInput NONE = new TargetInput(null, null, null, null);

    /** Nothing typed at all: the target stays as it is. */
    public boolean isEmpty() {
        return blank(kind) && blank(value) && blank(unit) && blank(comparisonYear);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
