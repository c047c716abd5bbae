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

    private final ExecuteListenerProvider delegate = new DefaultExecuteListenerProvider(new ExecuteListener() {
        @Override
        public void executeStart(ExecuteContext ctx) {
            COUNT.get().incrementAndGet();
        }
    });

    @Override
    public ExecuteListener provide() {
        return delegate.provide();
    }

    public void reset() {
        COUNT.get().set(0);
    }

    public int count() {
        return COUNT.get().get();
    }
}
