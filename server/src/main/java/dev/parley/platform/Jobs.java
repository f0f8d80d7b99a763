package dev.parley.platform;

import java.util.Optional;

/**
 * Durable background work (crawls, imports, webhook deliveries, exports): a job row is claimed by one node at a time
 * with a lease, retried with backoff when it fails, and picked up by another node when its node dies.
 */
public interface Jobs {

    /**
     * Queues a job for a {@link JobHandler} of that type and returns its id ({@code job_...}).
     *
     * @param payload what the handler needs, a record it reads back with {@link JobContext#payload(Class)}
     */
    String enqueue(String workspaceId, Mode mode, String type, Object payload);

    Optional<JobView> find(String workspaceId, Mode mode, String jobId);

    /** Asks a queued or running job to stop; the handler sees it through {@link JobContext#cancelled()}. */
    JobView cancel(String workspaceId, Mode mode, String jobId);
}
