package dev.parley.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox reads a workspace's active subscriptions once per transaction, however many events the transaction
 * publishes, and afresh after a subscription changes in it. On an in-memory H2 table of the migration's shape, with
 * real transactions; the store counts its reads.
 */
class SubscriptionReadsTests {

    final AtomicInteger reads = new AtomicInteger();
    DataSourceTransactionManager manager;
    TransactionTemplate transactions;
    SubscriptionRows store;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:subscriptions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                        CREATE TABLE webhook_subscriptions (
                            id VARCHAR(64) PRIMARY KEY, workspace_id VARCHAR(64) NOT NULL, mode VARCHAR(8) NOT NULL,
                            url VARCHAR(2048) NOT NULL, events VARCHAR(4000) NOT NULL,
                            sealed_secret VARCHAR(1000) NOT NULL, secret_last4 VARCHAR(8) NOT NULL,
                            active BOOLEAN NOT NULL, disabled_reason VARCHAR(32),
                            created_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
                            signature_format VARCHAR(32) DEFAULT 'sha256_prefixed' NOT NULL)""").update();
        manager = new DataSourceTransactionManager(database);
        transactions = new TransactionTemplate(manager);
        store = new SubscriptionRows(jdbc) {
            @Override
            List<Subscription> active(String workspaceId, Mode mode) {
                reads.incrementAndGet();
                return super.active(workspaceId, mode);
            }
        };
        store.insert(subscription("wh_1", "ws_1", Mode.LIVE));
    }

    @Test
    void readsTheSubscriptionsOncePerTransactionAndWorkspace() {
        // when
        List<List<Subscription>> seen = transactions.execute(tx -> List.of(
                store.activeInThisTransaction("ws_1", Mode.LIVE),
                store.activeInThisTransaction("ws_1", Mode.LIVE),
                store.activeInThisTransaction("ws_1", Mode.LIVE),
                store.activeInThisTransaction("ws_1", Mode.TEST),
                store.activeInThisTransaction("ws_2", Mode.LIVE)));

        // then
        assertThat(reads).hasValue(3);
        assertThat(seen.get(0)).extracting(Subscription::id).containsExactly("wh_1");
        assertThat(seen.get(2)).extracting(Subscription::id).containsExactly("wh_1");
        assertThat(seen.get(3)).isEmpty();
        assertThat(seen.get(4)).isEmpty();
    }

    @Test
    void readsAgainInTheNextTransactionAndOutsideOne() {
        // given
        transactions.executeWithoutResult(tx -> store.activeInThisTransaction("ws_1", Mode.LIVE));

        // when
        transactions.executeWithoutResult(tx -> store.activeInThisTransaction("ws_1", Mode.LIVE));
        store.activeInThisTransaction("ws_1", Mode.LIVE);
        store.activeInThisTransaction("ws_1", Mode.LIVE);

        // then
        assertThat(reads).hasValue(4);
    }

    @Test
    void seesASubscriptionChangedEarlierInTheSameTransaction() {
        // when
        List<List<Subscription>> seen = transactions.execute(tx -> {
            List<Subscription> before = store.activeInThisTransaction("ws_1", Mode.LIVE);
            store.insert(subscription("wh_2", "ws_1", Mode.LIVE));
            List<Subscription> added = store.activeInThisTransaction("ws_1", Mode.LIVE);
            store.disable("wh_1", "gone", Instant.EPOCH);
            List<Subscription> disabled = store.activeInThisTransaction("ws_1", Mode.LIVE);
            return List.of(before, added, disabled);
        });

        // then
        assertThat(seen.get(0)).extracting(Subscription::id).containsExactly("wh_1");
        assertThat(seen.get(1)).extracting(Subscription::id).containsExactlyInAnyOrder("wh_1", "wh_2");
        assertThat(seen.get(2)).extracting(Subscription::id).containsExactly("wh_2");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aNewTransactionInsideAnotherReadsForItself() {
        // given
        TransactionTemplate inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        // when
        transactions.executeWithoutResult(tx -> {
            store.activeInThisTransaction("ws_1", Mode.LIVE);
            inner.executeWithoutResult(nested -> {
                store.activeInThisTransaction("ws_1", Mode.LIVE);
                store.activeInThisTransaction("ws_1", Mode.LIVE);
            });
            store.activeInThisTransaction("ws_1", Mode.LIVE);
        });

        // then
        assertThat(reads).hasValue(2);
    }

    private static Subscription subscription(String id, String workspaceId, Mode mode) {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        return new Subscription(
                id,
                workspaceId,
                mode,
                "https://receiver.example/hooks",
                List.of("message.received"),
                SignatureFormat.SHA256_PREFIXED,
                "sealed",
                "abcd",
                true,
                null,
                now,
                now);
    }
}
