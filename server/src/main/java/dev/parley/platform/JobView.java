package dev.parley.platform;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A job as its owner sees it.
 *
 * @param payload what the job was queued with, as JSON
 * @param state what the handler saved of its progress, as JSON (an empty object at first)
 */
public record JobView(
        String id,
        String workspaceId,
        String type,
        JobStatus status,
        int attempts,
        JsonNode payload,
        JsonNode state,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public boolean finished() {
        return status.finished();
    }
}
