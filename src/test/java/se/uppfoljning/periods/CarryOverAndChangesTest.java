package se.uppfoljning.periods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.SecretariatOnKsTest;
import se.uppfoljning.followup.ChangesService;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.ItemChange;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.followup.PeriodChanges;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** DR2 starts from DR1's statuses and comments as marked drafts; "what changed" compares two periods. */
class CarryOverAndChangesTest extends SecretariatOnKsTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    ChangesService changes;

    @Test
    void dr2StartsWithDr1sStatusesAndCommentsAsDraftsUntilSavedOrConfirmed() {
        Map<Long, FollowUpRow> before = followUp.overview(dr1).rows().stream()
                .collect(Collectors.toMap(FollowUpRow::id, Function.identity()));
        List<FollowUpRow> rows = followUp.overview(dr2).rows();
        assertThat(rows).hasSize(52);
        for (FollowUpRow row : rows) {
            FollowUpRow old = before.get(row.id());
            assertThat(row.status()).isEqualTo(old.status());
            assertThat(row.comment()).isEqualTo(old.comment());
            assertThat(row.fromPreviousPeriod()).isEqualTo(old.version() > 0);
        }
        assertThat(rows).allMatch(r -> !r.fromPreviousPeriod() || r.draft());
        assertThat(followUp.overview(dr1).rows()).noneMatch(FollowUpRow::fromPreviousPeriod);

        FollowUpRow edited = rows.stream().filter(r -> r.fromPreviousPeriod() && !r.derivedFromFinance()).findFirst().orElseThrow();
        FollowUpRow saved = followUp.save(dr2, edited.id(), new FollowUpChange(edited.status(), "Nytt läge i augusti.", edited.version()));
        assertThat(saved.fromPreviousPeriod()).isFalse();

        FollowUpRow confirmed = rows.stream().filter(r -> r.fromPreviousPeriod() && !r.derivedFromFinance()
                && r.id() != edited.id()).findFirst().orElseThrow();
        FollowUpRow after = followUp.save(dr2, confirmed.id(),
                new FollowUpChange(confirmed.status(), confirmed.comment(), confirmed.version()));
        assertThat(after.fromPreviousPeriod()).isFalse();
        assertThat(after.version()).isEqualTo(confirmed.version() + 1);
        assertThat(after.comment()).isEqualTo(confirmed.comment());
        assertThat(followUp.history(dr2, confirmed.id())).hasSize(2);
    }

    @Test
    void whatChangedListsOldAndNewWithWhoAndCountsPerArea() throws Exception {
        assertThat(changes.changes(dr2, dr1.period()).changes()).isEmpty();
        List<FollowUpRow> rows = followUp.overview(dr2).rows().stream().filter(r -> !r.derivedFromFinance()).toList();
        FollowUpRow goal = rows.stream().filter(r -> r.kind() != ItemKind.ASSIGNMENT && r.status() != null
                && !r.status().equals("Uppfylls ej")).findFirst().orElseThrow();
        FollowUpRow assignment = rows.stream().filter(r -> r.kind() == ItemKind.ASSIGNMENT).findFirst().orElseThrow();
        followUp.save(dr2, goal.id(), new FollowUpChange("Uppfylls ej", goal.comment(), goal.version()));
        followUp.save(dr2, assignment.id(), new FollowUpChange(assignment.status(), "Ny kommentar", assignment.version()));
        // confirming a draft unchanged is not a change
        FollowUpRow same = rows.stream().filter(r -> r.id() != goal.id() && r.id() != assignment.id()).findFirst().orElseThrow();
        followUp.save(dr2, same.id(), new FollowUpChange(same.status(), same.comment(), same.version()));

        PeriodChanges result = changes.changes("ks", "2024-dr2", null);
        assertThat(result.since().slug()).isEqualTo("2024-dr1");
        assertThat(result.changes()).extracting(c -> c.row().id()).containsExactlyInAnyOrder(goal.id(), assignment.id());
        ItemChange goalChange = result.changes().stream().filter(c -> c.row().id() == goal.id()).findFirst().orElseThrow();
        assertThat(goalChange.oldStatus()).isEqualTo(goal.status());
        assertThat(goalChange.row().status()).isEqualTo("Uppfylls ej");
        assertThat(goalChange.statusChanged()).isTrue();
        assertThat(goalChange.commentChanged()).isFalse();
        assertThat(goalChange.row().updatedBy()).isEqualTo("Sara Sekreterare");
        ItemChange assignmentChange = result.changes().stream().filter(c -> c.row().id() == assignment.id()).findFirst().orElseThrow();
        assertThat(assignmentChange.oldComment()).isEqualTo(assignment.comment());
        assertThat(assignmentChange.commentChanged()).isTrue();
        assertThat(result.perArea().stream().mapToInt(PeriodChanges.AreaCount::changed).sum()).isEqualTo(2);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(changes.exportXlsx(result)))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("Tidigare status");
        }

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/committees/ks/periods/2024-dr2/changes?since=2024-dr1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("politiker:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(api.body());
        assertThat(body.get("rowCount").asInt()).isEqualTo(2);
        JsonNode first = body.get("rows").get(0);
        for (String field : List.of("id", "kind", "number", "text", "status", "comment", "owner", "version", "updatedAt",
                "updatedBy", "draft", "fromPreviousPeriod", "oldStatus", "oldComment")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        JsonNode followUpApi = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/committees/ks/periods/2024-dr2/follow-up"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("politiker:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
        JsonNode anyRow = followUpApi.get("areas").get(0).get("goals").get(0).get("rows").get(0);
        assertThat(anyRow.has("draft")).isTrue();
        assertThat(anyRow.has("fromPreviousPeriod")).isTrue();
    }
}
