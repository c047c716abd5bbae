package se.uppfoljning;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the SQL statements jOOQ executes on the current thread (picked up by Spring Boot's jOOQ configuration). */
@Component
public class StatementCounter implements ExecuteListenerProvider {

    private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);
    private static final ThreadLocal<java.util.List<String>> SQL = ThreadLocal.withInitial(java.util.ArrayList::new);

    private final ExecuteListenerProvider delegate = new DefaultExecuteListenerProvider(new ExecuteListener() {
        @Override
        public void executeStart(ExecuteContext ctx) {
            COUNT.get().incrementAndGet();
            SQL.get().add(ctx.sql());
        }
    });

    @Override
    public ExecuteListener provide() {
        return delegate.provide();
    }

    public void reset() {
        COUNT.get().set(0);
        SQL.get().clear();
    }

    /** The statements counted, for a failing assertion to show. */
    public java.util.List<String> statements() {
        return java.util.List.copyOf(SQL.get());
    }

    public int count() {
        return COUNT.get().get();
    }
}
