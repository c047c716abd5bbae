package se.uppfoljning.appendix;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded pool that renders appendices for the UI's progress display: two at a time (like the machine's cores),
 * at most 100 waiting; Spring starts and stops it with the application.
 */
@Configuration
class AppendixExecutorConfiguration {

    static final String EXECUTOR = "appendixExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor appendixExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(100);
        executor.setKeepAliveSeconds(60);
        executor.setThreadNamePrefix("appendix-generator-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
