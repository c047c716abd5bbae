package se.uppfoljning.publication;

import se.uppfoljning.followup.AreaProgress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a resident sees of one decided period: the decision, the goals and assignments as in Bilaga 2, the progress per
 * area, the balanced-budget goal with its calculation and the stored documents. Holds no user's name: only the
 * owning department of each row. {@code etag}: a hash of the decided content (the stored documents' SHA-256), the
 * same for as long as the decision stands.
 */
public record PublicReport(PublicOrganisation organisation, PublicCommittee committee, PublicPeriod period,
                           List<Area> areas, List<AreaProgress> progress, BalancedBudget balancedBudget,
                           List<PublicDocument> documents, String etag) {

    public PublicReport {
        areas = List.copyOf(areas);
        progress = List.copyOf(progress);
        documents = List.copyOf(documents);
    }

    public List<Row> rows() {
        return areas.stream().flatMap(a -> a.tables().stream()).flatMap(t -> t.rows().stream()).toList();
    }

    /** A strategic area with its tables in report order: each strategic goal's goals or indicators, then assignments. */
    public record Area(String name, List<Table> tables) {
        public Area {
            tables = List.copyOf(tables);
        }
    }

    /**
     * One table of Bilaga 2 under an area: {@code heading} is the strategic goal ("Strategiskt mål 1: …") or null for
     * assignments; {@code tableHeading} is "Nämndmål", "Kommunövergripande indikatorer", "Uppdrag ÖSB 2024" …
     */
    public record Table(String heading, String tableHeading, String statusHeading, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A row as printed: {@code kind} COMMITTEE_GOAL, INDICATOR or ASSIGNMENT; {@code status} the label (null when not
     * assessed) and {@code statusTone} success/warning/error/contrast; {@code owner} the responsible department.
     */
    public record Row(long id, String area, Integer strategicGoal, String kind, String number, String text,
                      String targetText, String owner, String status, String statusTone, String comment,
                      boolean derivedFromFinance) {
    }

    /**
     * The balanced-budget goal (DOMAIN.md: the net forecast may deviate from the budget by at most the threshold, in
     * percent of the budget) as assessed from the period's figures; amounts in kronor, percentages with one decimal.
     * Null in the report when the period has no figures.
     */
    public record BalancedBudget(String goal, String status, String comment, BigDecimal thresholdPercent,
                                 long forecast, long budget, long deviation, BigDecimal deviationPercent) {
    }

    /** The decision: body ("Kommunstyrelsen"), date, paragraph ("§ 123") and diary number (may be null). */
    public record Decision(String body, LocalDate date, String paragraph, String diaryNumber) {
    }
}
