package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The agents' stream on {@code /v1/agent/ws}: every conversation event of one workspace and mode, and typing. */
@ApiTest
@Tag("database")
class AgentStreamTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace("enterprise", "shop.example");
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void hearsEveryEventOfItsWorkspaceInOrder() {
        try (LiveClient agent = LiveClient.agent(port)) {
            JsonNode authenticated = agent.auth(Map.of("type", "auth", "api_key", workspace.liveKey()));

            String conversationId = start("Where is my parcel?");
            api.post("/v1/conversations/" + conversationId + "/escalate", Map.of());
            api.post("/v1/conversations/" + conversationId + "/resolve", Map.of());

            assertThat(authenticated.path("type").asString()).isEqualTo("authenticated");
            List<String> events = new ArrayList<>();
            while (!events.contains("conversation.resolved")) {
                JsonNode frame = agent.next();
                assertThat(frame.path("type").asString()).isEqualTo("event");
                assertThat(frame.path("conversation_id").asString()).isEqualTo(conversationId);
                assertThat(frame.at("/data/conversation_id").asString()).isEqualTo(conversationId);
                if (frame.path("event").asString().equals("message.received")) {
                    assertThat(frame.at("/data/content").asString()).isEqualTo("Where is my parcel?");
                }
                events.add(frame.path("event").asString());
            }
            // the assistant's own facts (a knowledge gap, an escalation) may come in between; the API's come in order
            assertThat(events.stream()
                            .filter(e -> !e.equals("knowledge.gap_found"))
                            .toList())
                    .startsWith("conversation.created", "message.received", "message.sent")
                    .endsWith("conversation.escalated", "conversation.resolved");
        }
    }

    @Test
    void neverHearsAnotherWorkspaceOrMode() {
        TestWorkspace other = fixtures.workspace("enterprise");
        String ourTestKey =
                fixtures.key(workspace.id(), Mode.TEST, Scope.CONVERSATIONS_READ, Scope.CONVERSATIONS_WRITE);
        try (LiveClient stranger = LiveClient.agent(port);
                LiveClient testMode = LiveClient.agent(port)) {
            stranger.auth(Map.of("type", "auth", "api_key", other.liveKey()));
            testMode.auth(Map.of("type", "auth", "api_key", ourTestKey));

            // given: activity in our live workspace
            String ours = start("Hello");
            api.post("/v1/conversations/" + ours + "/escalate", Map.of());
            // when: then one conversation in the other workspace, and one in our test mode
            String theirs = Api.at(port)
                    .withKey(other.liveKey())
                    .post("/v1/conversations", Map.of("initial_message", "Hi"))
                    .json()
                    .path("conversation_id")
                    .asString();
            String ourTest = Api.at(port)
                    .withKey(ourTestKey)
                    .post("/v1/conversations", Map.of("initial_message", "Hi"))
                    .json()
                    .path("conversation_id")
                    .asString();

            // then: the first thing each hears is its own, and nothing of ours ever comes
            assertThat(stranger.next().path("conversation_id").asString()).isEqualTo(theirs);
            assertThat(testMode.next().path("conversation_id").asString()).isEqualTo(ourTest);
        }
    }

    @Test
    void carriesTypingBothWays() {
        String conversationId = start("Hello");
        try (LiveClient agent = LiveClient.agent(port);
                LiveClient widget = LiveClient.widget(port)) {
            agent.auth(Map.of("type", "auth", "api_key", workspace.liveKey()));
            widget.auth(Map.of("type", "auth", "api_key", workspace.liveKey(), "conversation_id", conversationId));

            widget.send(Map.of("type", "typing", "is_typing", true));
            JsonNode customerTyping = agent.next("typing");
            agent.send(Map.of("type", "typing", "conversation_id", conversationId, "is_typing", true));
            JsonNode agentTyping = widget.next("typing");

            assertThat(customerTyping.path("conversation_id").asString()).isEqualTo(conversationId);
            assertThat(customerTyping.path("role").asString()).isEqualTo("customer");
            assertThat(customerTyping.path("is_typing").asBoolean()).isTrue();
            assertThat(agentTyping.path("is_typing").asBoolean()).isTrue();
        }
    }

    @Test
    void refusesTypingForAnotherWorkspacesConversationAndKeepsTheStream() {
        TestWorkspace other = fixtures.workspace("enterprise");
        String theirs = Api.at(port)
                .withKey(other.liveKey())
                .post("/v1/conversations", Map.of("initial_message", "Hi"))
                .json()
                .path("conversation_id")
                .asString();
        try (LiveClient agent = LiveClient.agent(port)) {
            agent.auth(Map.of("type", "auth", "api_key", workspace.liveKey()));

            agent.send(Map.of("type", "typing", "conversation_id", theirs, "is_typing", true));
            JsonNode refused = agent.next();
            agent.send(Map.of("type", "typing", "is_typing", true));
            JsonNode missing = agent.next();

            assertThat(refused.path("code").asString()).isEqualTo("not_found");
            assertThat(missing.path("code").asString()).isEqualTo("invalid_message");
            assertThat(agent.isOpen()).isTrue();
        }
    }

    @Test
    void refusesKeysWithoutConversationRights() {
        String noRead = fixtures.key(workspace.id(), Mode.LIVE, Scope.KNOWLEDGE_READ);
        try (LiveClient weak = LiveClient.agent(port);
                LiveClient widgetKey = LiveClient.agent(port)) {
            JsonNode refused = weak.auth(Map.of("type", "auth", "api_key", noRead));
            JsonNode publishable =
                    widgetKey.auth(Map.of("type", "auth", "api_key", fixtures.publishableKey(workspace.id())));

            assertThat(refused.path("code").asString()).isEqualTo("unauthorized");
            assertThat(refused.path("message").asString()).contains("conversations:read");
            assertThat(publishable.path("code").asString()).isEqualTo("unauthorized");
            assertThat(weak.closeCode()).isEqualTo(4001);
        }
    }

    private String start(String message) {
        return api.post("/v1/conversations", Map.of("channel", "widget", "initial_message", message))
                .json()
                .path("conversation_id")
                .asString();
    }
}
