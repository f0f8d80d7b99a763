package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A content gap is a fact of the stored turn: published in the transaction that stores the turn's messages, so a turn
 * whose storing fails leaves no analytics row, no webhook delivery and nothing sent live, and a stored one exactly one
 * of each, sent live once committed.
 */
@ApiTest
@Tag("database")
class KnowledgeGapTransactionTests {

    static final String UNANSWERABLE = "does the flux capacitor fit a 1985 delorean?";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        Api.Response webhook = api.post(
                "/v1/webhooks",
                Map.of("url", "http://127.0.0.2:9/hooks/parley", "events", List.of("knowledge.gap_found")));
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        FailingTurnSavesForTests.failingWorkspaces.remove(workspace.id());
    }

    @Test
    void aTurnWhoseStoringFailsLeavesNoGapAndAStoredOneRecordsExactlyOne() {
        try (LiveClient agent = LiveClient.agent(port)) {
            agent.auth(Map.of("type", "auth", "api_key", workspace.liveKey()));

            // given storing the turn fails: the request happens not at all
            FailingTurnSavesForTests.failingWorkspaces.add(workspace.id());
            Api.Response failed = api.post("/v1/conversations", Map.of("initial_message", UNANSWERABLE));
            assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
            assertThat(gapRows()).isZero();
            assertThat(gapDeliveries()).isZero();

            // when the same unsure turn is stored
            FailingTurnSavesForTests.failingWorkspaces.remove(workspace.id());
            Api.Response stored = api.post("/v1/conversations", Map.of("initial_message", UNANSWERABLE));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
            String conversationId = stored.json().path("conversation_id").asString();

            // then exactly one gap, recorded and queued for the webhook
            assertThat(gapRows()).isEqualTo(1);
            assertThat(gapDeliveries()).isEqualTo(1);
            // and the agent heard nothing of the failed request: its first event is the stored conversation's
            JsonNode first = agent.next();
            assertThat(first.path("event").asString()).isEqualTo("conversation.created");
            assertThat(first.path("conversation_id").asString()).isEqualTo(conversationId);
            JsonNode gap = agent.next(f -> f.path("event").asString().equals("knowledge.gap_found"));
            assertThat(gap.path("conversation_id").asString()).isEqualTo(conversationId);
            assertThat(gap.at("/data/query").asString()).contains("flux capacitor");
        }
    }

    private long gapRows() {
        return jdbc.sql("SELECT COUNT(*) FROM analytics_events WHERE workspace_id = ? AND type = 'knowledge.gap_found'")
                .param(workspace.id())
                .query(Long.class)
                .single();
    }

    private long gapDeliveries() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE workspace_id = ? AND event_type = ?")
                .param(workspace.id())
                .param("knowledge.gap_found")
                .query(Long.class)
                .single();
    }
}
