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

    TestData(DSLContext db, DemoDataLoader demo, TransactionTemplate transaction) {
        this.db = db;
        this.demo = demo;
        this.transaction = transaction;
    }

    public void reset() {
        String tables = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName)
                .collect(Collectors.joining(", "));
        transaction.executeWithoutResult(status -> {
            db.execute("truncate " + tables + " restart identity cascade");
            SystemUser.run(demo::load);
        });
    }

    public DSLContext db() {
        return db;
    }
}
