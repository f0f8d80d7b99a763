package dev.parley.platform;

import java.time.Instant;
import java.util.Map;

/**
 * A job as its owner sees it.
 *
 * @param status queued, running, succeeded, failed, cancelling or cancelled
 * @param state what the handler saved of its progress
 */
public record JobView(
        String id,
        String workspaceId,
        String type,
        String status,
        int attempts,
        Map<String, Object> payload,
        Map<String, Object> state,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public boolean finished() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
    }
}
