package se.uppfoljning;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.PeriodService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TestData#reset()} restores a copy of the demo instead of loading it again: it must give back exactly the
 * freshly loaded demo, and nothing a test writes may leak into the next one.
 */
class ResetRestoresTheDemoTest extends AbstractIntegrationTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;

    @AfterEach
    void tearDown() {
        signOut();
        testData.reset();
    }

    @Test
    void aResetGivesBackTheFreshlyLoadedDemoRowsSequencesAndAppendices() {
        testData.reset();
        Map<String, Long> restoredCounts = rowCounts();
        Map<String, String> restoredAppendices = appendixHashes();
        Map<String, Long> restoredSequences = sequences();

        testData.reloadFromScratch();

        assertThat(restoredCounts).isEqualTo(rowCounts());
        assertThat(restoredAppendices).isEqualTo(appendixHashes()).hasSize(8);
        assertThat(restoredSequences).isEqualTo(sequences());
        // the demo as loaded: two committees, 2024-dr1 decided with Bilaga 1 and 2 as docx and pdf, 2024-dr2 open
        assertThat(restoredCounts).containsEntry("committee", 2L).containsEntry("reporting_period", 4L);
        assertThat(restoredCounts.get("follow_up_entry")).isPositive();
        assertThat(restoredCounts.get("audit_log")).isPositive();
    }

    @Test
    void writesOfATestDoNotLeakIntoTheNext() {
        testData.reset();
        Map<String, String> before = contents();

        // writes in many tables: follow-up entry, history and audit; finance and measures; a user; a decided period
        // reopened and one of its formerly locked entries changed
        signIn("tjansteperson");
        var dr2 = periods.context("ks", "2024-dr2");
        FollowUpRow row = followUp.overview(dr2).rows().stream()
                .filter(r -> r.editable() && !r.derivedFromFinance()).findFirst().orElseThrow();
        followUp.save(dr2, row.id(), new FollowUpChange(row.status(), "Ändrad i testet", row.version()));
        testData.copyDr1FiguresAndMeasuresToDr2();
        long ks = dr2.committee().id();
        SystemUser.run(() -> userService.createUser("lacka", "Läcka Test", "demo-demo-demo",
                Set.of(new Membership(ks, Role.OFFICIAL)), Set.of(), null));
        signIn("admin");
        periods.reopen("ks", "2024-dr1", "Testet öppnar perioden");
        signIn("sekretariat");
        var dr1 = periods.context("ks", "2024-dr1");
        FollowUpRow decided = followUp.overview(dr1).rows().stream()
                .filter(r -> r.editable() && !r.derivedFromFinance()).findFirst().orElseThrow();
        followUp.save(dr1, decided.id(), new FollowUpChange(decided.status(), "Ändrad efter öppning",
                decided.version()));
        signOut();
        Map<String, String> written = contents();
        for (String table : new String[] {"follow_up_entry", "follow_up_history", "audit_log", "finance_row",
                "finance_import", "measure", "app_user", "reporting_period", "period_event"}) {
            assertThat(written.get(table)).as(table).isNotEqualTo(before.get(table));
        }

        testData.reset();

        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void afterAResetTheDatabaseStillGuardsTheLockAndTheAuditLog() {
        testData.reset();
        DSLContext db = testData.db();
        assertThat(db.fetchValue("show session_replication_role")).isEqualTo("origin");
        assertThatThrownBy(() -> db.execute("""
                update follow_up_entry set comment = 'x' where period_id =
                  (select p.id from reporting_period p join committee c on c.id = p.committee_id
                   where c.slug = 'ks' and p.slug = '2024-dr1')"""))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> db.execute("delete from audit_log")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> db.execute("insert into committee_membership (user_id, committee_id, role) "
                + "values (-1, -1, 'ADMIN')")).isInstanceOf(DataAccessException.class);
    }

    /** Per table: the row count and an MD5 of all its rows as text, in a fixed order; and each sequence's value. */
    private Map<String, String> contents() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String table : TestData.tableNames()) {
            result.put(table, testData.db().fetchValue(
                    "select count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) "
                            + "from public." + table + " t").toString());
        }
        sequences().forEach((name, value) -> result.put("sequence " + name, String.valueOf(value)));
        return result;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (String table : TestData.tableNames()) {
            result.put(table, testData.db().fetchOne("select count(*) from public." + table).get(0, Long.class));
        }
        return result;
    }

    /** The decided appendices' SHA-256, computed from the stored bytes, by committee, period, kind and format. */
    private Map<String, String> appendixHashes() {
        Map<String, String> result = new LinkedHashMap<>();
        testData.db().fetch("""
                        select c.slug || '/' || p.slug || '/' || a.kind || '.' || a.format, encode(sha256(a.content), 'hex')
                        from period_appendix a join reporting_period p on p.id = a.period_id
                        join committee c on c.id = p.committee_id order by 1""")
                .forEach(r -> result.put(r.get(0, String.class), r.get(1, String.class)));
        return result;
    }

    private Map<String, Long> sequences() {
        Map<String, Long> result = new LinkedHashMap<>();
        testData.db().fetch("select sequencename, last_value from pg_sequences where schemaname = 'public' order by 1")
                .forEach(r -> result.put(r.get(0, String.class), r.get(1, Long.class)));
        return result;
    }
}
