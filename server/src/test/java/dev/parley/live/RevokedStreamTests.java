package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Streams end with the credential they were opened with: a revoked key's agent socket and event stream close at
 * once and hear nothing more; a console user's socket closes when they sign out; a revocation no event announced is
 * caught by the streams' own re-check.
 */
@ApiTest
@Tag("database")
class RevokedStreamTests {

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
    }

    /** A key made over the API, so its id is known: {@code [id, secret]}. */
    private String[] key(String name) {
        JsonNode made = api.post("/v1/api-keys", Map.of("name", name, "scopes", List.of("conversations:read")))
                .json();
        return new String[] {made.path("id").asString(), made.path("key").asString()};
    }

    private String conversation(String message) {
        Api.Response created = api.post("/v1/conversations", Map.of("channel", "widget", "initial_message", message));
        assertThat(created.status()).as(created.toString()).isBetween(200, 201);
        return created.json().path("conversation_id").asString();
    }

    @Test
    void anAgentSocketClosesWhenItsKeyIsRevokedAndHearsNothingMore() {
        // given
        String[] key = key("Inbox screen");
        try (LiveClient agent = LiveClient.agent(port)) {
            JsonNode authenticated = agent.auth(Map.of("type", "auth", "api_key", key[1]));
            String before = conversation("Before the revocation");
            agent.next(f -> f.path("conversation_id").asString().equals(before));

            // when
            Api.Response revoked = api.delete("/v1/api-keys/" + key[0]);
            String after = conversation("Secret text after the revocation");

            // then
            assertThat(authenticated.path("type").asString()).isEqualTo("authenticated");
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
            assertThat(agent.closeCode()).isEqualTo(4001);
            assertThat(agent.closeReason()).isEqualTo("key revoked");
            List<JsonNode> rest = agent.received();
            assertThat(rest)
                    .anySatisfy(f -> {
                        assertThat(f.path("type").asString()).isEqualTo("error");
                        assertThat(f.path("code").asString()).isEqualTo("unauthorized");
                        assertThat(f.path("message").asString()).contains("revoked");
                    })
                    .noneMatch(f -> f.path("conversation_id").asString().equals(after))
                    .noneMatch(f -> f.toString().contains("Secret text"));
        }
    }

    @Test
    void aConversationsEventStreamEndsWhenItsKeyIsRevoked() {
        // given
        String[] key = key("Support dashboard");
        String id = conversation("Hello");
        String first = api.get("/v1/conversations/" + id + "/messages")
                .json()
                .at("/data/0/id")
                .asString();
        // from the first message on: the replay of the reply opens the stream at once
        try (SseClient events =
                SseClient.open(port, "/v1/conversations/" + id + "/events", key[1], Map.of("Last-Event-ID", first))) {
            events.next("message");

            // when
            api.delete("/v1/api-keys/" + key[0]);
            api.post("/v1/conversations/" + id + "/messages", Map.of("content", "Secret text after"));

            // then
            List<SseClient.Event> rest = events.untilEnd();
            assertThat(rest).anySatisfy(e -> assertThat(e.name()).isEqualTo("error"));
            assertThat(rest).noneMatch(e -> e.data().contains("Secret text"));
        }
    }

    @Test
    void aConsoleUsersSocketClosesWhenTheySignOut() {
        // given
        api.post(
                "/v1/agents",
                Map.of(
                        "name",
                        "Dilnoza",
                        "email",
                        "dilnoza-" + workspace.id() + "@example.com",
                        "password",
                        "a long password 1"));
        String token = Api.at(port)
                .post(
                        "/v1/auth/login",
                        Map.of("email", "dilnoza-" + workspace.id() + "@example.com", "password", "a long password 1"))
                .json()
                .path("token")
                .asString();
        try (LiveClient agent = LiveClient.agent(port)) {
            agent.auth(Map.of("type", "auth", "token", token));

            // when
            Api.Response signedOut = Api.at(port).withKey(token).post("/v1/auth/logout", null);
            String after = conversation("Secret text after sign-out");

            // then
            assertThat(signedOut.status()).isEqualTo(204);
            assertThat(agent.closeCode()).isEqualTo(4001);
            assertThat(agent.closeReason()).isEqualTo("session ended");
            assertThat(agent.received())
                    .noneMatch(f -> f.path("conversation_id").asString().equals(after));
        }
    }

    @Test
    void aSocketWhoseKeyWasRevokedWithoutAnEventClosesAtItsNextCheck() {
        // given
        String[] key = key("Wallboard");
        try (LiveClient agent = LiveClient.agent(port)) {
            agent.auth(Map.of("type", "auth", "api_key", key[1]));

            // when: revoked behind the application's back, as a lost fan-out message would leave it
            jdbc.sql("UPDATE api_keys SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?")
                    .param(key[0])
                    .update();

            // then
            assertThat(agent.closeCode()).isEqualTo(4001);
            assertThat(agent.closeReason()).isEqualTo("key revoked");
        }
    }
}
