package dev.parley.webhook;

import dev.parley.platform.Caller;
import java.time.Instant;
import java.util.List;

/** The caller's webhook subscriptions and their delivery logs, for the console: what {@code /v1/webhooks} serves. */
public interface WebhookAdmin {

    /**
     * @param secret the signing secret in full right after creation, masked otherwise
     * @param disabledReason {@code gone} when Parley switched it off because the receiver answered 410
     * @param signatureFormat how {@code X-Webhook-Signature} spells the HMAC: {@code sha256_prefixed} or {@code hex}
     */
    record Webhook(
            String id,
            String url,
            List<String> events,
            boolean active,
            String secret,
            String disabledReason,
            String signatureFormat,
            Instant createdAt) {}

    /** One event's delivery to a subscription: {@code pending}, {@code delivered} or {@code failed}. */
    record DeliveryAttempt(
            String id,
            String eventType,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Long latencyMs,
            Instant lastAttemptAt,
            Instant createdAt) {}

    /**
     * Subscribes a URL (checked like {@code POST /v1/webhooks}) to events, with a generated secret.
     *
     * @param signatureFormat one of {@link #signatureFormats()}; {@code null} for the default, {@code sha256_prefixed}
     * @throws dev.parley.platform.ApiException {@code missing_field} or {@code invalid_field} for a bad URL, event or
     *     format
     */
    Webhook create(Caller caller, String url, List<String> events, String signatureFormat);

    /** The signature formats a subscription may choose, the default first. */
    List<String> signatureFormats();

    List<Webhook> list(Caller caller);

    /**
     * @throws dev.parley.platform.ApiException {@code not_found} for another workspace's subscription
     */
    Webhook get(Caller caller, String webhookId);

    void delete(Caller caller, String webhookId);

    /** Sends a {@code webhook.test} event. */
    DeliveryAttempt test(Caller caller, String webhookId);

    /** The newest deliveries first, up to 100. */
    List<DeliveryAttempt> deliveries(Caller caller, String webhookId);

    /** Sends a finished delivery again; {@code conflict} while it is still pending. */
    DeliveryAttempt redeliver(Caller caller, String webhookId, String deliveryId);
}
