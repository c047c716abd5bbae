package se.uppfoljning.indicators;

/** Where a measured value came from. */
public enum ValueSource {
    /** Typed by an official. */
    MANUAL,
    /** Fetched from Kolada (source reference: the KPI id). Credited "Källa: Kolada". */
    KOLADA,
    /** Read from a spreadsheet (source reference: the file name). */
    IMPORT
}
