package dev.parley.platform;

import java.time.Duration;

/**
 * Runs jobs of one type. A handler may run more than once for the same job (after a crash or a failure), so it
 * resumes from {@link JobContext#state()} and does nothing twice that must happen once.
 */
public interface JobHandler {

    String type();

    /** How many attempts before the job is marked failed. */
    default int maxAttempts() {
        return 5;
    }

    /**
     * How long to wait after the failed attempt {@link JobContext#attempt()} of {@code job} before the next one;
     * {@code null} (the default) for the runner's own backoff: 5 s doubling up to an hour, with jitter.
     */
    default Duration retryDelay(JobContext job) {
        return null;
    }

    void run(JobContext context) throws Exception;
}
