package dev.parley.webhook.internal;

import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;

/**
 * A workspace's subscription: where to send which events, signed with its secret.
 *
 * @param events catalogue names, or {@code *} for every event
 * @param sealedSecret the signing secret as {@link dev.parley.platform.SecretBox} sealed it
 * @param secretLast4 the secret's last four characters, for the masked form
 * @param disabledReason why Parley switched it off ({@code gone}: the receiver answered 410), or {@code null}
 */
record Subscription(
        String id,
        String workspaceId,
        Mode mode,
        String url,
        List<String> events,
        String sealedSecret,
        String secretLast4,
        boolean active,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    static final String ALL = "*";

    Subscription {
        events = List.copyOf(events);
    }

    boolean wants(String eventType) {
        return events.contains(ALL) || events.contains(eventType);
    }

    /** What a sealed secret of this subscription is bound to, so it opens in no other row. */
    String secretContext() {
        return workspaceId + ":" + id;
    }

    String maskedSecret() {
        return "whsec_" + "*".repeat(16) + secretLast4;
    }

    Subscription withUrl(String newUrl, Instant now) {
        return new Subscription(
                id,
                workspaceId,
                mode,
                newUrl,
                events,
                sealedSecret,
                secretLast4,
                active,
                disabledReason,
                createdAt,
                now);
    }

    Subscription withEvents(List<String> newEvents, Instant now) {
        return new Subscription(
                id,
                workspaceId,
                mode,
                url,
                newEvents,
                sealedSecret,
                secretLast4,
                active,
                disabledReason,
                createdAt,
                now);
    }

    /** Switching on clears the reason Parley switched it off. */
    Subscription withActive(boolean on, Instant now) {
        return new Subscription(
                id,
                workspaceId,
                mode,
                url,
                events,
                sealedSecret,
                secretLast4,
                on,
                on ? null : disabledReason,
                createdAt,
                now);
    }

    Subscription withSecret(String sealed, String last4, Instant now) {
        return new Subscription(
                id, workspaceId, mode, url, events, sealed, last4, active, disabledReason, createdAt, now);
    }
}
