package se.uppfoljning.finance;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an import did (or, as a preview, would do): rows read, levels replaced, rows added/changed/removed, the net
 * figures afterwards with the balanced-budget goal's resulting status, and the checks' findings (warnings).
 */
public record FinanceImportResult(int rows, List<String> levels, int added, int changed, int removed,
                                  long netForecast, long netBudget, long netDeviation,
                                  BigDecimal deviationPercent, String goalStatus,
                                  List<FinanceFinding> warnings, List<String> notes) {

    public boolean unchanged() {
        return added == 0 && changed == 0 && removed == 0;
    }
}
