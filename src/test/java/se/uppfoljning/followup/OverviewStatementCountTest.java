package se.uppfoljning.followup;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.StatementCounter;
import se.uppfoljning.SyntheticCommittee;
import se.uppfoljning.followup.ui.FollowUpView;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Opening the overview of a committee with 1 000 rows runs a fixed, small number of SQL statements (no N+1). */
class OverviewStatementCountTest extends KaribuTest {

    @Autowired
    SyntheticCommittee synthetic;
    @Autowired
    StatementCounter statements;
    @Autowired
    FollowUpService followUp;

    @BeforeEach
    void setUp() {
        // the 1 000-row committee is imported once per run and restored from its copy after
        synthetic.resetToSynt1000(testData, userService);
    }

    @Test
    void theServiceReadsTheOverviewOf1000RowsInAtMostFiveStatements() {
        signIn("synt-sekr");
        statements.reset();
        FollowUpOverview overview = followUp.overview("synt", "2024-dr1");
        assertThat(overview.rows()).hasSize(1000);
        assertThat(statements.count()).isLessThanOrEqualTo(5);
    }

    @Test
    void openingTheViewRunsAtMostFiveStatements() {
        login("synt-sekr");
        // synt-sekr is a member of the synthetic committee only: it is the selected one
        statements.reset();
        long start = System.nanoTime();
        UI.getCurrent().navigate(FollowUpView.class);
        System.out.println("Opening the overview of 1 000 rows (Karibu): " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(_get(Span.class, spec -> spec.withId("row-count")).getText()).isEqualTo("Visar 1\u00a0000 av 1\u00a0000 rader");
        assertThat(statements.count()).as(String.join("\n", statements.statements())).isLessThanOrEqualTo(5);
    }
}
