package se.uppfoljning.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.structure.StructureImportService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Two demo committees: users see and edit only what their memberships allow, by service and by API. */
class CommitteeScopingTest extends AbstractIntegrationTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;
    @Autowired
    StructureImportService structureImport;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void eachUserListsTheCommitteesTheyBelongTo() throws Exception {
        List<String> politician = new ArrayList<>();
        json.readTree(send("GET", "/api/v1/committees", "politiker", null).body()).forEach(c -> politician.add(c.get("slug").asText()));
        assertThat(politician).containsExactly("ks", "kfn");
        List<String> official = new ArrayList<>();
        json.readTree(send("GET", "/api/v1/committees", "tjansteperson", null).body()).forEach(c -> official.add(c.get("slug").asText()));
        assertThat(official).containsExactly("ks");
    }

    @Test
    void theSecondCommitteeHasItsOwnGoalsAndAssignmentsUnderTheSameStrategicGoals() {
        signIn("politiker");
        FollowUpOverview kfn = followUp.overview("kfn", "2024-dr2");
        assertThat(kfn.rows()).hasSize(6);
        assertThat(kfn.rows()).filteredOn(r -> r.kind() == ItemKind.ASSIGNMENT).hasSize(2);
        assertThat(kfn.areas()).flatExtracting(AreaSection::goals).extracting(GoalSection::text)
                .contains("Örebro kommun ska erbjuda ett utvecklande, aktivt och tryggt kultur-, fritids- och föreningsliv");
        assertThat(followUp.overview("ks", "2024-dr2").rows()).hasSize(52);
    }

    @Test
    void anOfficialOfKsCannotReadOrEditKfnByServiceOrApi() throws Exception {
        signIn("politiker");
        FollowUpRow kfnRow = followUp.overview("kfn", "2024-dr2").rows().get(0);

        signIn("tjansteperson");
        assertThatThrownBy(() -> periods.context("kfn", "2024-dr2")).isInstanceOf(AccessDeniedException.class);
        assertThat(send("GET", "/api/v1/committees/kfn/periods/2024-dr2/follow-up", "tjansteperson", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> put = send("PUT", "/api/v1/committees/kfn/periods/2024-dr2/items/" + kfnRow.id() + "/follow-up",
                "tjansteperson", "{\"status\":\"Uppfylls\",\"comment\":\"Intrång\",\"version\":" + kfnRow.version() + "}");
        assertThat(put.statusCode()).isEqualTo(403);
        // the item id of another committee through KS's address is not found either
        HttpResponse<String> viaKs = send("PUT", "/api/v1/committees/ks/periods/2024-dr2/items/" + kfnRow.id() + "/follow-up",
                "tjansteperson", "{\"status\":\"Uppfylls\",\"comment\":\"Intrång\",\"version\":" + kfnRow.version() + "}");
        assertThat(viaKs.statusCode()).isIn(403, 404);

        signIn("politiker");
        assertThat(followUp.overview("kfn", "2024-dr2").rows().get(0)).isEqualTo(kfnRow);
    }

    @Test
    void anOfficialOfKfnEditsTheirDepartmentsItemThereButNothingInKs() throws Exception {
        signIn("kultur");
        FollowUpOverview kfn = followUp.overview("kfn", "2024-dr2");
        assertThat(kfn.rows()).filteredOn(FollowUpRow::editable).extracting(FollowUpRow::owner).containsOnly("Kulturavdelningen");
        FollowUpRow own = kfn.rows().stream().filter(r -> "19.1".equals(r.number())).findFirst().orElseThrow();
        HttpResponse<String> ok = send("PUT", "/api/v1/committees/kfn/periods/2024-dr2/items/" + own.id() + "/follow-up",
                "kultur", "{\"status\":\"Uppfylls delvis\",\"comment\":\"Färre besök i mars.\",\"version\":" + own.version() + "}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/committees/ks/periods/2024-dr2/follow-up", "kultur", null).statusCode()).isEqualTo(403);
    }

    @Test
    void structureEndpointListsDepartmentsPeriodsAndItemsPerPlanYear() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/committees/ks/structure", "politiker", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("Kommunstyrelsen");
        assertThat(body.get("departments").toString()).contains("Säkerhetsavdelningen");
        assertThat(body.get("periods").get(0).get("slug").asText()).isEqualTo("2024-dr2");
        JsonNode year = body.get("years").get(0);
        assertThat(year.get("year").asInt()).isEqualTo(2024);
        int items = 0;
        for (JsonNode area : year.get("areas")) {
            for (JsonNode goal : area.get("goals")) {
                items += goal.get("items").size();
            }
            items += area.get("assignments").size();
        }
        assertThat(items).isEqualTo(52);
        assertThat(send("GET", "/api/v1/committees/kfn/structure", "tjansteperson", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/committees/okand/structure", "politiker", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anImportMayNotRenameTheCouncilsStrategicGoalsAndWritesNothingOnError() {
        signIn("sekretariat");
        var context = periods.context("kfn", "2024-dr2");
        String csv = "omrade;strategiskt_mal_nr;strategiskt_mal;typ;nummer;text;agare;osb_ar\n"
                + "Ett tryggt Örebro genom livet;10;Helt annan text;nämndmål;10.2;Nytt mål;Fritidsavdelningen;2024\n"
                + "Ett tryggt Örebro genom livet;10;Helt annan text;nämndmål;10.3;Ännu ett;Okänd avdelning;2024\n";
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> structureImport.importFile(context, "fel.csv", csv.getBytes(StandardCharsets.UTF_8), true));
        assertThat(e.details()).extracting(d -> d.line() + ":" + d.column())
                .contains("2:strategiskt_mal", "3:agare", "3:strategiskt_mal");
        assertThat(followUp.overview(context).rows()).hasSize(6);
    }
}
