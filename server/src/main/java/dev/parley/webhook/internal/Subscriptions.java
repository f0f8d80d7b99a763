package dev.parley.webhook.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.FetchException;
import dev.parley.platform.Ids;
import dev.parley.platform.Jobs;
import dev.parley.platform.OutboundTargets;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.SecretBox;
import dev.parley.webhook.WebhookCatalogue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A workspace's subscriptions and their delivery log, every call scoped to the caller's workspace and mode. */
@Service
class Subscriptions {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;

    private final SubscriptionRows subscriptionRows;
    private final Deliveries deliveries;
    private final Outbox outbox;
    private final OutboundTargets targets;
    private final SecretBox box;
    private final Jobs jobs;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Subscriptions(
            SubscriptionRows subscriptionRows,
            Deliveries deliveries,
            Outbox outbox,
            OutboundTargets targets,
            SecretBox box,
            Jobs jobs,
            WebhookProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.subscriptionRows = subscriptionRows;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.targets = targets;
        this.box = box;
        this.jobs = jobs;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A subscription and, right after it was made or its secret rotated, the secret in full. */
    record WithSecret(Subscription subscription, String secret) {}

    WithSecret create(
            Caller caller, String url, List<String> events, String signatureFormat, String secret, Boolean active) {
        String checkedUrl = checkedUrl(url);
        List<String> checkedEvents = checkedEvents(events);
        SignatureFormat format =
                signatureFormat == null ? SignatureFormat.SHA256_PREFIXED : SignatureFormat.of(signatureFormat);
        String chosen = secret == null ? generatedSecret() : checkedSecret(secret);
        Instant now = clock.instant();
        String id = Ids.next("wh");
        String context = caller.workspaceId() + ":" + id;
        Subscription subscription = new Subscription(
                id,
                caller.workspaceId(),
                caller.mode(),
                checkedUrl,
                checkedEvents,
                format,
                box.seal(chosen, context),
                last4(chosen),
                active == null || active,
                null,
                now,
                now);
        transactions.executeWithoutResult(tx -> {
            if (subscriptionRows.count(caller.workspaceId(), caller.mode()) >= properties.maxSubscriptions()) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        null,
                        Map.of("reason", "subscription_limit", "limit", properties.maxSubscriptions()));
            }
            subscriptionRows.insert(subscription);
        });
        return new WithSecret(subscription, secret == null ? chosen : null);
    }

    List<Subscription> list(Caller caller) {
        return subscriptionRows.list(caller.workspaceId(), caller.mode());
    }

    Subscription get(Caller caller, String id) {
        return subscriptionRows
                .find(caller.workspaceId(), caller.mode(), id)
                .orElseThrow(() -> ApiException.notFound("webhook", id));
    }

    Subscription update(
            Caller caller, String id, String url, List<String> events, String signatureFormat, Boolean active) {
        Subscription subscription = get(caller, id);
        Instant now = clock.instant();
        if (url != null) {
            subscription = subscription.withUrl(checkedUrl(url), now);
        }
        if (events != null) {
            subscription = subscription.withEvents(checkedEvents(events), now);
        }
        if (signatureFormat != null) {
            subscription = subscription.withSignatureFormat(SignatureFormat.of(signatureFormat), now);
        }
        if (active != null) {
            subscription = subscription.withActive(active, now);
        }
        subscriptionRows.update(subscription);
        return subscription;
    }

    void delete(Caller caller, String id) {
        if (!subscriptionRows.delete(caller.workspaceId(), caller.mode(), id)) {
            throw ApiException.notFound("webhook", id);
        }
    }

    /** A new secret at once, for every attempt from now on, retries of earlier events included: no grace period. */
    WithSecret rotate(Caller caller, String id, String secret) {
        Subscription subscription = get(caller, id);
        String chosen = secret == null ? generatedSecret() : checkedSecret(secret);
        Subscription rotated =
                subscription.withSecret(box.seal(chosen, subscription.secretContext()), last4(chosen), clock.instant());
        subscriptionRows.update(rotated);
        return new WithSecret(rotated, secret == null ? chosen : null);
    }

    Delivery test(Caller caller, String id) {
        Subscription subscription = get(caller, id);
        if (!subscription.active()) {
            throw new ApiException(ErrorCode.CONFLICT, null, Map.of("reason", "webhook_inactive"));
        }
        String deliveryId = outbox.test(subscription);
        return deliveries.find(caller.workspaceId(), caller.mode(), deliveryId).orElseThrow();
    }

    Page<Delivery> deliveries(Caller caller, String id, String status, PageQuery query) {
        get(caller, id);
        DeliveryStatus wanted = status == null
                ? null
                : DeliveryStatus.fromWire(status)
                        .orElseThrow(() -> ApiException.invalidField("status", "invalid_value"));
        return Page.of(
                deliveries.page(caller.workspaceId(), caller.mode(), id, wanted, query),
                query,
                deliveries.count(caller.workspaceId(), caller.mode(), id, wanted));
    }

    /** Sends a finished delivery again (same event id, so receivers can dedupe); 409 while it is still pending. */
    Delivery redeliver(Caller caller, String id, String deliveryId) {
        Subscription subscription = get(caller, id);
        Delivery delivery = deliveries
                .find(caller.workspaceId(), caller.mode(), deliveryId)
                .filter(d -> d.subscriptionId().equals(subscription.id()))
                .orElseThrow(() -> ApiException.notFound("delivery", deliveryId));
        if (!subscription.active()) {
            throw new ApiException(ErrorCode.CONFLICT, null, Map.of("reason", "webhook_inactive"));
        }
        transactions.executeWithoutResult(tx -> {
            String jobId = jobs.enqueue(
                    caller.workspaceId(), caller.mode(), Outbox.JOB_TYPE, new DeliveryJob.Payload(delivery.id()));
            if (!deliveries.reopen(delivery.id(), jobId, clock.instant())) {
                throw new ApiException(ErrorCode.CONFLICT, null, Map.of("reason", "delivery_pending"));
            }
        });
        return deliveries.find(caller.workspaceId(), caller.mode(), deliveryId).orElseThrow();
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.missingField("url");
        }
        if (url.length() > 2048) {
            throw ApiException.invalidField("url", "too_long");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("url", "invalid_format");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalidField("url", "invalid_format");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.invalidField("url", "invalid_value");
        }
        if (uri.getHost() == null) {
            throw ApiException.invalidField("url", "invalid_format");
        }
        try {
            return targets.check(uri.toString()).toString();
        } catch (FetchException e) {
            return switch (e.reason()) {
                // Not resolvable now may be resolvable later; the fetcher checks the address again on every attempt.
                case UNRESOLVABLE_HOST -> uri.toString();
                case BLOCKED_ADDRESS -> throw ApiException.invalidField("url", "blocked_target");
                default -> throw ApiException.invalidField("url", "invalid_format");
            };
        }
    }

    private static List<String> checkedEvents(List<String> events) {
        if (events == null) {
            throw ApiException.missingField("events");
        }
        if (events.isEmpty()) {
            throw ApiException.invalidField("events", "invalid_value");
        }
        // Names as given (seed 003's chat.created stays chat.created); one name per event, the first given.
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : events) {
            if (Subscription.ALL.equals(name)) {
                return List.of(Subscription.ALL);
            }
            String canonical = WebhookCatalogue.canonical(name)
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.INVALID_REQUEST,
                            "error.invalid_request.field.invalid_value",
                            Map.of(
                                    "field",
                                    "events",
                                    "reason",
                                    "invalid_value",
                                    "value",
                                    String.valueOf(name),
                                    "allowed",
                                    allowed()),
                            "events"));
            names.putIfAbsent(canonical, name);
        }
        return new ArrayList<>(names.values());
    }

    private static List<String> allowed() {
        List<String> allowed = new ArrayList<>(WebhookCatalogue.EVENTS);
        allowed.add(Subscription.ALL);
        return allowed;
    }

    private static String checkedSecret(String secret) {
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw ApiException.invalidField("secret", "out_of_range");
        }
        if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiException.invalidField("secret", "invalid_format");
        }
        return secret;
    }

    private static String generatedSecret() {
        return "whsec_" + Ids.random(32);
    }

    private static String last4(String secret) {
        return secret.substring(secret.length() - 4);
    }
}
