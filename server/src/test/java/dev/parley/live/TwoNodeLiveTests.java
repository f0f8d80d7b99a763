package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.TwoNodes;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of Parley on one database and the Redis on 127.0.0.1:6379: what happens on one node reaches the sockets
 * held by the other, through Redis pub/sub.
 */
class TwoNodeLiveTests {

    static TwoNodes nodes;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() {
        // Streams re-check their credential only hourly here, so what closes them is the fan-out.
        nodes = TwoNodes.start("live_two_nodes", Map.of("parley.live.credential-check", "1h"));
        first = nodes.first();
        second = nodes.second();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void anAgentsReplyPostedToOneNodeReachesTheSocketHeldByTheOther() {
        TestWorkspace workspace = first.getBean(TenancyFixtures.class).workspace();
        Api onSecond = Api.at(TwoNodes.port(second)).withKey(workspace.liveKey());
        String conversationId = onSecond.post(
                        "/v1/conversations", Map.of("channel", "widget", "initial_message", "Hi there"))
                .json()
                .path("conversation_id")
                .asString();

        try (LiveClient widget = LiveClient.widget(TwoNodes.port(first))) {
            widget.auth(Map.of("type", "auth", "api_key", workspace.liveKey(), "conversation_id", conversationId));
            Api.Response replied = onSecond.post(
                    "/v1/chats/" + conversationId + "/messages", Map.of("text", "Hello from the other node"));
            JsonNode reply = widget.message("agent");

            assertThat(reply.path("content").asString()).isEqualTo("Hello from the other node");
            assertThat(reply.path("message_id").asString())
                    .isEqualTo(replied.json().path("id").asString());
        }
    }

    @Test
    void typingAndMessagesCrossBetweenNodesBothWays() {
        TestWorkspace workspace = first.getBean(TenancyFixtures.class).workspace();
        String conversationId = Api.at(TwoNodes.port(first))
                .withKey(workspace.liveKey())
                .post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Hi there"))
                .json()
                .path("conversation_id")
                .asString();

        try (LiveClient widget = LiveClient.widget(TwoNodes.port(first));
                LiveClient agent = LiveClient.agent(TwoNodes.port(second))) {
            widget.auth(Map.of("type", "auth", "api_key", workspace.liveKey(), "conversation_id", conversationId));
            agent.auth(Map.of("type", "auth", "api_key", workspace.liveKey()));

            widget.send(Map.of("type", "typing", "is_typing", true));
            JsonNode customerTyping = agent.next("typing");
            agent.send(Map.of("type", "typing", "conversation_id", conversationId, "is_typing", true));
            JsonNode agentTyping = widget.next("typing");
            widget.send(Map.of("type", "message", "content", "Is my order #5512 shipped yet?"));
            JsonNode received = agent.next(f -> f.path("event").asString().equals("message.received"));
            JsonNode answered = agent.next(f -> f.path("event").asString().equals("message.sent"));

            assertThat(customerTyping.path("conversation_id").asString()).isEqualTo(conversationId);
            assertThat(customerTyping.path("is_typing").asBoolean()).isTrue();
            assertThat(agentTyping.path("is_typing").asBoolean()).isTrue();
            assertThat(received.at("/data/content").asString()).isEqualTo("Is my order #5512 shipped yet?");
            assertThat(answered.at("/data/role").asString()).isEqualTo("assistant");
            assertThat(answered.at("/data/message_id").asString())
                    .isEqualTo(widget.message("assistant").path("message_id").asString());
        }
    }

    @Test
    void revokingAKeyOnOneNodeClosesItsSocketOnTheOther() {
        // given
        TestWorkspace workspace = first.getBean(TenancyFixtures.class).workspace();
        Api onSecond = Api.at(TwoNodes.port(second)).withKey(workspace.liveKey());
        JsonNode key = onSecond.post(
                        "/v1/api-keys", Map.of("name", "Inbox screen", "scopes", List.of("conversations:read")))
                .json();

        try (LiveClient agent = LiveClient.agent(TwoNodes.port(first))) {
            agent.auth(Map.of("type", "auth", "api_key", key.path("key").asString()));

            // when
            Api.Response revoked =
                    onSecond.delete("/v1/api-keys/" + key.path("id").asString());
            String after = onSecond.post(
                            "/v1/conversations",
                            Map.of("channel", "widget", "initial_message", "Secret text after the revocation"))
                    .json()
                    .path("conversation_id")
                    .asString();

            // then
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(agent.closeCode()).isEqualTo(4001);
            assertThat(agent.closeReason()).isEqualTo("key revoked");
            assertThat(agent.received())
                    .noneMatch(f -> f.path("conversation_id").asString().equals(after))
                    .noneMatch(f -> f.toString().contains("Secret text"));
        }
    }
}
