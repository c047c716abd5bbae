package se.uppfoljning.finance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule at, just under and just over the threshold; no Spring needed. */
class FinanceBalancedBudgetRuleTest {

    static final BigDecimal ONE = BigDecimal.ONE;
    static final long BUDGET = -875_382_000L;

    @Test
    void exactlyAtTheThresholdIsMet() {
        long forecast = BUDGET - 8_753_820L; // deviation exactly -1 %
        assertThat(BalancedBudgetRule.status(forecast, BUDGET, ONE)).isEqualTo("Uppfylls");
    }

    @Test
    void oneKronaOverTheThresholdIsNotMet() {
        assertThat(BalancedBudgetRule.status(BUDGET - 8_753_821L, BUDGET, ONE)).isEqualTo("Uppfylls ej");
    }

    @Test
    void oneKronaUnderTheThresholdIsMet() {
        assertThat(BalancedBudgetRule.status(BUDGET - 8_753_819L, BUDGET, ONE)).isEqualTo("Uppfylls");
    }

    @Test
    void theSeedIsNotMetAndPositiveDeviationsAreMet() {
        assertThat(BalancedBudgetRule.status(-924_381_000L, BUDGET, ONE)).isEqualTo("Uppfylls ej");
        assertThat(BalancedBudgetRule.status(-800_000_000L, BUDGET, ONE)).isEqualTo("Uppfylls");
        assertThat(BalancedBudgetRule.status(BUDGET, BUDGET, ONE)).isEqualTo("Uppfylls");
    }

    @Test
    void thresholdIsASetting() {
        long forecast = BUDGET - 8_753_821L; // just over 1 %
        assertThat(BalancedBudgetRule.status(forecast, BUDGET, new BigDecimal("2"))).isEqualTo("Uppfylls");
        assertThat(BalancedBudgetRule.status(BUDGET - 4_376_911L, BUDGET, new BigDecimal("0.5"))).isEqualTo("Uppfylls ej");
        assertThat(BalancedBudgetRule.status(BUDGET - 4_376_910L, BUDGET, new BigDecimal("0.5"))).isEqualTo("Uppfylls");
    }

    @Test
    void positiveBudgetsUseTheBudgetsSize() {
        assertThat(BalancedBudgetRule.status(99_000, 100_000, ONE)).isEqualTo("Uppfylls");
        assertThat(BalancedBudgetRule.status(98_999, 100_000, ONE)).isEqualTo("Uppfylls ej");
    }

    @Test
    void displayRoundsHalfAwayFromZero() {
        assertThat(FinanceFormat.tkr(-1_500L)).isEqualTo("-2");
        assertThat(FinanceFormat.tkr(1_500L)).isEqualTo("2");
        assertThat(FinanceFormat.tkr(-1_499L)).isEqualTo("-1");
        assertThat(FinanceFormat.tkr(-924_381_000L)).isEqualTo("-924 381");
        assertThat(FinanceFormat.mnkr(-48_999_000L)).isEqualTo("-49,0");
        assertThat(FinanceFormat.threshold(new BigDecimal("1"))).isEqualTo("1 %");
        assertThat(FinanceFormat.threshold(new BigDecimal("0.50"))).isEqualTo("0,5 %");
    }
}
