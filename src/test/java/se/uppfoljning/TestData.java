package se.uppfoljning;

import org.jooq.DSLContext;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.base.security.LoginThrottle;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.db.DefaultSchema;
import se.uppfoljning.demo.DemoDataLoader;
import se.uppfoljning.finance.FinanceImportService;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.users.UserService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the database back to the demo data as it was loaded when the shared test context started.
 * <p>
 * The demo is loaded (and 2024-dr1 decided, its eight appendices rendered) once per test run, through
 * {@link DemoDataLoader#load()} when the shared context starts. Right after, every application table and the identity
 * sequences are copied into the schema {@value #SNAPSHOT}. {@link #reset()} then restores them in
 * one statement – all tables emptied and refilled from the copy, the sequences set back, so ids and rows are exactly
 * those of the fresh load – in tens of milliseconds instead of seconds. The restore runs with
 * {@code session_replication_role = replica} for its own transaction only, because it writes the rows of a decided
 * period (the period lock triggers) and the audit log (append-only trigger) back as they were; foreign keys are not
 * checked while refilling, which is sound since the copy was consistent. {@code ResetRestoresTheDemoTest} checks
 * that a reset gives back the fresh load's rows and appendix hashes and that no write leaks into the next test.
 * See docs/decisions/0007-test-database.md.
 */
@Component
public class TestData {

    private static final Logger log = LoggerFactory.getLogger(TestData.class);

    /** The schema holding the copy of the freshly loaded demo. Not part of the application's schema. */
    static final String SNAPSHOT = "demo_snapshot";

    private final DSLContext db;
    private final DemoDataLoader demo;
    private final TransactionTemplate transaction;

    @Autowired
    private OrganisationService organisation;
    @Autowired
    private PeriodService periods;
    @Autowired
    private FinanceImportService financeImport;
    @Autowired
    private MeasureService measures;
    @Autowired
    private UserService users;

    private volatile boolean snapshotTaken;
    /** The schemas {@link #resetTo} made in this run. */
    private final Set<String> extraSnapshots = new HashSet<>();

    TestData(DSLContext db, DemoDataLoader demo, TransactionTemplate transaction) {
        this.db = db;
        this.demo = demo;
        this.transaction = transaction;
    }

    @Autowired
    private LoginThrottle loginThrottle;
    @Autowired
    private TestClock clock;

    /** Puts every table (and identity sequence) back to the demo data as freshly loaded. */
    public void reset() {
        clock.reset();
        loginThrottle.clear(); // failed logins of one test never lock another's user
        if (!snapshotTaken) {
            snapshot();
        }
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> db.execute("select " + SNAPSHOT + ".restore()"));
        log.debug("Demodata återställd på {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Empties every table and loads the demo again through the services, as at first start (renders the decided
     * period's appendices: seconds). Only for tests that compare the restored copy with a fresh load; call
     * {@link #reset()} afterwards so later tests see the snapshot's timestamps again.
     */
    public void reloadFromScratch() {
        transaction.executeWithoutResult(status -> {
            db.execute("truncate " + tableNames().stream().map(t -> "public." + t).collect(Collectors.joining(", "))
                    + " restart identity cascade");
            SystemUser.run(demo::load);
        });
    }

    /**
     * The shared test context starts on an empty database (the test profile turns the loader's own start-up load off,
     * {@code app.demo=false}): load the demo and copy it now, before any test runs – the run's one load. A context
     * that starts on a database with data (one kept between starts, or with the loader on) is left as it is; its first
     * {@link #reset()} loads and copies.
     */
    @EventListener(ContextRefreshedEvent.class)
    void loadOnStart() {
        if (!snapshotTaken && organisation.isEmpty()) {
            snapshot();
        }
    }

    /**
     * Empties every table (also the row the migrations seed, the "system" user, exactly as every reset did before),
     * loads the demo and copies it into {@value #SNAPSHOT} with a function that restores it.
     */
    synchronized void snapshot() {
        if (snapshotTaken) {
            return;
        }
        long started = System.nanoTime();
        List<String> tables = tableNames();
        transaction.executeWithoutResult(status -> {
            db.execute("truncate " + tables.stream().map(t -> "public." + t).collect(Collectors.joining(", "))
                    + " restart identity cascade");
            SystemUser.run(demo::load);
            copyInto(SNAPSHOT);
        });
        snapshotTaken = true;
        log.info("Demodata inläst och kopierad till {} ({} tabeller) på {} ms", SNAPSHOT, tables.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Puts the database back to the demo plus what {@code build} adds (e.g. a synthetic committee of 1 000 rows that
     * takes seconds to import): the first call in a run resets, runs {@code build} and copies the result into its own
     * schema; every later call with the same name – in any test class – restores that copy in one statement. Only
     * for additions that do not depend on the test calling (the name stands for what {@code build} makes).
     */
    public synchronized void resetTo(String name, Runnable build) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("snapshot name: " + name);
        }
        String schema = SNAPSHOT + "_" + name;
        reset();
        if (extraSnapshots.add(schema)) {
            long started = System.nanoTime();
            build.run();
            transaction.executeWithoutResult(status -> copyInto(schema));
            log.info("Demodata med {} kopierad till {} på {} ms", name, schema, (System.nanoTime() - started) / 1_000_000);
            return;
        }
        transaction.executeWithoutResult(status -> db.execute("select " + schema + ".restore()"));
    }

    /** Copies every application table and the sequences' values into {@code schema}, with {@code schema.restore()}. */
    private void copyInto(String schema) {
        List<String> tables = tableNames();
        db.execute("drop schema if exists " + schema + " cascade");
        db.execute("create schema " + schema);
        StringBuilder restore = new StringBuilder()
                .append("create function ").append(schema).append(".restore() returns void language plpgsql as $$\n")
                .append("begin\n")
                // triggers (period lock, append-only audit log, foreign keys) off for this transaction only
                .append("  set local session_replication_role = replica;\n")
                .append("  truncate ").append(tables.stream().map(t -> "public." + t).collect(Collectors.joining(", ")))
                .append(";\n");
        for (String table : tables) {
            db.execute("create table " + schema + "." + table + " as select * from public." + table);
            // stored generated columns are computed again, not copied
            String columns = db.fetch("""
                            select quote_ident(attname) from pg_attribute
                            where attrelid = ?::regclass and attnum > 0 and not attisdropped and attgenerated = ''
                            order by attnum""", "public." + table)
                    .getValues(0, String.class).stream().collect(Collectors.joining(", "));
            restore.append("  insert into public.").append(table).append(" (").append(columns)
                    .append(") overriding system value select ").append(columns).append(" from ")
                    .append(schema).append(".").append(table).append(";\n");
        }
        db.execute("create table " + schema + ".sequence_value as "
                + "select format('%I.%I', schemaname, sequencename) as name, start_value, last_value "
                + "from pg_sequences where schemaname = 'public'");
        restore.append("  perform setval(name, coalesce(last_value, start_value), last_value is not null) from ")
                .append(schema).append(".sequence_value;\n")
                .append("  set local session_replication_role = origin;\n")
                .append("end $$");
        db.execute(restore.toString());
    }

    /** The application's tables (jOOQ's generated schema: what Liquibase created, without its own tables). */
    static List<String> tableNames() {
        return DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName).toList();
    }

    /**
     * Gives the open period 2024-dr2 of KS the demo's finance figures and measures of 2024-dr1 (decided and locked),
     * for tests that change figures or measures in an open period.
     */
    public void copyDr1FiguresAndMeasuresToDr2() {
        transaction.executeWithoutResult(status -> SystemUser.run(() -> {
            var dr2 = periods.context("ks", "2024-dr2");
            financeImport.importFile(dr2, "ks-2024-dr1-finance.csv", resource("demo/ks-2024-dr1-finance.csv"));
            measures.importFile(dr2, "ks-2024-dr1-measures.csv", resource("demo/ks-2024-dr1-measures.csv"));
        }));
    }

    /** The id of Kommunstyrelsen's 2024 item with this number (e.g. "14.1", an indicator with the target "minst 75"). */
    public long ksItemId(String number) {
        return ((Number) db.fetchValue("select i.id from follow_up_item i join committee c on c.id = i.committee_id "
                + "where c.slug = 'ks' and i.plan_year = 2024 and i.number = ?", number)).longValue();
    }

    /**
     * Adds the user {@value #NARINGSLIV} (password {@code demo-demo-demo}): an official of KS's Näringslivsavdelningen,
     * which owns the indicators 14.1 and 14.2 – the demo has no official there.
     */
    public void addNaringslivOfficial() {
        SystemUser.run(() -> {
            long ks = organisation.committee("ks").id();
            long department = organisation.departments(ks).stream()
                    .filter(d -> d.name().equals("Näringslivsavdelningen")).findFirst().orElseThrow().id();
            users.createUser(NARINGSLIV, "Nora Näringsliv", "demo-demo-demo",
                    List.of(new Membership(ks, Role.OFFICIAL)), Set.of(department));
        });
    }

    /** The official {@link #addNaringslivOfficial()} adds. */
    public static final String NARINGSLIV = "naringsliv";

    private static byte[] resource(String name) {
        try (var in = new ClassPathResource(name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DSLContext db() {
        return db;
    }
}
