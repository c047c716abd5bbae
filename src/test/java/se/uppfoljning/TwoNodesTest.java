package se.uppfoljning;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.Decision;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.users.UserService;

import javax.sql.DataSource;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two application instances on one database, as behind a sticky load balancer (issue 17): the shared test context is
 * node A; node B is a second Spring application with its own web server, session registry and caches, started once
 * for this class against the same embedded PostgreSQL. What must hold across nodes goes through the database.
 */
class TwoNodesTest extends AbstractIntegrationTest {

    private static ConfigurableApplicationContext nodeB;
    private static SecurityContextHolderStrategy strategyB;

    @Autowired
    DataSource dataSource;
    @Autowired
    FollowUpService followUp;
    @Autowired
    OrganisationService organisation;
    @Autowired
    PeriodService periods;
    @Autowired
    SessionRegistry sessionRegistry;

    @BeforeEach
    void setUp() throws SQLException {
        testData.reset();
        if (nodeB == null) {
            String url;
            String user;
            try (Connection connection = dataSource.getConnection()) {
                url = connection.getMetaData().getURL();
                user = connection.getMetaData().getUserName();
            }
            // Vaadin's security configuration installs its own holder strategy in Spring Security's static holder at
            // start; two applications in one JVM (never the case in production) each keep theirs: node A's goes back
            // into the static holder, and signing in on node B also fills node B's
            SecurityContextHolderStrategy strategyA = SecurityContextHolder.getContextHolderStrategy();
            // command-line arguments: they win over application.properties (server.port=${SERVER_PORT:8080})
            nodeB = new SpringApplicationBuilder(Application.class).profiles("test")
                    .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                            "--spring.main.banner-mode=off",
                            // node B makes only the beans the tests ask it for (its web server, Vaadin's servlet and
                            // security filters still start): what crosses nodes goes through the database either way,
                            // and the second start costs a fraction
                            "--spring.main.lazy-initialization=true",
                            // the test carries out node B's poll itself, at the moment it means
                            "--app.cluster.session-end-poll=PT1H");
            strategyB = SecurityContextHolder.getContextHolderStrategy();
            SecurityContextHolder.setContextHolderStrategy(strategyA);
        }
    }

    @AfterEach
    void signOutEverywhere() {
        SecurityContextHolder.clearContext();
        if (strategyB != null) {
            strategyB.clearContext();
        }
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
            strategyB = null;
        }
    }

    private static <T> T onB(Class<T> type) {
        return nodeB.getBean(type);
    }

    /** Signs in on node B the way its own login would: the principal loaded by node B's user service. */
    private static void signInOnB(String username) {
        AppUserPrincipal user = (AppUserPrincipal) onB(UserService.class).loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        strategyB.setContext(context);
    }

    @Test
    void nodeBIsItsOwnServerOnTheSameDatabase() {
        int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
        assertThat(portB).isPositive().isNotEqualTo(port);
        assertThat(onB(SessionRegistry.class)).isNotSameAs(sessionRegistry);
    }

    @Test
    void aDeactivationOnNodeAEndsTheUsersSessionOnNodeB() throws Exception {
        SessionRegistry registryB = onB(SessionRegistry.class);
        AppUserPrincipal official = (AppUserPrincipal) onB(UserService.class).loadUserByUsername("tjansteperson");
        AppUserPrincipal politician = (AppUserPrincipal) onB(UserService.class).loadUserByUsername("politiker");
        registryB.registerNewSession("official-on-b", official);
        registryB.registerNewSession("politician-on-b", politician);
        try {
            poll(nodeB); // node B's first look at the table: what was before, it leaves alone
            signIn("admin");
            long id = userService.users().stream().filter(u -> u.username().equals("tjansteperson")).findFirst()
                    .orElseThrow().id();
            userService.deactivate(id);
            assertThat(registryB.getSessionInformation("official-on-b").isExpired())
                    .as("node B knows nothing yet: only its poll of the database tells it").isFalse();

            poll(nodeB);
            assertThat(registryB.getSessionInformation("official-on-b").isExpired()).isTrue();
            assertThat(registryB.getSessionInformation("politician-on-b").isExpired()).isFalse();
        } finally {
            registryB.removeSessionInformation("official-on-b");
            registryB.removeSessionInformation("politician-on-b");
        }
    }

    @Test
    void aStaleSaveOnNodeBAfterASaveOnNodeAIsRefused() {
        signIn("sekretariat");
        CommitteeContext context = openContext();
        FollowUpRow row = editableRow(context);
        // node B's user opened the same row (same version) before node A's user saved
        signInOnB("sekretariat");
        FollowUpRow seenOnB = onB(FollowUpService.class).overview(context).rows().stream()
                .filter(r -> r.id() == row.id()).findFirst().orElseThrow();
        assertThat(seenOnB.version()).isEqualTo(row.version());

        signIn("sekretariat");
        followUp.save(context, row.id(), new FollowUpChange(null, "Sparat på nod A", row.version()));

        signInOnB("sekretariat");
        assertThatThrownBy(() -> onB(FollowUpService.class).save(context, row.id(),
                new FollowUpChange(null, "Sparat på nod B", seenOnB.version()))).isInstanceOf(ConflictException.class);
        assertThat(onB(FollowUpService.class).overview(context).rows().stream().filter(r -> r.id() == row.id())
                .findFirst().orElseThrow().comment()).isEqualTo("Sparat på nod A");
    }

    @Test
    void aDecisionTakenOnNodeALocksThePeriodForNodeB() {
        signIn("sekretariat");
        CommitteeContext before = openContext();
        FollowUpRow row = editableRow(before);
        String period = before.period().slug();
        periods.submitForReview("ks", period);
        // node B's view was opened while the period was under review: it still holds that context
        signInOnB("sekretariat");
        CommitteeContext seenOnB = onB(PeriodService.class).context("ks", period);
        assertThat(seenOnB.period().isLocked()).isFalse();

        signIn("sekretariat");
        periods.decide("ks", period, new Decision("Kommunstyrelsen", LocalDate.of(2024, 10, 1), "§ 201", "KS 24/0999"));

        signInOnB("sekretariat");
        assertThat(onB(PeriodService.class).context("ks", period).period().isLocked()).isTrue();
        assertThat(onB(PeriodService.class).period("ks", period).state()).isEqualTo(PeriodState.DECIDED);
        // even the stale context cannot write: the database refuses a change to a decided period
        assertThatThrownBy(() -> onB(FollowUpService.class).save(seenOnB, row.id(),
                new FollowUpChange(null, "Efter beslutet", row.version()))).isInstanceOf(LockedException.class);
    }

    private CommitteeContext openContext() {
        return periods.periods(organisation.committee("ks").id()).stream()
                .filter(p -> !p.isLocked()).findFirst()
                .map(p -> periods.context("ks", p.slug())).orElseThrow();
    }

    private FollowUpRow editableRow(CommitteeContext context) {
        return followUp.overview(context).rows().stream().filter(r -> r.editable() && !r.derivedFromFinance())
                .findFirst().orElseThrow();
    }

    /** Node B's scheduled poll, run now (it is package-private in the users feature). */
    private static void poll(ConfigurableApplicationContext node) throws Exception {
        Class<?> type = Class.forName("se.uppfoljning.users.SessionEnds");
        Object bean = node.getBean(type);
        Method poll = type.getDeclaredMethod("poll");
        poll.setAccessible(true);
        poll.invoke(bean);
    }
}
