package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Seed 004's sessions: one conversation each, a token for the socket, and chat.session.ended at the end. */
@ApiTest
@Tag("database")
class SessionApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void opensASessionTalksInItsConversationAndEndsIt() {
        Api.Response created = api.post(
                "/api/sessions",
                Map.of("user_id", "optional-user-id", "metadata", Map.of("source", "web", "campaign", "summer-sale")));

        assertThat(created.status()).isEqualTo(201);
        String sessionId = created.json().path("session_id").asString();
        String conversationId = created.json().path("conversation_id").asString();
        assertThat(sessionId).startsWith("sess_");
        assertThat(created.json().path("token").asString()).startsWith("st_").hasSizeGreaterThan(40);
        assertThat(created.json().path("expires_at").asString()).isNotBlank();

        api.post("/v1/conversations/" + conversationId + "/messages", Map.of("content", "hello"));
        JsonNode session = api.get("/api/sessions/" + sessionId).json();
        assertThat(session.path("status").asString()).isEqualTo("active");
        assertThat(session.path("started_at").asString()).isNotBlank();
        assertThat(session.path("messages")
                        .valueStream()
                        .map(m -> m.path("role").asString()))
                .containsExactly("user", "assistant");
        assertThat(session.at("/context/cart_items").isArray()).isTrue();
        assertThat(session.at("/context/viewed_products").isArray()).isTrue();
        assertThat(session.at("/metadata/campaign").asString()).isEqualTo("summer-sale");

        Api.Response ended = api.delete("/api/sessions/" + sessionId);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("message").asString()).isEqualTo("Session ended successfully");
        assertThat(ended.json().path("duration_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(SessionEventsForTests.ended).anySatisfy(e -> {
            assertThat(e.sessionId()).isEqualTo(sessionId);
            assertThat(e.messageCount()).isEqualTo(2);
        });
        assertThat(api.get("/api/sessions/" + sessionId).json().path("status").asString())
                .isEqualTo("ended");
        assertThat(api.delete("/api/sessions/" + sessionId).status()).isEqualTo(409);
    }

    @Test
    void keepsSessionsInsideTheirWorkspace() {
        String sessionId =
                api.post("/v1/sessions", Map.of()).json().path("session_id").asString();
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());

        assertThat(other.get("/v1/sessions/" + sessionId).status()).isEqualTo(404);
        assertThat(other.delete("/v1/sessions/" + sessionId).status()).isEqualTo(404);
        assertThat(api.get("/v1/sessions/sess_missing").status()).isEqualTo(404);
    }
}
