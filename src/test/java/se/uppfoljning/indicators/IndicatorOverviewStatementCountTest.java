package se.uppfoljning.indicators;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.StatementCounter;
import se.uppfoljning.SyntheticCommittee;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.ui.FollowUpView;
import se.uppfoljning.organisation.OrganisationService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a target and ten years of values on each of 1 000 rows, the overview still opens in at most five SQL
 * statements (indicator values are read when a row's dialog opens, never per row of the overview), and the
 * indicators' statuses of all rows (Framsteg, the export) are read in a fixed number of statements.
 */
class IndicatorOverviewStatementCountTest extends KaribuTest {

    @Autowired
    SyntheticCommittee synthetic;
    @Autowired
    StatementCounter statements;
    @Autowired
    FollowUpService followUp;
    @Autowired
    IndicatorService indicators;
    @Autowired
    OrganisationService organisation;

    @BeforeEach
    void setUp() {
        // the 1 000-row committee is with targets and ten years of values: built once per run, then restored from its copy
        var db = testData.db();
        testData.resetTo("synt1000_values", () -> {
            synthetic.resetToSynt1000(testData, userService);
            db.execute("""
                    insert into indicator_target (item_id, target_kind, target_value, unit, updated_at, updated_by)
                    select i.id, 'AT_LEAST', 75, 'NKI', now(), 'test' from follow_up_item i
                    join committee c on c.id = i.committee_id where c.slug = 'synt' and i.kind <> 'ASSIGNMENT'""");
            db.execute("""
                    insert into indicator_value (item_id, year, gender, value, source, updated_at, updated_by)
                    select i.id, y, 'T', 70 + (i.id + y) % 10, 'MANUAL', now(), 'test' from follow_up_item i
                    join committee c on c.id = i.committee_id cross join generate_series(2015, 2024) y
                    where c.slug = 'synt' and i.kind <> 'ASSIGNMENT'""");
        });
    }

    @Test
    void theOverviewWithValuesOpensInAtMostFiveStatements() {
        long withValues = (Long) testData.db().fetchValue("""
                select count(distinct v.item_id) from indicator_value v join follow_up_item i on i.id = v.item_id
                join committee c on c.id = i.committee_id where c.slug = 'synt'""");
        assertThat(withValues).isGreaterThan(500);

        signIn("synt-sekr");
        statements.reset();
        FollowUpOverview overview = followUp.overview("synt", "2024-dr1");
        assertThat(overview.rows()).hasSize(1000);
        assertThat(statements.count()).isLessThanOrEqualTo(5);

        login("synt-sekr");
        statements.reset();
        UI.getCurrent().navigate(FollowUpView.class);
        assertThat(statements.count()).as(String.join("\n", statements.statements())).isLessThanOrEqualTo(5);
    }

    @Test
    void theStatusesOfAllRowsAreReadInAFixedNumberOfStatements() {
        signIn("synt-sekr");
        var committee = organisation.committee("synt");
        statements.reset();
        var statuses = indicators.statuses(committee, Integer.MAX_VALUE);
        assertThat(statuses).hasSizeGreaterThan(500);
        assertThat(statuses.values()).allSatisfy(s -> assertThat(s.latestYear()).isEqualTo(2024));
        assertThat(statements.count()).as(String.join("\n", statements.statements())).isLessThanOrEqualTo(4);
    }
}
