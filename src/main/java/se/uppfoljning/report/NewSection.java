package se.uppfoljning.report;

/** A section as an import file describes it (front matter and body), before it is stored. */
public record NewSection(String number, String heading, int level, String block, String body) {
}
