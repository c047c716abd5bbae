package se.uppfoljning.publication;

import java.time.LocalDate;

/** A decided reporting period as the public pages show it, with the decision that made it a public record. */
public record PublicPeriod(String slug, String name, int year, LocalDate endDate, PublicReport.Decision decision) {
}
