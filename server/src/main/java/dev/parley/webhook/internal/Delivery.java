package dev.parley.webhook.internal;

import dev.parley.platform.Mode;
import java.time.Instant;

/**
 * One event on its way to one subscription, and what its attempts got.
 *
 * @param seq the order deliveries were written in; a lane (subscription and ordering key) is delivered in this order
 * @param body the exact JSON every attempt sends, so every attempt signs and sends the same bytes
 * @param jobId the job that owns the next attempt, {@code null} while it waits for an earlier delivery of its lane
 */
record Delivery(
        String id,
        long seq,
        String workspaceId,
        Mode mode,
        String subscriptionId,
        String eventId,
        String eventType,
        String orderingKey,
        String body,
        DeliveryStatus status,
        String jobId,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Long latencyMs,
        String responseSnippet,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {

    boolean pending() {
        return status == DeliveryStatus.PENDING;
    }
}
