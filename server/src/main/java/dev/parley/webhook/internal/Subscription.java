package dev.parley.webhook.internal;

import dev.parley.platform.Mode;
import dev.parley.webhook.WebhookCatalogue;
import java.time.Instant;
import java.util.List;

/**
 * A workspace's subscription: where to send which events, signed with its secret.
 *
 * @param events the event names it was created with (a catalogue name or seed 003's alias), or {@code *} for every
 *     event; a delivery names its event as the subscription did
 * @param signatureFormat how {@code X-Webhook-Signature} spells the body's HMAC
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
        SignatureFormat signatureFormat,
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
        return events.contains(ALL) || events.stream().anyMatch(name -> eventType.equals(canonical(name)));
    }

    /** The name this subscription knows an event by: seed 003's {@code chat.created} when it subscribed so. */
    String nameFor(String eventType) {
        return events.stream()
                .filter(name -> eventType.equals(canonical(name)))
                .findFirst()
                .orElse(eventType);
    }

    private static String canonical(String name) {
        return WebhookCatalogue.canonical(name).orElse(name);
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
                signatureFormat,
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
                signatureFormat,
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
                signatureFormat,
                sealedSecret,
                secretLast4,
                on,
                on ? null : disabledReason,
                createdAt,
                now);
    }

    Subscription withSecret(String sealed, String last4, Instant now) {
        return new Subscription(
                id,
                workspaceId,
                mode,
                url,
                events,
                signatureFormat,
                sealed,
                last4,
                active,
                disabledReason,
                createdAt,
                now);
    }

    Subscription withSignatureFormat(SignatureFormat format, Instant now) {
        return new Subscription(
                id,
                workspaceId,
                mode,
                url,
                events,
                format,
                sealedSecret,
                secretLast4,
                active,
                disabledReason,
                createdAt,
                now);
    }
}
