package dev.parley.webhook.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.platform.Digests;
import dev.parley.platform.Ids;
import dev.parley.platform.Jobs;
import dev.parley.platform.PublicEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every published fact to the outbox, once per active subscription that wants it, inside the transaction that
 * published it: the delivery commits with the change that caused it, and a rolled-back change sends nothing. Each
 * delivery's first attempt is a queued job in the same transaction.
 */
@Component
class Outbox {

    static final String JOB_TYPE = "webhook.deliver";

    private final SubscriptionRows subscriptions;
    private final Deliveries deliveries;
    private final Jobs jobs;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Outbox(
            SubscriptionRows subscriptions,
            Deliveries deliveries,
            Jobs jobs,
            JsonMapper json,
            Clock clock,
            TransactionTemplate transactions) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Synchronous on purpose: it must run inside the publisher's transaction, not after it. */
    @EventListener
    void on(PublicEvent event) {
        String type = event.wireName();
        List<Subscription> wanting = subscriptions.activeInThisTransaction(event.workspaceId(), event.mode()).stream()
                .filter(s -> s.wants(type))
                .toList();
        if (wanting.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            String eventId = Ids.next("evt");
            for (Subscription subscription : wanting) {
                String name = subscription.nameFor(type);
                String body = envelope(eventId, name, now, SeedPayloads.data(type, json.valueToTree(event.data())));
                write(subscription, eventId, name, event.orderingKey(), body, now);
            }
        });
    }

    /** A {@code webhook.test} event for one subscription only, whatever events it lists. */
    String test(Subscription subscription) {
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            String eventId = Ids.next("evt");
            TestData data =
                    new TestData(subscription.id(), "A test event from Parley: this endpoint receives its webhooks.");
            String body = envelope(eventId, dev.parley.webhook.WebhookCatalogue.TEST_EVENT, now, data);
            return write(subscription, eventId, dev.parley.webhook.WebhookCatalogue.TEST_EVENT, null, body, now);
        });
    }

    private String write(
            Subscription subscription, String eventId, String type, String orderingKey, String body, Instant now) {
        String deliveryId = Ids.next("dlv");
        String jobId = jobs.enqueue(
                subscription.workspaceId(), subscription.mode(), JOB_TYPE, new DeliveryJob.Payload(deliveryId));
        deliveries.insert(
                deliveryId,
                subscription.workspaceId(),
                subscription.mode(),
                subscription.id(),
                eventId,
                type,
                orderingKey == null || orderingKey.length() <= 200 ? orderingKey : Digests.sha256Hex(orderingKey),
                body,
                jobId,
                now);
        return deliveryId;
    }

    /**
     * Seed 002's payload plus the event's id: {@code {"id","event","timestamp","data"}}, written as
     * {@code JSON.stringify} would write it, so that seed 000's receiver, which signs its re-serialized body, agrees.
     */
    private String envelope(String eventId, String type, Instant at, Object data) {
        return JsonText.stringify(json.valueToTree(
                new Envelope(eventId, type, at.truncatedTo(ChronoUnit.SECONDS).toString(), data)));
    }

    /** @param data the event's data object, as its catalogue entry gives it */
    record Envelope(String id, String event, String timestamp, Object data) {}

    /** {@code webhook.test}'s data. */
    record TestData(@JsonProperty("webhook_id") String webhookId, String message) {}
}
