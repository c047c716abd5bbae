package se.uppfoljning.followup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.StatementCounter;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's read of a period's follow-up ({@link FollowUpService#periodFollowUp}): one statement, and the same areas,
 * rows, refusals and 404s as the overview the views read ({@link FollowUpService#overview(String, String)}), for
 * every demo user, committee and period, a decided period without its kept structure included.
 */
class PeriodFollowUpTest extends AbstractIntegrationTest {

    private static final List<String> USERS = List.of("politiker", "tjansteperson", "sekretariat", "controller",
            "admin", "kultur");

    @Autowired
    FollowUpService followUp;
    @Autowired
    StatementCounter statements;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    @Test
    void readsThePeriodInOneStatement() {
        signIn("politiker");
        statements.reset();
        PeriodFollowUp read = followUp.periodFollowUp("ks", "2024-dr1");
        assertThat(statements.count()).as(String.join("\n", statements.statements())).isEqualTo(1);
        assertThat(read.rowCount()).isEqualTo(52);
        assertThat(read.context().period().slug()).isEqualTo("2024-dr1");
    }

    @Test
    void givesTheOverviewsAreasAndRefusalsForEveryUserAndPeriod() {
        assertSameAsOverview();
    }

    @Test
    void aDecidedPeriodWithoutItsKeptStructureShowsTheLiveOne() {
        // decided before structures were kept (issue 5's migration): no period_item rows
        jdbc.execute("alter table period_item disable trigger period_item_lock; delete from period_item; "
                + "alter table period_item enable trigger period_item_lock");
        assertSameAsOverview();
        signIn("politiker");
        assertThat(followUp.periodFollowUp("ks", "2024-dr1").rowCount()).isPositive();
    }

    private void assertSameAsOverview() {
        List<Map<String, Object>> periods = jdbc.queryForList(
                "select c.slug c, p.slug p from committee c join reporting_period p on p.committee_id = c.id");
        assertThat(periods).hasSizeGreaterThanOrEqualTo(3);
        int compared = 0;
        for (String user : USERS) {
            signIn(user);
            for (Map<String, Object> period : periods) {
                String committee = (String) period.get("c");
                for (String slug : List.of((String) period.get("p"), "nope")) {
                    String what = user + " " + committee + "/" + slug;
                    Object expected = outcome(() -> followUp.overview(committee, slug).areas());
                    Object actual = outcome(() -> followUp.periodFollowUp(committee, slug).areas());
                    assertThat(actual).as(what).isEqualTo(expected);
                    compared += expected instanceof List<?> ? 1 : 0;
                }
            }
            Object unknownCommittee = outcome(() -> followUp.periodFollowUp("nope", "2024-dr1"));
            assertThat(unknownCommittee).isEqualTo(outcome(() -> followUp.overview("nope", "2024-dr1")));
        }
        assertThat(compared).as("readable periods compared").isGreaterThanOrEqualTo(USERS.size() * 2);
    }

    /** The areas read, or the refusal's type and message (403, 404). */
    private static Object outcome(Supplier<?> read) {
        try {
            return read.get();
        } catch (RuntimeException refused) {
            return refused.getClass().getName() + ": " + refused.getMessage();
        }
    }
}
