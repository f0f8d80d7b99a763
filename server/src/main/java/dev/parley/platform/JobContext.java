package dev.parley.platform;

/** What a running job can see and do. */
public interface JobContext {

    String jobId();

    String workspaceId();

    Mode mode();

    /** What the job was queued with, read as the handler's own record. */
    <T> T payload(Class<T> type);

    /** The progress saved by earlier attempts, read as the handler's own record; {@code null} at first. */
    <T> T state(Class<T> type);

    /** Saves progress (a record) durably, so a later attempt resumes from it; also renews the lease. */
    void save(Object state);

    /** Whether the owner asked the job to stop; checked against the database at most once a second. */
    boolean cancelled();

    int attempt();
}
