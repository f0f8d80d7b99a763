package dev.parley.platform;

import java.util.Map;

/** What a running job can see and do. */
public interface JobContext {

    String jobId();

    String workspaceId();

    Mode mode();

    Map<String, Object> payload();

    /** The progress saved by earlier attempts, empty at first. */
    Map<String, Object> state();

    /** Saves progress durably, so a later attempt resumes from it; also renews the lease. */
    void save(Map<String, Object> state);

    /** Whether the owner asked the job to stop; checked against the database at most once a second. */
    boolean cancelled();

    int attempt();
}
