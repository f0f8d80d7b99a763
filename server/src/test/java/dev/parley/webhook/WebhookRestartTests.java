package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Ids;
import dev.parley.platform.Jobs;
import dev.parley.support.Api;
import dev.parley.support.TestClock;
import dev.parley.support.TwoNodes;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import dev.parley.webhook.WebhookReceiver.Answer;
import dev.parley.webhook.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A node stopped in the middle of a delivery loses nothing: the other node of the cluster takes the job over once its
 * lease has run out and delivers the same event, with the same id, to a real receiver on 127.0.0.2.
 */
class WebhookRestartTests {

    final TestClock clock = TestClock.shared();
    WebhookReceiver receiver;
    TwoNodes nodes;

    @AfterEach
    void tearDown() {
        clock.resume();
        if (nodes != null) {
            nodes.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theOtherNodeDeliversWhatAStoppedNodeWasDelivering() throws Exception {
        // given two nodes, and a receiver whose first answer takes longer than the node will live
        nodes = TwoNodes.start(
                "webhook_restart_" + Ids.random(8).toLowerCase(Locale.ROOT),
                Map.of("parley.platform.fetch.allow", "127.0.0.2", "parley.webhook.timeout", "30s"));
        receiver = WebhookReceiver.on("127.0.0.2").answer(Answer.slow(Duration.ofSeconds(25)));
        TestWorkspace workspace = nodes.first().getBean(TenancyFixtures.class).workspace();
        Api api = Api.at(TwoNodes.port(nodes.first())).withKey(workspace.liveKey());
        Api.Response subscribed = api.post(
                "/v1/webhooks", Map.of("url", receiver.url("/hook"), "events", List.of("conversation.created")));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        clock.freeze();

        // when a conversation starts and the node holding its delivery stops mid-request
        String conversation = api.post("/v1/conversations", Map.of("initial_message", "hello"))
                .json()
                .path("conversation_id")
                .asString();
        Received first = receiver.await(r -> r.size() == 1).getFirst();
        JdbcClient jdbc = nodes.first().getBean(JdbcClient.class);
        String holder = jdbc.sql("SELECT lease_owner FROM jobs WHERE workspace_id = ? AND type = 'webhook.deliver'")
                .param(workspace.id())
                .query(String.class)
                .single();
        ConfigurableApplicationContext stopped = owner(nodes.first()).equals(holder) ? nodes.first() : nodes.second();
        ConfigurableApplicationContext survivor = stopped == nodes.first() ? nodes.second() : nodes.first();
        assertThat(owner(stopped)).isEqualTo(holder);
        stopped.close();
        // past the stopped node's lease, and past the retry it may have written as it stopped
        clock.advance(Duration.ofMinutes(3));

        // then the survivor delivers the same event
        List<Received> got = receiver.await(r -> r.size() == 2);
        assertThat(got.get(1).eventId()).isEqualTo(first.eventId());
        assertThat(got.get(1).json().at("/data/conversation_id").asString()).isEqualTo(conversation);
        JdbcClient survivorDb = survivor.getBean(JdbcClient.class);
        awaitStatus(survivorDb, workspace.id(), "delivered");
        assertThat(survivorDb
                        .sql("SELECT COUNT(*) FROM webhook_deliveries WHERE workspace_id = ?")
                        .param(workspace.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** The job runner's node id, which the jobs it holds carry as their lease owner. */
    private static String owner(ConfigurableApplicationContext node) {
        return (String) ReflectionTestUtils.getField(node.getBean(Jobs.class), "owner");
    }

    private static void awaitStatus(JdbcClient jdbc, String workspaceId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT status FROM webhook_deliveries WHERE workspace_id = ?")
                    .param(workspaceId)
                    .query(String.class)
                    .list()
                    .contains(status)) {
                return;
            }
            WebhookReceiver.sleep(50);
        }
        throw new AssertionError("The delivery never became " + status);
    }
}
