package dev.parley.webhook.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import dev.parley.webhook.WebhookAdmin;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ConsoleWebhooks implements WebhookAdmin {

    private final Subscriptions subscriptions;

    ConsoleWebhooks(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Webhook create(Caller caller, String url, List<String> events, String signatureFormat) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return webhook(subscriptions.create(caller, url, events, signatureFormat, null, true));
    }

    @Override
    public List<String> signatureFormats() {
        return SignatureFormat.wires();
    }

    @Override
    public List<Webhook> list(Caller caller) {
        caller.require(Scope.WEBHOOKS_READ);
        return subscriptions.list(caller).stream()
                .map(s -> webhook(new Subscriptions.WithSecret(s, null)))
                .toList();
    }

    @Override
    public Webhook get(Caller caller, String webhookId) {
        caller.require(Scope.WEBHOOKS_READ);
        return webhook(new Subscriptions.WithSecret(subscriptions.get(caller, webhookId), null));
    }

    @Override
    public void delete(Caller caller, String webhookId) {
        caller.require(Scope.WEBHOOKS_WRITE);
        subscriptions.delete(caller, webhookId);
    }

    @Override
    public DeliveryAttempt test(Caller caller, String webhookId) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return attempt(subscriptions.test(caller, webhookId));
    }

    @Override
    public List<DeliveryAttempt> deliveries(Caller caller, String webhookId) {
        caller.require(Scope.WEBHOOKS_READ);
        return subscriptions
                .deliveries(caller, webhookId, null, new PageQuery(1, PageQuery.MAX_PER_PAGE))
                .data()
                .stream()
                .map(ConsoleWebhooks::attempt)
                .toList();
    }

    @Override
    public DeliveryAttempt redeliver(Caller caller, String webhookId, String deliveryId) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return attempt(subscriptions.redeliver(caller, webhookId, deliveryId));
    }

    private static Webhook webhook(Subscriptions.WithSecret created) {
        Subscription s = created.subscription();
        return new Webhook(
                s.id(),
                s.url(),
                s.events(),
                s.active(),
                created.secret() != null ? created.secret() : s.maskedSecret(),
                s.disabledReason(),
                s.signatureFormat().wire(),
                s.createdAt());
    }

    private static DeliveryAttempt attempt(Delivery d) {
        return new DeliveryAttempt(
                d.id(),
                d.eventType(),
                d.status().wire(),
                d.attempts(),
                d.lastStatusCode(),
                d.lastError(),
                d.latencyMs(),
                d.lastAttemptAt(),
                d.createdAt());
    }
}
