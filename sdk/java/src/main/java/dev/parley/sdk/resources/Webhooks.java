package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.WebhookSignatureException;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.core.WebhookSignature;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.WebhookDelivery;
import dev.parley.sdk.model.WebhookEndpoint;
import dev.parley.sdk.model.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Webhook subscriptions, their deliveries, and verifying what Parley sends. */
public final class Webhooks extends Resource {
    public Webhooks(HttpCore http) {
        super(http);
    }

    /** {@code url}, {@code events}, {@code signatureFormat} (sha256_prefixed, hex), {@code secret}. */
    public WebhookEndpoint create(Params params, RequestOptions... options) {
        return post("/v1/webhooks", params, WebhookEndpoint::new, options);
    }

    public PageIterable<WebhookEndpoint> list(RequestOptions... options) {
        return paged("/v1/webhooks", null, WebhookEndpoint::new, options);
    }

    public WebhookEndpoint get(String webhookId, RequestOptions... options) {
        return get("/v1/webhooks/" + enc(webhookId), null, WebhookEndpoint::new, options);
    }

    public WebhookEndpoint update(String webhookId, Params params, RequestOptions... options) {
        return patch("/v1/webhooks/" + enc(webhookId), params, WebhookEndpoint::new, options);
    }

    public JsonObject delete(String webhookId, RequestOptions... options) {
        return delete("/v1/webhooks/" + enc(webhookId), null, JsonObject::new, options);
    }

    /** A new secret (generated, or {@code secret}), shown in full in the answer. */
    public WebhookEndpoint rotateSecret(String webhookId, Params params, RequestOptions... options) {
        return post("/v1/webhooks/" + enc(webhookId) + "/rotate-secret", params, WebhookEndpoint::new, options);
    }

    /** Sends a {@code webhook.test} event to this subscription. */
    public JsonObject test(String webhookId, RequestOptions... options) {
        return post("/v1/webhooks/" + enc(webhookId) + "/test", null, JsonObject::new, options);
    }

    /** The delivery log ({@code status}: pending, delivered, failed). */
    public PageIterable<WebhookDelivery> deliveries(String webhookId, Params params, RequestOptions... options) {
        return paged("/v1/webhooks/" + enc(webhookId) + "/deliveries", params, WebhookDelivery::new, options);
    }

    public JsonObject redeliver(String webhookId, String deliveryId, RequestOptions... options) {
        return post(
                "/v1/webhooks/" + enc(webhookId) + "/deliveries/" + enc(deliveryId) + "/redeliver",
                null,
                JsonObject::new,
                options);
    }

    /**
     * Verifies a delivery against its raw body and returns the parsed event, or throws
     * {@link WebhookSignatureException}. Checks every signature header present, and at least one must be:
     * {@code X-Parley-Signature: t=<unix>,v1=<hex>} (HMAC-SHA256 of {@code <t>.<body>}; a {@code t} more than 300 s
     * away is refused) and {@code X-Webhook-Signature} as {@code sha256=<hex>} or a bare hex digest (HMAC of the
     * body). Header names are matched case-insensitively; values may be strings or lists of strings (as servlet
     * and {@code com.sun.net.httpserver} give them).
     */
    public WebhookEvent verify(byte[] payload, Map<String, ?> headers, String secret) {
        return WebhookSignature.verify(payload, headers, secret, WebhookSignature.DEFAULT_TOLERANCE, null);
    }

    /** {@link #verify(byte[], Map, String)} for a body read as UTF-8 text. */
    public WebhookEvent verify(String payload, Map<String, ?> headers, String secret) {
        return verify(payload.getBytes(StandardCharsets.UTF_8), headers, secret);
    }

    /** {@link #verify(byte[], Map, String)} with another tolerance for {@code X-Parley-Signature}'s timestamp. */
    public WebhookEvent verify(byte[] payload, Map<String, ?> headers, String secret, Duration tolerance) {
        return WebhookSignature.verify(payload, headers, secret, tolerance, null);
    }

    /** {@code true} when {@link #verify(byte[], Map, String)} would accept the delivery. */
    public boolean isValid(byte[] payload, Map<String, ?> headers, String secret) {
        try {
            verify(payload, headers, secret);
            return true;
        } catch (WebhookSignatureException refused) {
            return false;
        }
    }

    /** The headers Parley would send for a body ({@code format}: sha256_prefixed or hex), for a receiver's tests. */
    public Map<String, String> generateTestHeaders(String payload, String secret, String format) {
        return WebhookSignature.sign(
                payload.getBytes(StandardCharsets.UTF_8), secret, System.currentTimeMillis() / 1000, format);
    }
}
