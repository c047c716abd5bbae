package se.uppfoljning.bench;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.SyntheticCommittee;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.ui.FollowUpView;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Server time to render the overview of a synthetic committee with 1 000 rows, warm. Not part of the test suite;
 * run with {@code mvn test -Dtest=OverviewBenchmark}. Prints medians; see docs/benchmarks.md.
 */
class OverviewBenchmark extends KaribuTest {

    @Autowired
    SyntheticCommittee synthetic;
    @Autowired
    FollowUpService followUp;

    @Test
    void overviewOf1000Rows() {
        testData.reset();
        var context = synthetic.create("bench", 1000);
        SystemUser.run(() -> userService.createUser("bench-sekr", "Bench", "demo-demo",
                List.of(new Membership(context.committee().id(), Role.SECRETARIAT)), Set.of()));
        login("bench-sekr");

        List<Long> service = new ArrayList<>();
        List<Long> view = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            followUp.overview(context);
            long serviceDone = System.nanoTime();
            UI.getCurrent().navigate("framsteg");
            long navStart = System.nanoTime();
            UI.getCurrent().navigate(FollowUpView.class);
            long end = System.nanoTime();
            if (i >= 20) {
                service.add((serviceDone - start) / 1000);
                view.add((end - navStart) / 1000);
            }
        }
        System.out.printf("BENCHMARK overview service (query + grouping, 1 000 rows): median %.1f ms%n", median(service) / 1000.0);
        System.out.printf("BENCHMARK overview first render (navigation incl. query, tree, grid, 1 000 rows): median %.1f ms%n",
                median(view) / 1000.0);
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
