package dev.parley.platform;

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

    void run(JobContext context) throws Exception;
}
