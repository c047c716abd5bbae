package se.uppfoljning.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditQuery;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.followup.AssignmentSection;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.NewPeriod;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting a new plan year carries every assignment not "Genomfört" over as "Kvarstående uppdrag från ÖSB {year}". */
class PlanYearCarryOverTest extends AbstractIntegrationTest {

    private static final String DONE = "Genomfört";

    @Autowired
    FollowUpService followUp;
    @Autowired
    StructureService structure;
    @Autowired
    OrganisationService organisation;
    @Autowired
    PeriodService periods;
    @Autowired
    AuditService audit;

    CommitteeContext dr2;
    Committee ks;

    @BeforeEach
    void setUp() {
        testData.reset();
        signIn("sekretariat");
        dr2 = periods.context("ks", "2024-dr2");
        ks = dr2.committee();
    }

    @Test
    void carriesExactlyTheAssignmentsNotDoneInTheYearsLatestPeriodOnce() {
        List<FollowUpRow> assignments = assignments(dr2);
        FollowUpRow notDone = assignments.stream().filter(r -> !DONE.equals(r.status())).findFirst().orElseThrow();
        FollowUpRow done = assignments.stream().filter(r -> DONE.equals(r.status())).findFirst().orElseThrow();
        // the latest entry counts: one becomes done in DR2, one done in DR1 falls back to started
        followUp.save(dr2, notDone.id(), new FollowUpChange(DONE, "Klart i augusti.", notDone.version()));
        followUp.save(dr2, done.id(), new FollowUpChange("Påbörjat", "Arbetet fortsätter 2025.", done.version()));

        Map<Long, FollowUpRow> expected = assignments(dr2).stream().filter(r -> !DONE.equals(r.status()))
                .collect(Collectors.toMap(FollowUpRow::id, Function.identity()));
        assertThat(expected).containsKey(done.id()).doesNotContainKey(notDone.id());
        assertThat(expected.size()).isBetween(1, assignments.size() - 1);

        List<RemainingAssignment> preview = structure.unfinishedAssignments(ks, 2025);
        assertThat(preview).extracting(RemainingAssignment::itemId).containsExactlyInAnyOrderElementsOf(expected.keySet());

        List<RemainingAssignment> carried = structure.startPlanYear(ks, 2025);
        assertThat(carried).extracting(RemainingAssignment::itemId).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(organisation.planYears(ks)).contains(2025, 2024);

        List<StructureItem> items2025 = structure.items(ks, 2025);
        assertThat(items2025).hasSize(expected.size())
                .allMatch(i -> i.kind() == ItemKind.ASSIGNMENT && i.carriedOver() && !i.retired());
        assertThat(items2025).extracting(StructureItem::text).containsExactlyInAnyOrderElementsOf(
                expected.values().stream().map(FollowUpRow::text).toList());
        assertThat(items2025).extracting(StructureItem::owner).containsExactlyInAnyOrderElementsOf(
                expected.values().stream().map(FollowUpRow::owner).toList());
        // 2024 itself is untouched
        assertThat(assignments(dr2)).hasSize(assignments.size());

        // once per assignment: a second start has nothing to do and says the year exists
        assertThatThrownBy(() -> structure.startPlanYear(ks, 2025))
                .isInstanceOf(ValidationException.class).hasMessageContaining("planYearExists");
        assertThat(structure.items(ks, 2025)).hasSize(expected.size());

        assertThat(audit.search(AuditQuery.all())).anyMatch(e -> e.action().equals(AuditActions.STRUCTURE_CHANGED)
                && e.subject().equals("ÖSB 2025") && e.details().contains(expected.size() + " kvarstående uppdrag"));
    }

    @Test
    void theNewYearsFirstPeriodShowsThemUnderKvarstaendeUppdragWithTheirLastStatusAsDraft() {
        Map<String, FollowUpRow> before = assignments(dr2).stream().filter(r -> !DONE.equals(r.status()))
                .collect(Collectors.toMap(FollowUpRow::text, Function.identity(), (a, b) -> a));
        structure.startPlanYear(ks, 2025);
        periods.create("ks", new NewPeriod(PeriodKind.DR1, 2025, LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 15)));
        CommitteeContext dr1of2025 = periods.context("ks", "2025-dr1");

        FollowUpOverview overview = followUp.overview(dr1of2025);
        List<AssignmentSection> sections = overview.areas().stream().flatMap(a -> a.assignments().stream()).toList();
        assertThat(sections).isNotEmpty().allMatch(s -> s.carriedOver() && s.osbYear() == 2024);
        List<FollowUpRow> rows = overview.rows();
        assertThat(rows).hasSize(structure.items(ks, 2025).size());
        for (FollowUpRow row : rows) {
            FollowUpRow last = before.get(row.text());
            assertThat(last).as(row.text()).isNotNull();
            assertThat(row.status()).isEqualTo(last.status());
            assertThat(row.comment()).isEqualTo(last.comment());
            assertThat(row.fromPreviousPeriod()).isEqualTo(last.status() != null || !last.comment().isEmpty());
        }
    }

    @Test
    void anotherCommitteeCarriesItsOwnIntoAYearAlreadyStartedAndOfficialsMayNot() {
        structure.startPlanYear(ks, 2025);
        Committee kfn = periods.context("kfn", "2024-dr2").committee();
        long kfnUnfinished = assignments(periods.context("kfn", "2024-dr2")).stream()
                .filter(r -> !DONE.equals(r.status())).count();
        assertThat(kfnUnfinished).isEqualTo(2);
        assertThat(structure.startPlanYear(kfn, 2025)).hasSize((int) kfnUnfinished);
        assertThat(structure.items(kfn, 2025)).hasSize((int) kfnUnfinished);

        signIn("tjansteperson");
        assertThatThrownBy(() -> structure.startPlanYear(ks, 2026)).isInstanceOf(AccessDeniedException.class);
        signIn("sekretariat");
        assertThat(organisation.planYears(ks)).doesNotContain(2026);
    }

    @Test
    void theApiStartsAPlanYearFor201AndRefusesOfficialsAndMissingYears() throws Exception {
        assertThat(post("tjansteperson", "{\"year\":2025}").statusCode()).isEqualTo(403);
        HttpResponse<String> missing = post("sekretariat", "{}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("årtal");

        HttpResponse<String> created = post("sekretariat", "{\"year\":2025}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = new ObjectMapper().readTree(created.body());
        assertThat(body.get("heading").asText()).isEqualTo("Kvarstående uppdrag från ÖSB 2024");
        assertThat(body.get("carried").size()).isEqualTo(structure.items(ks, 2025).size()).isPositive();
        assertThat(post("sekretariat", "{\"year\":2025}").statusCode()).isEqualTo(422);
    }

    private HttpResponse<String> post(String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/committees/ks/plan-years"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private List<FollowUpRow> assignments(CommitteeContext context) {
        return followUp.overview(context).rows().stream().filter(r -> r.kind() == ItemKind.ASSIGNMENT).toList();
    }
}
