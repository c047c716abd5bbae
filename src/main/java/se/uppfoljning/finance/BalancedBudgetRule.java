package se.uppfoljning.finance;

import java.math.BigDecimal;

/**
 * Örebro's rule: "Uppfylls ej" when the full-year net deviation is negative and its size exceeds the threshold
 * (percent of the budget's size); otherwise "Uppfylls". Exactly at the threshold is still met.
 */
public final class BalancedBudgetRule {

    public static final String MET = "Uppfylls";
    public static final String NOT_MET = "Uppfylls ej";

    private BalancedBudgetRule() {
    }

    public static boolean isMet(long forecast, long budget, BigDecimal thresholdPercent) {
        long deviation = forecast - budget;
        if (deviation >= 0) {
            return true;
        }
        // |deviation| × 100 > threshold × |budget|, in exact arithmetic
        BigDecimal size = BigDecimal.valueOf(deviation).abs().multiply(BigDecimal.valueOf(100));
        BigDecimal limit = thresholdPercent.multiply(BigDecimal.valueOf(Math.abs(budget)));
        return size.compareTo(limit) <= 0;
    }

    public static String status(long forecast, long budget, BigDecimal thresholdPercent) {
        return isMet(forecast, budget, thresholdPercent) ? MET : NOT_MET;
    }
}
