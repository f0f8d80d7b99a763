package dev.parley.webhook.internal;

import dev.parley.platform.FetchException;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchResponse;
import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.JobContext;
import dev.parley.platform.JobHandler;
import dev.parley.platform.Jobs;
import dev.parley.platform.SecretBox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt at one delivery, run by the job runner: retried with the configured backoff and jitter until it is
 * delivered, the receiver answers 410 Gone (the subscription is switched off) or the attempts run out (failed).
 *
 * <p>Deliveries of one subscription that share an ordering key (a conversation) form a lane, sent one at a time in
 * the order they were written. A delivery whose lane has an earlier pending one parks (gives up its job); the
 * delivery that finishes hands a job to the next one of its lane. Both decisions take the subscription's row lock, so
 * no delivery is left parked without a job.
 */
@Component
class DeliveryJob implements JobHandler {

    static final int SNIPPET_CHARS = 500;
    private static final long MAX_RESPONSE_BYTES = 1024 * 1024;

    private final Deliveries deliveries;
    private final SubscriptionRows subscriptions;
    private final GuardedFetcher fetcher;
    private final SecretBox box;
    private final Jobs jobs;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeliveryJob(
            Deliveries deliveries,
            SubscriptionRows subscriptions,
            GuardedFetcher fetcher,
            SecretBox box,
            @Lazy Jobs jobs, // the runner needs this handler first
            WebhookProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.fetcher = fetcher;
        this.box = box;
        this.jobs = jobs;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String type() {
        return Outbox.JOB_TYPE;
    }

    @Override
    public int maxAttempts() {
        return properties.retryDelays().size() + 1;
    }

    /** The configured pause after this attempt, scaled by a jitter that the job id and attempt fix. */
    @Override
    public Duration retryDelay(JobContext job) {
        List<Duration> delays = properties.retryDelays();
        Duration base = delays.get(Math.min(Math.max(job.attempt(), 1), delays.size()) - 1);
        double unit = Math.floorMod((job.jobId() + "#" + job.attempt()).hashCode(), 10_000) / 10_000.0;
        return Duration.ofMillis((long) (base.toMillis() * (0.8 + 0.4 * unit)));
    }

    @Override
    public void run(JobContext job) {
        String deliveryId = job.payload(Payload.class).deliveryId();
        Delivery delivery =
                deliveries.find(job.workspaceId(), job.mode(), deliveryId).orElse(null);
        if (delivery == null || !delivery.pending() || !job.jobId().equals(delivery.jobId())) {
            return; // deleted with its subscription, finished, or handed to another job (redelivered)
        }
        Subscription subscription = subscriptions
                .find(job.workspaceId(), job.mode(), delivery.subscriptionId())
                .orElse(null);
        if (subscription == null) {
            return;
        }
        if (!subscription.active()) {
            finish(delivery, () -> deliveries.fail(delivery.id(), "subscription_inactive", clock.instant()));
            return;
        }
        if (delivery.orderingKey() != null && !headOfLane(job, delivery)) {
            return;
        }
        Deliveries.Attempt attempt = send(subscription, delivery);
        Integer status = attempt.statusCode();
        if (status != null && status >= 200 && status < 300) {
            finish(delivery, () -> deliveries.attempted(delivery.id(), attempt, DeliveryStatus.DELIVERED, null));
        } else if (status != null && status == 410) {
            finish(delivery, () -> {
                deliveries.attempted(delivery.id(), attempt, DeliveryStatus.FAILED, null);
                subscriptions.disable(subscription.id(), "gone", attempt.at());
            });
        } else if (job.attempt() >= maxAttempts()) {
            finish(delivery, () -> deliveries.attempted(delivery.id(), attempt, DeliveryStatus.FAILED, null));
            throw new DeliveryFailed(attempt);
        } else {
            Instant next = attempt.at().plus(retryDelay(job));
            deliveries.attempted(delivery.id(), attempt, DeliveryStatus.PENDING, next);
            throw new DeliveryFailed(attempt);
        }
    }

    /** Whether this delivery may go now; if an earlier one of its lane is pending, it parks until that one ends. */
    private boolean headOfLane(JobContext job, Delivery delivery) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            subscriptions.lock(job.workspaceId(), job.mode(), delivery.subscriptionId());
            Delivery current = deliveries
                    .find(job.workspaceId(), job.mode(), delivery.id())
                    .orElse(null);
            if (current == null || !current.pending() || !job.jobId().equals(current.jobId())) {
                return false;
            }
            if (deliveries.earlierPending(current)) {
                deliveries.assignJob(current.id(), null, null, clock.instant());
                return false;
            }
            return true;
        }));
    }

    /** Ends a delivery and, in the same transaction, hands a job to the next delivery of its lane if it waits. */
    private void finish(Delivery delivery, Runnable end) {
        transactions.executeWithoutResult(tx -> {
            if (delivery.orderingKey() == null) {
                end.run();
                return;
            }
            subscriptions.lock(delivery.workspaceId(), delivery.mode(), delivery.subscriptionId());
            end.run();
            deliveries
                    .headOfLane(delivery.subscriptionId(), delivery.orderingKey())
                    .filter(next -> next.jobId() == null)
                    .ifPresent(next -> {
                        Instant now = clock.instant();
                        String jobId =
                                jobs.enqueue(next.workspaceId(), next.mode(), Outbox.JOB_TYPE, new Payload(next.id()));
                        deliveries.assignJob(next.id(), jobId, now, now);
                    });
        });
    }

    private Deliveries.Attempt send(Subscription subscription, Delivery delivery) {
        long timestamp = clock.instant().getEpochSecond();
        String secret = box.open(subscription.sealedSecret(), subscription.secretContext());
        FetchRequest request = FetchRequest.post(
                        URI.create(subscription.url()),
                        "application/json",
                        delivery.body().getBytes(StandardCharsets.UTF_8))
                .withHeader("User-Agent", "Parley-Webhooks/1")
                .withHeader("X-Webhook-Id", delivery.eventId())
                .withHeader("X-Webhook-Event", delivery.eventType())
                .withHeader("X-Webhook-Timestamp", Long.toString(timestamp))
                .withHeader(
                        "X-Webhook-Signature",
                        Signatures.webhookSignature(subscription.signatureFormat(), secret, delivery.body()))
                .withHeader("X-Parley-Signature", Signatures.parleySignature(secret, timestamp, delivery.body()))
                .withTimeout(properties.timeout())
                .withMaxRedirects(0)
                .withMaxBytes(MAX_RESPONSE_BYTES);
        long started = System.nanoTime();
        try {
            FetchResponse response = fetcher.fetch(request);
            long latency = (System.nanoTime() - started) / 1_000_000;
            String error = response.successful() ? null : "http_" + response.status();
            return new Deliveries.Attempt(response.status(), error, latency, snippet(response.text()), clock.instant());
        } catch (FetchException e) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            String error = e.reason().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage();
            return new Deliveries.Attempt(null, snippet(error), latency, null, clock.instant());
        }
    }

    private static String snippet(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS);
    }

    /** An attempt that did not deliver; the runner retries the job or, after the last attempt, marks it failed. */
    static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(Deliveries.Attempt attempt) {
            super(attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : attempt.error(), null, false, false);
        }
    }

    /** A delivery job's payload: the delivery it sends. */
    record Payload(String deliveryId) {}
}
