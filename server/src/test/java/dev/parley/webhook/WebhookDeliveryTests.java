package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import dev.parley.webhook.WebhookReceiver.Answer;
import dev.parley.webhook.WebhookReceiver.Received;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Delivery to a real receiver on 127.0.0.2: signed, from the outbox of the publishing transaction, retried with
 * backoff (the clock moves instead of the test waiting), ordered per conversation, and stopped by 410 or deletion.
 */
@ApiTest
@Tag("database")
class WebhookDeliveryTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    final TestClock clock = TestClock.shared();
    final List<WebhookReceiver> receivers = new ArrayList<>();
    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @AfterEach
    void tearDown() {
        clock.resume();
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void deliversASignedEventThatTheDocumentedJavaRecipeVerifies() throws Exception {
        // given
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(receiver.url("/hooks/parley"), List.of("conversation.created"));
        String secret = webhook.path("secret").asString();

        // when a conversation starts through the API
        String conversationId = api.post(
                        "/v1/conversations",
                        Map.of("customer_email", "ada@example.com", "initial_message", "Where is my order?"))
                .json()
                .path("conversation_id")
                .asString();

        // then
        Received delivery = receiver.await(r -> r.size() == 1).getFirst();
        assertThat(delivery.path()).isEqualTo("/hooks/parley");
        assertThat(delivery.header("Content-Type")).startsWith("application/json");
        JsonNode body = delivery.json();
        assertThat(body.path("id").asString()).startsWith("evt_").isEqualTo(delivery.eventId());
        assertThat(body.path("event").asString()).isEqualTo("conversation.created");
        assertThat(Instant.parse(body.path("timestamp").asString())).isNotNull();
        assertThat(body.at("/data/conversation_id").asString()).isEqualTo(conversationId);
        assertThat(delivery.header("X-Webhook-Signature")).startsWith("sha256=");
        String parleySignature = delivery.header("X-Parley-Signature");
        assertThat(parleySignature).startsWith("t=" + delivery.header("X-Webhook-Timestamp") + ",v1=");
        assertThat(WebhookVerifier.verify(secret, parleySignature, delivery.body()))
                .isTrue();
        assertThat(WebhookVerifier.verify(
                        secret, parleySignature, delivery.body().replace(conversationId, "conv_forged")))
                .isFalse();
        assertThat(WebhookVerifier.verify("whsec_wrong", parleySignature, delivery.body()))
                .isFalse();
        long signedAt = Long.parseLong(delivery.header("X-Webhook-Timestamp"));
        assertThat(WebhookVerifier.verify(
                        secret, parleySignature.replace("t=" + signedAt, "t=" + (signedAt + 1)), delivery.body()))
                .as("the same signature under another timestamp")
                .isFalse();

        JsonNode logged =
                awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));
        assertThat(logged.path("event_id").asString()).isEqualTo(delivery.eventId());
        assertThat(logged.path("event_type").asString()).isEqualTo("conversation.created");
        assertThat(logged.path("attempts").asInt()).isEqualTo(1);
        assertThat(logged.path("last_status_code").asInt()).isEqualTo(200);
        assertThat(logged.path("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(logged.path("response_snippet").asString()).isEqualTo("ok");
        assertThat(logged.path("delivered_at").asString()).isNotBlank();
    }

    @Test
    void documentsExactlyTheJavaRecipeTheTestsUse() throws Exception {
        String recipe = Files.readString(Path.of("src/test/java/dev/parley/webhook/WebhookVerifier.java"));
        String withoutPackage = recipe.substring(recipe.indexOf("import "));
        assertThat(Files.readString(Path.of("../docs/webhooks.md"))).contains(withoutPackage.strip());
    }

    @Test
    void writesNothingWhenThePublishingTransactionRollsBack() throws Exception {
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));

        transactions.executeWithoutResult(tx -> {
            publish("order.rolled_back", Map.of("n", 1), null);
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> publish("order.committed", Map.of("n", 2), null));

        receiver.await(r -> r.size() == 1);
        awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));
        assertThat(receiver.received())
                .extracting(r -> r.json().path("event").asString())
                .containsExactly("order.committed");
        assertThat(deliveries(webhook).at("/pagination/total_count").asInt()).isEqualTo(1);
    }

    @Test
    void sendsEveryPublicEventToWildcardSubscriptionsAndOnlyNamedOnesToTheOthers() throws Exception {
        WebhookReceiver everything = receiver();
        WebhookReceiver named = receiver();
        subscribe(everything.url("/all"), List.of("*"));
        subscribe(named.url("/named"), List.of("conversation.resolved"));

        transactions.executeWithoutResult(tx -> {
            publish("something.new", Map.of("k", "v"), null);
            publish("conversation.resolved", Map.of("conversation_id", "conv_x"), "conv_x");
        });

        everything.await(r -> r.size() == 2);
        named.await(r -> r.size() == 1);
        assertThat(named.received().getFirst().json().path("event").asString()).isEqualTo("conversation.resolved");
        assertThat(everything.received())
                .extracting(r -> r.json().path("event").asString())
                .containsExactlyInAnyOrder("something.new", "conversation.resolved");
    }

    @Test
    void retriesAReceiverThatWasDownUntilItIsUp() throws Exception {
        // given a subscription to a port nothing listens on: held by a bound socket that does not listen, so that no
        // other process is given the port meanwhile (the receiver binds it beside the hold, both reusing the address)
        try (SocketChannel hold = SocketChannel.open().setOption(StandardSocketOptions.SO_REUSEADDR, true)) {
            hold.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            int freePort = ((InetSocketAddress) hold.getLocalAddress()).getPort();
            JsonNode webhook = subscribe("http://127.0.0.2:" + freePort + "/hook", List.of("*"));
            clock.freeze();

            // when an event fails to connect
            transactions.executeWithoutResult(tx -> publish("thing.happened", Map.of(), null));
            JsonNode failed = awaitDelivery(webhook, d -> d.path("attempts").asInt() == 1);
            assertThat(failed.path("status").asString()).isEqualTo("pending");
            assertThat(failed.path("last_error").asString()).startsWith("connection_failed");
            Duration wait = Duration.between(
                    Instant.parse(failed.path("last_attempt_at").asString()),
                    Instant.parse(failed.path("next_attempt_at").asString()));
            assertThat(wait).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));

            // and the receiver comes up before the retry
            WebhookReceiver receiver = WebhookReceiver.on("127.0.0.2", freePort);
            receivers.add(receiver);
            advance(Duration.ofMinutes(2));

            // then
            receiver.await(r -> r.size() == 1);
            JsonNode delivered =
                    awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));
            assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        }
    }

    @Test
    void retriesASlowReceiverWithTheSameEventIdAndBody() throws Exception {
        WebhookReceiver receiver = receiver().answer(Answer.slow(Duration.ofSeconds(4)));
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));
        clock.freeze();

        transactions.executeWithoutResult(tx -> publish("thing.happened", Map.of("n", 7), null));
        JsonNode timedOut = awaitDelivery(webhook, d -> d.path("attempts").asInt() == 1);
        assertThat(timedOut.path("last_error").asString()).startsWith("timeout");
        advance(Duration.ofMinutes(2));

        List<Received> got = receiver.await(r -> r.size() == 2);
        awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));
        assertThat(got.get(1).eventId()).isEqualTo(got.get(0).eventId());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
    }

    @Test
    void retriesAfterA500AndLogsAShortSnippetOfTheAnswer() throws Exception {
        WebhookReceiver receiver = receiver().answer(Answer.status(500, "x".repeat(2000)));
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));
        clock.freeze();

        transactions.executeWithoutResult(tx -> publish("thing.happened", Map.of(), null));
        JsonNode failed = awaitDelivery(webhook, d -> d.path("attempts").asInt() == 1);
        assertThat(failed.path("last_status_code").asInt()).isEqualTo(500);
        assertThat(failed.path("response_snippet").asString()).hasSize(500);
        advance(Duration.ofMinutes(2));

        JsonNode delivered =
                awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.path("last_status_code").asInt()).isEqualTo(200);
        assertThat(delivered.path("next_attempt_at").isNull()).isTrue();
    }

    @Test
    void switchesTheSubscriptionOffWhenTheReceiverIsGone() throws Exception {
        WebhookReceiver receiver = receiver().answer(Answer.status(410, "gone"));
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));

        transactions.executeWithoutResult(tx -> publish("thing.happened", Map.of(), null));
        JsonNode failed =
                awaitDelivery(webhook, d -> d.path("status").asString().equals("failed"));
        assertThat(failed.path("last_status_code").asInt()).isEqualTo(410);

        JsonNode now = api.get("/v1/webhooks/" + webhook.path("id").asString()).json();
        assertThat(now.path("active").asBoolean()).isFalse();
        assertThat(now.path("disabled_reason").asString()).isEqualTo("gone");
        transactions.executeWithoutResult(tx -> publish("thing.happened", Map.of(), null));
        assertThat(deliveries(webhook).at("/pagination/total_count").asInt()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void doesNotFollowARedirectToAPrivateAddress() throws Exception {
        WebhookReceiver inside = WebhookReceiver.on("127.0.0.1");
        receivers.add(inside);
        WebhookReceiver receiver = receiver().always(Answer.redirect(inside.url("/admin")));
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));
        clock.freeze();

        transactions.executeWithoutResult(tx -> publish("thing.happened", Map.of(), null));
        JsonNode attempt = awaitDelivery(webhook, d -> d.path("attempts").asInt() == 1);

        assertThat(attempt.path("last_status_code").asInt()).isEqualTo(302);
        assertThat(attempt.path("status").asString()).isEqualTo("pending");
        assertThat(receiver.received()).hasSize(1);
        assertThat(inside.received()).isEmpty();
    }

    @Test
    void sendsNothingMoreOnceTheSubscriptionIsDeletedMidRetry() throws Exception {
        WebhookReceiver receiver = receiver().always(Answer.status(503));
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));
        clock.freeze();
        transactions.executeWithoutResult(tx -> publish("thing.happened", Map.of(), null));
        String deliveryId = awaitDelivery(webhook, d -> d.path("attempts").asInt() == 1)
                .path("id")
                .asString();

        assertThat(api.delete("/v1/webhooks/" + webhook.path("id").asString()).status())
                .isEqualTo(200);
        advance(Duration.ofMinutes(2));

        awaitJobStatus(deliveryId, "succeeded");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void deliversTheEventsOfOneConversationInOrderWhileRetrying() throws Exception {
        // given a receiver that fails the first request, then answers
        WebhookReceiver receiver = receiver().answer(Answer.status(500));
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));
        clock.freeze();

        // when three events of one conversation and one of another are published
        transactions.executeWithoutResult(tx -> publish("step.one", Map.of(), "conv_a"));
        receiver.await(r -> r.size() == 1);
        transactions.executeWithoutResult(tx -> {
            publish("step.two", Map.of(), "conv_a");
            publish("step.three", Map.of(), "conv_a");
            publish("other.conversation", Map.of(), "conv_b");
        });

        // then the other conversation is not held up, and conv_a waits for its first event
        receiver.await(r -> r.size() == 2);
        assertThat(receiver.received().get(1).json().path("event").asString()).isEqualTo("other.conversation");
        advance(Duration.ofMinutes(2));
        receiver.await(r -> r.size() == 5);
        assertThat(receiver.received())
                .extracting(r -> r.json().path("event").asString())
                .containsExactly("step.one", "other.conversation", "step.one", "step.two", "step.three");
    }

    @Test
    void marksADeliveryFailedAfterItsLastAttemptAndMovesItsConversationOn() throws Exception {
        WebhookReceiver receiver =
                receiver().answer(Answer.status(500), Answer.status(500), Answer.status(500), Answer.status(500));
        receiver.answer(Answer.status(500), Answer.status(500), Answer.status(500));
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));
        clock.freeze();

        transactions.executeWithoutResult(tx -> {
            publish("first", Map.of(), "conv_f");
            publish("second", Map.of(), "conv_f");
        });
        for (int attempt = 1; attempt <= 7; attempt++) {
            int expected = attempt;
            // "second" may arrive right after the last attempt of "first": count the attempts of "first" alone.
            receiver.await(r -> r.stream()
                            .filter(x -> x.json().path("event").asString().equals("first"))
                            .count()
                    == expected);
            awaitDelivery(
                    webhook,
                    d -> d.path("event_type").asString().equals("first")
                            && d.path("attempts").asInt() == expected);
            advance(Duration.ofHours(15));
        }

        // The clock moves only between attempts, so each attempt is made once: seven of "first", then "second".
        receiver.await(r -> r.size() == 8);
        JsonNode first = awaitDelivery(
                webhook,
                d -> d.path("event_type").asString().equals("first")
                        && d.path("status").asString().equals("failed"));
        assertThat(first.path("attempts").asInt()).isEqualTo(7);
        awaitDelivery(
                webhook,
                d -> d.path("event_type").asString().equals("second")
                        && d.path("status").asString().equals("delivered"));
        assertThat(receiver.received())
                .extracting(r -> r.json().path("event").asString())
                .containsExactly("first", "first", "first", "first", "first", "first", "first", "second");
    }

    @Test
    void raisesNoSecondEventWhenARequestIsReplayed() throws Exception {
        // given
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("conversation.created"));
        Api once = api.withHeader("Idempotency-Key", "replayed-" + Ids.random(8));
        Map<String, Object> request = Map.of("customer_email", "twice@example.com", "initial_message", "Hello?");

        // when the client sends the same request twice
        Api.Response first = once.post("/v1/conversations", request);
        Api.Response replayed = once.post("/v1/conversations", request);

        // then one conversation, one event, one delivery
        assertThat(replayed.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replayed.json().path("conversation_id").asString())
                .isEqualTo(first.json().path("conversation_id").asString());
        awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));
        assertThat(deliveries(webhook).at("/pagination/total_count").asInt()).isEqualTo(1);
        api.post("/v1/webhooks/" + webhook.path("id").asString() + "/test", null);
        receiver.await(
                r -> r.stream().anyMatch(x -> x.json().path("event").asString().equals("webhook.test")));
        assertThat(receiver.received())
                .extracting(r -> r.json().path("event").asString())
                .containsOnlyOnce("conversation.created");
    }

    @Test
    void picksUpADeliveryWhoseNodeDiedHoldingIt() throws Exception {
        // given a delivery whose job a dead node claimed and never finished
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("*"));
        String deliveryId = Ids.next("dlv");
        String jobId = Ids.next("job");
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.sql("INSERT INTO jobs (id, workspace_id, mode, type, status, payload, state, attempts, run_after,"
                        + " lease_owner, lease_until, created_at, updated_at)"
                        + " VALUES (?, ?, 'live', 'webhook.deliver', 'running', ?, '{}', 1, ?, 'node_dead', ?, ?, ?)")
                .params(
                        jobId,
                        workspace.id(),
                        "{\"delivery_id\":\"" + deliveryId + "\"}",
                        Sql.timestamp(past),
                        Sql.timestamp(past),
                        Sql.timestamp(past),
                        Sql.timestamp(past))
                .update();
        jdbc.sql("INSERT INTO webhook_deliveries (id, workspace_id, mode, subscription_id, event_id, event_type,"
                        + " body, status, job_id, attempts, created_at, updated_at)"
                        + " VALUES (?, ?, 'live', ?, 'evt_restart', 'thing.happened', ?, 'pending', ?, 0, ?, ?)")
                .params(
                        deliveryId,
                        workspace.id(),
                        webhook.path("id").asString(),
                        "{\"id\":\"evt_restart\",\"event\":\"thing.happened\",\"data\":{}}",
                        jobId,
                        Sql.timestamp(past),
                        Sql.timestamp(past))
                .update();

        // then another node runs it once its lease has run out
        Received got = receiver.await(r -> r.size() == 1).getFirst();
        assertThat(got.eventId()).isEqualTo("evt_restart");
        awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));
    }

    @Test
    void keepsEachWorkspacesEventsToItsOwnSubscriptions() throws Exception {
        WebhookReceiver mine = receiver();
        WebhookReceiver theirs = receiver();
        JsonNode myWebhook = subscribe(mine.url("/mine"), List.of("*"));
        TestWorkspace other = fixtures.workspace();
        Api otherApi = Api.at(port).withKey(other.liveKey());
        otherApi.post("/v1/webhooks", Map.of("url", theirs.url("/theirs"), "events", List.of("*")));
        Api myTestMode = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));

        otherApi.post("/v1/conversations", Map.of("initial_message", "hello"));
        myTestMode.post("/v1/conversations", Map.of("initial_message", "hello"));
        theirs.await(
                r -> r.stream().anyMatch(x -> x.json().path("event").asString().equals("message.sent")));
        api.post("/v1/webhooks/" + myWebhook.path("id").asString() + "/test", null);

        Received onlyMine = mine.await(r -> r.size() == 1).getFirst();
        assertThat(onlyMine.json().path("event").asString()).isEqualTo("webhook.test");
        assertThat(deliveries(myWebhook).at("/pagination/total_count").asInt()).isEqualTo(1);
        assertThat(mine.received()).hasSize(1);
    }

    @Test
    void sendsATestEventAndRedeliversWithTheSameEventId() throws Exception {
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(receiver.url("/hook"), List.of("conversation.created"));
        String id = webhook.path("id").asString();

        Api.Response test = api.post("/v1/webhooks/" + id + "/test", null);
        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        assertThat(test.json().path("event_type").asString()).isEqualTo("webhook.test");
        Received first = receiver.await(r -> r.size() == 1).getFirst();
        assertThat(first.json().at("/data/webhook_id").asString()).isEqualTo(id);
        JsonNode delivered =
                awaitDelivery(webhook, d -> d.path("status").asString().equals("delivered"));

        Api.Response again = api.post(
                "/v1/webhooks/" + id + "/deliveries/" + delivered.path("id").asString() + "/redeliver", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().path("status").asString()).isEqualTo("pending");
        Received second = receiver.await(r -> r.size() == 2).get(1);
        assertThat(second.eventId()).isEqualTo(first.eventId());
        assertThat(awaitDelivery(webhook, d -> d.path("attempts").asInt() == 2)
                        .path("status")
                        .asString())
                .isEqualTo("delivered");
    }

    /**
     * Moves the clock once no delivery job of the store is running or due: moving it past a running job's lease would
     * hand that job to a second worker, and the attempt would be made twice.
     */
    private void advance(Duration duration) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql(
                                "SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND type = 'webhook.deliver'"
                                        + " AND (status IN ('running', 'cancelling') OR (status = 'queued' AND run_after <= ?))")
                        .params(workspace.id(), Sql.timestamp(clock.instant()))
                        .query(Long.class)
                        .single()
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("A delivery job of the store kept running");
            }
            WebhookReceiver.sleep(25);
        }
        clock.advance(duration);
    }

    private WebhookReceiver receiver() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.on("127.0.0.2");
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode subscribe(String url, List<String> events) {
        Api.Response created = api.post("/v1/webhooks", Map.of("url", url, "events", events));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private void publish(String type, Map<String, Object> data, String orderingKey) {
        events.publishEvent(new HappenedForTests(workspace.id(), Mode.LIVE, type, data, orderingKey));
    }

    private JsonNode deliveries(JsonNode webhook) {
        return api.get("/v1/webhooks/" + webhook.path("id").asString() + "/deliveries?per_page=100")
                .json();
    }

    /**
     * Waits for a logged delivery of the subscription that satisfies {@code condition}. It asks the API only when the
     * rows changed: with the clock frozen, the key's rate limits do not refill.
     */
    private JsonNode awaitDelivery(JsonNode webhook, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        List<String> seen = null;
        while (System.nanoTime() < deadline) {
            List<String> rows = jdbc.sql("SELECT id, status, attempts, job_id FROM webhook_deliveries"
                            + " WHERE subscription_id = ? ORDER BY seq")
                    .param(webhook.path("id").asString())
                    .query((rs, i) -> rs.getString(1) + rs.getString(2) + rs.getInt(3) + rs.getString(4))
                    .list();
            if (!rows.equals(seen)) {
                seen = rows;
                last = deliveries(webhook);
                for (JsonNode delivery : last.path("data")) {
                    if (condition.test(delivery)) {
                        return delivery;
                    }
                }
            }
            WebhookReceiver.sleep(50);
        }
        throw new AssertionError("No delivery reached the expected state; the log is " + last);
    }

    private void awaitJobStatus(String deliveryId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> statuses = jdbc.sql(
                            "SELECT status FROM jobs WHERE type = 'webhook.deliver' AND payload LIKE ?")
                    .param("%" + deliveryId + "%")
                    .query(String.class)
                    .list();
            if (statuses.contains(status)) {
                return;
            }
            WebhookReceiver.sleep(50);
        }
        throw new AssertionError("The delivery job never became " + status);
    }
}
