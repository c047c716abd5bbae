package se.uppfoljning.finance;

/** A budget level of a committee (KS: ÖKL, ÖKF, ÖKG, ÖKA). */
public record FinanceLevel(String code, String name, int sortOrder) {
}
