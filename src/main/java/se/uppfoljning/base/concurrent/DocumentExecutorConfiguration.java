package se.uppfoljning.base.concurrent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded pool that renders documents (the appendices, the whole report) for the UI's progress display: two at a
 * time (like the machine's cores), at most 100 waiting; Spring starts and stops it with the application.
 */
@Configuration
public class DocumentExecutorConfiguration {

    /** The bean's name, for {@code @Qualifier}. */
    public static final String EXECUTOR = "documentExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor documentExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(100);
        executor.setKeepAliveSeconds(60);
        executor.setThreadNamePrefix("document-generator-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
