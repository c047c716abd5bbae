package se.uppfoljning.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.SecretariatOnKsTest;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.notifications.NotificationService;
import se.uppfoljning.notifications.UserNotification;
import se.uppfoljning.organisation.Department;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.uppfoljning.db.Tables.AUDIT_LOG;

/** Completeness per department on constructed data; reminders reach exactly the department's officials. */
class CompletenessAndRemindersTest extends SecretariatOnKsTest {

    static final String SEC = "Säkerhetsavdelningen";
    static final String HR = "HR-avdelningen";
    static final String TITLE = "Påminnelse: Delårsrapport med prognos 2 2024 – senast 13 september 2024";

    @Autowired
    CompletenessService completeness;
    @Autowired
    ReminderService reminders;
    @Autowired
    FollowUpService followUp;
    @Autowired
    ReadinessService readiness;
    @Autowired
    NotificationService notifications;

    private List<FollowUpRow> rows(String department) {
        return followUp.overview(dr2).rows().stream().filter(r -> department.equals(r.owner())).toList();
    }

    private DepartmentCompleteness department(PeriodCompleteness result, String name) {
        return result.departments().stream().filter(d -> d.department().equals(name)).findFirst().orElseThrow();
    }

    /** Säkerhetsavdelningen: two confirmed, one of them ready. HR: one cleared (no status, no comment), confirmed. */
    private void construct() {
        List<FollowUpRow> sec = rows(SEC).stream().filter(FollowUpRow::isAssessed).toList();
        for (FollowUpRow r : sec.subList(0, 2)) {
            followUp.save(dr2, r.id(), new FollowUpChange(r.status(), r.comment(), r.version()));
        }
        readiness.markReady(dr2, sec.get(0).id());
        FollowUpRow hr = rows(HR).get(0);
        followUp.save(dr2, hr.id(), new FollowUpChange("", "", hr.version()));
    }

    @Test
    void countsPerDepartment() {
        construct();
        int secItems = rows(SEC).size();
        int secWithoutStatus = (int) rows(SEC).stream().filter(r -> !r.isAssessed()).count();
        int hrItems = rows(HR).size();
        int hrDrafts = (int) rows(HR).stream().filter(FollowUpRow::draft).count();
        assertThat(secItems).isGreaterThan(2);

        PeriodCompleteness result = completeness.completeness("ks", "2024-dr2");
        assertThat(result.period().deadline()).hasToString("2024-09-13");
        DepartmentCompleteness sec = department(result, SEC);
        assertThat(sec.items()).isEqualTo(secItems);
        assertThat(sec.drafts()).isEqualTo((int) rows(SEC).stream().filter(FollowUpRow::draft).count())
                .isLessThanOrEqualTo(secItems - 2);
        assertThat(sec.withoutStatus()).isEqualTo(secWithoutStatus);
        assertThat(sec.notReady()).isEqualTo(secItems - 1);
        assertThat(sec.ready()).isEqualTo(1);
        assertThat(sec.percentReady()).isEqualTo(100 / secItems);
        assertThat(sec.owners()).extracting(DepartmentCompleteness.Owner::name).containsExactly("Tove Tjänsteperson");
        assertThat(sec.incomplete()).hasSize(secItems - 1);

        DepartmentCompleteness hr = department(result, HR);
        assertThat(hr.items()).isEqualTo(hrItems);
        assertThat(hr.withoutStatus()).isGreaterThanOrEqualTo(1);
        assertThat(hr.withoutComment()).isGreaterThanOrEqualTo(1);
        assertThat(hr.drafts()).isEqualTo(hrDrafts).isEqualTo(hrItems - 1);
        assertThat(hr.notReady()).isEqualTo(hrItems);
        assertThat(hr.percentReady()).isZero();
        assertThat(hr.owners()).isEmpty();
        FollowUpRow cleared = rows(HR).get(0);
        assertThat(hr.incomplete()).filteredOn(i -> i.itemId() == cleared.id()).singleElement()
                .satisfies(i -> assertThat(i.missing()).containsExactly(DepartmentCompleteness.Missing.STATUS,
                        DepartmentCompleteness.Missing.COMMENT, DepartmentCompleteness.Missing.READY));
        // least ready first: Säkerhetsavdelningen (the only one with a ready item) comes last
        assertThat(result.departments().get(result.departments().size() - 1).department()).isEqualTo(SEC);
        int total = followUp.overview(dr2).rows().size();
        assertThat(result.departments().stream().mapToInt(DepartmentCompleteness::items).sum()).isEqualTo(total);
    }

    @Test
    void officialsSeeTheirOwnDepartmentPoliticiansNothing() {
        signIn("tjansteperson");
        assertThat(completeness.completeness("ks", "2024-dr2").departments())
                .extracting(DepartmentCompleteness::department).containsExactly(SEC);
        signIn("politiker");
        assertThatThrownBy(() -> completeness.completeness("ks", "2024-dr2")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reminders.send("ks", "2024-dr2", null)).isInstanceOf(AccessDeniedException.class);
        signIn("tjansteperson");
        assertThatThrownBy(() -> reminders.send("ks", "2024-dr2", null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void remindersReachExactlyTheDepartmentsOfficials() {
        Department hr = organisation.departments(dr2.committee().id()).stream()
                .filter(d -> d.name().equals(HR)).findFirst().orElseThrow();
        long ks = dr2.committee().id();
        SystemUser.run(() -> {
            userService.createUser("hr-tp", "Hanna HR", "demo-demo-demo", Set.of(new Membership(ks, Role.OFFICIAL)),
                    Set.of(hr.id()), "hanna@example.org");
            // in the department, but not an official: no reminder
            userService.createUser("hr-pol", "Hugo Politiker", "demo-demo-demo",
                    Set.of(new Membership(ks, Role.POLITICIAN)), Set.of(hr.id()), null);
        });
        signIn("sekretariat");
        ReminderService.ReminderPlan plan = reminders.plan("ks", "2024-dr2", hr.id());
        assertThat(plan.recipients()).isEqualTo(1);
        assertThat(plan.mailEnabled()).isFalse();

        ReminderService.ReminderResult one = reminders.send("ks", "2024-dr2", hr.id());
        assertThat(one.notifications()).isEqualTo(1);
        assertThat(one.mailsSent()).isZero();
        assertThat(unread("hr-tp")).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo(TITLE);
            assertThat(n.body()).contains(HR, "Delårsrapport med prognos 2 2024", "13 september 2024",
                    "ej markerade klara");
            assertThat(n.link()).isEqualTo("uppfoljning?namnd=ks&period=2024-dr2&avdelning=" + hr.id());
        });
        assertThat(unread("tjansteperson")).isEmpty();
        assertThat(unread("hr-pol")).isEmpty();

        signIn("sekretariat");
        ReminderService.ReminderResult all = reminders.send("ks", "2024-dr2", null);
        assertThat(all.notifications()).isEqualTo(2); // hr-tp and tjansteperson; departments without officials reported
        assertThat(all.departmentsWithoutOfficials()).isNotEmpty().doesNotContain(HR, SEC);
        assertThat(unread("hr-tp")).hasSize(2);
        assertThat(unread("tjansteperson")).hasSize(1);
        assertThat(unread("kultur")).isEmpty();
        assertThat(unread("sekretariat")).isEmpty();
        assertThat(unread("hr-pol")).isEmpty();
        assertThat(testData.db().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("period.reminderSent"))).isEqualTo(2);

        signIn("hr-tp");
        assertThat(notifications.unreadCount()).isEqualTo(2);
        notifications.markRead(notifications.mine(10).get(0).id());
        assertThat(notifications.unreadCount()).isEqualTo(1);
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.mine(10)).hasSize(2);
    }

    @Test
    void noRemindersForAPeriodThatIsNotOpen() {
        assertThatThrownBy(() -> reminders.send("ks", "2024-dr1", null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void completenessApiAndReadyInTheFollowUpApi() throws Exception {
        construct();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        JsonNode body = json.readTree(get(http, "/api/v1/committees/ks/periods/2024-dr2/completeness", "sekretariat").body());
        assertThat(body.get("deadline").asText()).isEqualTo("2024-09-13");
        JsonNode sec = null;
        for (JsonNode d : body.get("departments")) {
            if (d.get("name").asText().equals(SEC)) {
                sec = d;
            }
        }
        assertThat(sec).isNotNull();
        assertThat(sec.get("ready").asInt()).isEqualTo(1);
        assertThat(sec.get("owners").get(0).asText()).isEqualTo("Tove Tjänsteperson");
        assertThat(sec.get("incomplete").get(0).get("missingText").asText()).isNotBlank();
        assertThat(get(http, "/api/v1/committees/ks/periods/2024-dr2/completeness", "politiker").statusCode())
                .isEqualTo(403);

        String followUpJson = get(http, "/api/v1/committees/ks/periods/2024-dr2/follow-up", "politiker").body();
        assertThat(json.readTree(followUpJson).findValues("ready")).extracting(JsonNode::asBoolean)
                .containsOnlyOnce(true);
    }

    private HttpResponse<String> get(HttpClient http, String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private List<UserNotification> unread(String username) {
        signIn(username);
        try {
            return notifications.mine(100).stream().filter(UserNotification::unread).toList();
        } finally {
            signIn("sekretariat");
        }
    }
}
