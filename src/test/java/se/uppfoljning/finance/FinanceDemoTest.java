package se.uppfoljning.finance;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class FinanceDemoTest extends AbstractIntegrationTest {

    @Autowired
    FinanceService finance;

    @Test
    void demoSummary() {
        signIn("politiker");
        FinanceSummary s = finance.summary("ks", "2024-dr1");
        System.out.println(s);
        assertThat(s.netForecast()).isEqualTo(-924_381_000L);
        assertThat(s.netBudget()).isEqualTo(-875_382_000L);
        assertThat(s.netDeviation()).isEqualTo(-48_999_000L);
        assertThat(s.balancedBudget().status()).isEqualTo("Uppfylls ej");
    }
}
