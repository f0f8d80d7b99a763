package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Caller;
import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.NoCallersForTests;
import dev.parley.support.TestDatabase;
import dev.parley.webhook.WebhookAdmin.DeliveryAttempt;
import dev.parley.webhook.WebhookAdmin.Webhook;
import dev.parley.webhook.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook module on its own: a context of this module and the one it depends on (platform), with no other
 * module's beans ({@link NoCallersForTests} stands in for tenancy's caller resolver, as the slice serves no requests).
 * A subscription made through {@link WebhookAdmin} receives each public event a transaction commits, signed with its
 * secret, and nothing of a transaction that rolls back.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@Import(NoCallersForTests.class)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.OfItsOwn.class)
@Tag("database")
class WebhookModuleTests {

    final WebhookAdmin webhooks;
    final ApplicationEventPublisher events;
    final TransactionTemplate transactions;
    final ApplicationContext context;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final Caller caller = new Caller(
            Ids.next("ws"),
            Mode.LIVE,
            "key_module_test",
            KeyKind.SECRET,
            EnumSet.of(Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE),
            0,
            null);

    WebhookModuleTests(
            WebhookAdmin webhooks,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ApplicationContext context) {
        this.webhooks = webhooks;
        this.events = events;
        this.transactions = transactions;
        this.context = context;
    }

    @AfterEach
    void tearDown() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void startsWithoutTheModulesWebhookDoesNotDependOn() {
        assertThat(context.getBeanNamesForType(dev.parley.tenancy.Workspaces.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(dev.parley.conversation.ConversationLookup.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(WebhookAdmin.class)).hasSize(1);
    }

    @Test
    void deliversACommittedEventSignedWithTheSubscriptionsSecretAndNothingOfARollback() throws Exception {
        // given
        WebhookReceiver receiver = WebhookReceiver.on("127.0.0.2");
        receivers.add(receiver);
        Webhook webhook = webhooks.create(caller, receiver.url("/hooks/module"), List.of("*"), null);
        assertThat(webhook.secret()).startsWith("whsec_");

        // when one transaction rolls back and the next commits
        transactions.executeWithoutResult(tx -> {
            publish("order.rolled_back", Map.of("n", 1));
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> publish("order.committed", Map.of("n", 2)));

        // then only the committed fact arrives, signed so that the documented recipe verifies it
        Received delivery = receiver.await(r -> !r.isEmpty()).getFirst();
        assertThat(delivery.json().path("event").asString()).isEqualTo("order.committed");
        assertThat(delivery.json().at("/data/n").asInt()).isEqualTo(2);
        String signature = delivery.header("X-Parley-Signature");
        assertThat(WebhookVerifier.verify(webhook.secret(), signature, delivery.body()))
                .isTrue();
        assertThat(WebhookVerifier.verify(
                        webhook.secret(), signature, delivery.body().replace("2", "3")))
                .isFalse();
        DeliveryAttempt logged = awaitDelivered(webhook);
        assertThat(logged.eventType()).isEqualTo("order.committed");
        assertThat(logged.attempts()).isEqualTo(1);
        assertThat(logged.lastStatusCode()).isEqualTo(200);
        assertThat(webhooks.deliveries(caller, webhook.id())).hasSize(1);
        assertThat(receiver.received()).hasSize(1);
    }

    private void publish(String type, Map<String, Object> data) {
        events.publishEvent(new HappenedForTests(caller.workspaceId(), caller.mode(), type, data, null));
    }

    /** The delivery log's entry once the delivery job has recorded it, which happens after the receiver answered. */
    private DeliveryAttempt awaitDelivered(Webhook webhook) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<DeliveryAttempt> attempts = webhooks.deliveries(caller, webhook.id());
            if (!attempts.isEmpty() && attempts.getFirst().status().equals("delivered")) {
                return attempts.getFirst();
            }
            WebhookReceiver.sleep(50);
        }
        throw new AssertionError("no delivered attempt within 30 s: " + webhooks.deliveries(caller, webhook.id()));
    }
}
