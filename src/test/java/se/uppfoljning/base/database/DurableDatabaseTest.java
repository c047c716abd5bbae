package se.uppfoljning.base.database;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL runs with PostgreSQL's durable defaults, seen through the application's own connection. */
class DurableDatabaseTest extends AbstractIntegrationTest {

    @Autowired
    DSLContext db;

    @Test
    void commitsAreDurable() {
        assertThat(db.fetchValue("show fsync")).isEqualTo("on");
        assertThat(db.fetchValue("show synchronous_commit")).isEqualTo("on");
        assertThat(db.fetchValue("show full_page_writes")).isEqualTo("on");
    }
}
