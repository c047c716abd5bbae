package se.uppfoljning.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SyntheticCommittee;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.KoladaRefresh;
import se.uppfoljning.indicators.RecordedKolada;
import se.uppfoljning.indicators.kolada.KoladaClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Hämta alla från Kolada" for 200 linked indicators × 10 years against a local server answering in Kolada v3's
 * shape (no network). Not part of the test suite; run with
 * {@code mvn test -Dtest=IndicatorRefreshBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Prints BENCHMARK lines;
 * see docs/benchmarks.md. Target: ≤ 5 s per refresh.
 */
class IndicatorRefreshBenchmark extends AbstractIntegrationTest {

    @Autowired
    SyntheticCommittee synthetic;
    @Autowired
    IndicatorService indicators;
    @Autowired
    KoladaClient client;

    private final RecordedKolada kolada = new RecordedKolada();
    private String originalBaseUrl;

    @AfterEach
    void tearDown() {
        client.setBaseUrl(originalBaseUrl);
        kolada.close();
    }

    /** Kolada's answer for one KPI: ten years of totals; {@code revision} changes one year's value. */
    private static String answer(String kpi, int revision) {
        StringBuilder json = new StringBuilder("{\"count\": 10, \"next_url\": null, \"values\": [");
        for (int year = 2017; year <= 2026; year++) {
            int value = 60 + (kpi.hashCode() & 15) + year - 2017 + (year == 2023 ? revision : 0);
            json.append(year == 2017 ? "" : ",").append("{\"kpi\": \"").append(kpi)
                    .append("\", \"municipality\": \"1880\", \"period\": ").append(year)
                    .append(", \"values\": [{\"count\": 1, \"gender\": \"T\", \"status\": \"\", \"value\": ")
                    .append(value).append(".5, \"isdeleted\": false}]}");
        }
        return json.append("]}").toString();
    }

    @Test
    void refresh200IndicatorsOf10Years() {
        testData.reset();
        originalBaseUrl = client.baseUrl();
        client.setBaseUrl(kolada.baseUrl());
        var context = synthetic.create("bench", 1000);
        SystemUser.run(() -> userService.createUser("bench-sekr", "Bench", "demo-demo",
                List.of(new Membership(context.committee().id(), Role.SECRETARIAT)), Set.of()));
        int[] revision = {0};
        kolada.answer("/data/kpi/", path -> {
            String kpi = path.substring("/v3/data/kpi/".length(), path.indexOf("/municipality/"));
            return RecordedKolada.Answer.ok(answer(kpi, revision[0]));
        });
        testData.db().execute("""
                insert into indicator_target (item_id, target_kind, target_value, kolada_kpi, kolada_municipality,
                                              updated_at, updated_by)
                select id, 'AT_LEAST', 70, 'B' || lpad(row_number() over (order by id)::text, 5, '0'), '1880', now(), 'bench'
                from follow_up_item where committee_id = ? and kind <> 'ASSIGNMENT' order by id limit 200""",
                context.committee().id());
        signIn("bench-sekr");

        List<String> lines = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            revision[0] = run; // run 0 fills, run 1 and 2 revise 2023 of every indicator
            long start = System.nanoTime();
            KoladaRefresh result = indicators.refreshCommittee("bench");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.indicators()).isEqualTo(200);
            assertThat(result.added() + result.revised() + result.unchanged()).isEqualTo(2000);
            lines.add("BENCHMARK indicator refresh run " + (run + 1) + ": 200 indicators × 10 years in " + ms
                    + " ms (" + result.added() + " added, " + result.revised() + " revised, " + result.unchanged()
                    + " unchanged; " + kolada.requests().size() + " requests so far)");
        }
        lines.forEach(System.out::println);
    }
}
