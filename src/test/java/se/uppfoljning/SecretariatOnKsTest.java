package se.uppfoljning;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

/**
 * Integration tests that work on the demo's Kommunstyrelsen as the secretariat: before each test the data is reset,
 * {@code sekretariat} is signed in for service calls, and {@link #dr1} (decided, locked) and {@link #dr2} (open) are
 * KS's two periods; after each test nobody is signed in.
 */
public abstract class SecretariatOnKsTest extends AbstractIntegrationTest {

    @Autowired
    protected OrganisationService organisation;
    @Autowired
    protected PeriodService periods;

    /** KS's decided and locked period 2024-dr1. */
    protected CommitteeContext dr1;
    /** KS's open period 2024-dr2, started from 2024-dr1. */
    protected CommitteeContext dr2;

    @BeforeEach
    void resetAndSignInAsSecretariat() {
        testData.reset();
        signIn("sekretariat");
        dr1 = periods.context("ks", "2024-dr1");
        dr2 = periods.context("ks", "2024-dr2");
    }
}
