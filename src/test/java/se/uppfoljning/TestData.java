package se.uppfoljning;

import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.db.DefaultSchema;
import se.uppfoljning.demo.DemoDataLoader;

import java.util.stream.Collectors;

/** Puts the database back to the demo data: every table emptied, then the demo loaded as at first start. */
@Component
public class TestData {

    private final DSLContext db;
    private final DemoDataLoader demo;
    private final TransactionTemplate transaction;

    @org.springframework.beans.factory.annotation.Autowired
    private se.uppfoljning.organisation.OrganisationService organisation;
    @org.springframework.beans.factory.annotation.Autowired
    private se.uppfoljning.finance.FinanceImportService financeImport;
    @org.springframework.beans.factory.annotation.Autowired
    private se.uppfoljning.measures.MeasureService measures;

    TestData(DSLContext db, DemoDataLoader demo, TransactionTemplate transaction) {
        this.db = db;
        this.demo = demo;
        this.transaction = transaction;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private se.uppfoljning.base.security.LoginThrottle loginThrottle;
    @org.springframework.beans.factory.annotation.Autowired
    private TestClock clock;

    public void reset() {
        clock.reset();
        loginThrottle.clear(); // failed logins of one test never lock another's user
        String tables = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName)
                .collect(Collectors.joining(", "));
        transaction.executeWithoutResult(status -> {
            db.execute("truncate " + tables + " restart identity cascade");
            SystemUser.run(demo::load);
        });
    }

    /**
     * Gives the open period 2024-dr2 of KS the demo's finance figures and measures of 2024-dr1 (decided and locked),
     * for tests that change figures or measures in an open period.
     */
    public void copyDr1FiguresAndMeasuresToDr2() {
        transaction.executeWithoutResult(status -> SystemUser.run(() -> {
            var dr2 = organisation.context("ks", "2024-dr2");
            financeImport.importFile(dr2, "ks-2024-dr1-finance.csv", resource("demo/ks-2024-dr1-finance.csv"));
            measures.importFile(dr2, "ks-2024-dr1-measures.csv", resource("demo/ks-2024-dr1-measures.csv"));
        }));
    }

    private static byte[] resource(String name) {
        try (var in = new org.springframework.core.io.ClassPathResource(name).getInputStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public DSLContext db() {
        return db;
    }
}
