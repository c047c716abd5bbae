package se.uppfoljning.followup.spreadsheet;

/** A period's follow-up as an XLSX file, named as the municipality names its documents. */
public record WorkbookExport(String fileName, byte[] content) {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
