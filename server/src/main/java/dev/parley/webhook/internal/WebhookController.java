package dev.parley.webhook.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions (seed 003) and their delivery log. Ids always start with {@code wh_}, and the paths say so,
 * so that the inbound webhooks under {@code /v1/webhooks/shopify}, {@code /woocommerce} and {@code /gorgias} never
 * land here.
 */
@RestController
class WebhookController {

    private static final String ONE = "/v1/webhooks/{webhook_id:wh_[A-Za-z0-9]+}";

    private final Subscriptions subscriptions;

    WebhookController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record CreateRequest(String url, List<String> events, String signatureFormat, String secret, Boolean active) {}

    record UpdateRequest(String url, List<String> events, String signatureFormat, Boolean active) {}

    record RotateRequest(String secret) {}

    /**
     * @param secret the secret in full right after creation or rotation when Parley generated it; masked otherwise
     * @param disabledReason {@code gone} when Parley switched it off because the receiver answered 410
     */
    record WebhookView(
            String id,
            String url,
            List<String> events,
            String signatureFormat,
            boolean active,
            String secret,
            @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason,
            Instant createdAt,
            Instant updatedAt) {

        static WebhookView of(Subscription s) {
            return of(new Subscriptions.WithSecret(s, null));
        }

        static WebhookView of(Subscriptions.WithSecret created) {
            Subscription s = created.subscription();
            return new WebhookView(
                    s.id(),
                    s.url(),
                    s.events(),
                    s.signatureFormat().wire(),
                    s.active(),
                    created.secret() != null ? created.secret() : s.maskedSecret(),
                    s.disabledReason(),
                    s.createdAt(),
                    s.updatedAt());
        }
    }

    record Listing(List<WebhookView> data) {}

    record Deleted(String id, boolean deleted) {}

    /**
     * @param status pending, delivered or failed
     * @param lastStatusCode the HTTP status of the last attempt, {@code null} when it got none (refused, timed out)
     * @param responseSnippet the first 500 characters of the last response's body
     */
    record DeliveryView(
            String id,
            String eventId,
            String eventType,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Long latencyMs,
            String responseSnippet,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Instant deliveredAt,
            Instant createdAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.eventId(),
                    d.eventType(),
                    d.status().wire(),
                    d.attempts(),
                    d.lastStatusCode(),
                    d.lastError(),
                    d.latencyMs(),
                    d.responseSnippet(),
                    d.pending() ? d.nextAttemptAt() : null,
                    d.lastAttemptAt(),
                    d.deliveredAt(),
                    d.createdAt());
        }
    }

    @PostMapping("/v1/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    WebhookView create(Caller caller, @RequestBody CreateRequest request) {
        return WebhookView.of(subscriptions.create(
                caller,
                request.url(),
                request.events(),
                request.signatureFormat(),
                request.secret(),
                request.active()));
    }

    @GetMapping("/v1/webhooks")
    @RequiresScope(Scope.WEBHOOKS_READ)
    Listing list(Caller caller) {
        return new Listing(
                subscriptions.list(caller).stream().map(WebhookView::of).toList());
    }

    @GetMapping(ONE)
    @RequiresScope(Scope.WEBHOOKS_READ)
    WebhookView get(Caller caller, @PathVariable("webhook_id") String id) {
        return WebhookView.of(subscriptions.get(caller, id));
    }

    @PatchMapping(ONE)
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    WebhookView update(Caller caller, @PathVariable("webhook_id") String id, @RequestBody UpdateRequest request) {
        return WebhookView.of(subscriptions.update(
                caller, id, request.url(), request.events(), request.signatureFormat(), request.active()));
    }

    @DeleteMapping(ONE)
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    Deleted delete(Caller caller, @PathVariable("webhook_id") String id) {
        subscriptions.delete(caller, id);
        return new Deleted(id, true);
    }

    @PostMapping(ONE + "/rotate-secret")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    WebhookView rotate(
            Caller caller,
            @PathVariable("webhook_id") String id,
            @RequestBody(required = false) RotateRequest request) {
        return WebhookView.of(subscriptions.rotate(caller, id, request == null ? null : request.secret()));
    }

    @PostMapping(ONE + "/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    DeliveryView test(Caller caller, @PathVariable("webhook_id") String id) {
        return DeliveryView.of(subscriptions.test(caller, id));
    }

    @GetMapping(ONE + "/deliveries")
    @RequiresScope(Scope.WEBHOOKS_READ)
    Page<DeliveryView> deliveries(
            Caller caller,
            @PathVariable("webhook_id") String id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        return subscriptions
                .deliveries(caller, id, status, PageQuery.of(page, perPage))
                .map(DeliveryView::of);
    }

    @PostMapping(ONE + "/deliveries/{delivery_id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    DeliveryView redeliver(
            Caller caller, @PathVariable("webhook_id") String id, @PathVariable("delivery_id") String deliveryId) {
        return DeliveryView.of(subscriptions.redeliver(caller, id, deliveryId));
    }
}
