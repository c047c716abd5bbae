package se.uppfoljning.finance;

/**
 * A disagreement found by the checks: a warning, never a reason to refuse figures. {@code row} is the summed row
 * (code and name) or null for a comparison of cut totals; amounts in kronor.
 */
public record FinanceFinding(String level, FinanceCut cut, String row, String measure, long expected, long found,
                             long tolerance, String message) {
}
