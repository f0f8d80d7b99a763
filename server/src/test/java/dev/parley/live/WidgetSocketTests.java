package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Caller;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Seed 001's widget socket on {@code /v1/ws}, with real WebSocket clients on loopback. */
@ApiTest
@Tag("database")
class WidgetSocketTests {

    static final String ORIGIN = "https://shop.example";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    String widgetKey;
    Api api;
    final Map<String, String> visitorTokens = new HashMap<>();

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace("enterprise", "shop.example");
        widgetKey = fixtures.publishableKey(workspace.id());
        api = Api.at(port).withKey(workspace.liveKey());
        api.post(
                "/v1/knowledge-base",
                Map.of(
                        "title", "Shipping times",
                        "content",
                                "Standard shipping takes 3 to 5 business days. Express shipping arrives in 1 to 2 business days."));
    }

    @Test
    void startsAWidgetConversationWithTheFirstMessageAndAnswersIt() {
        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            // when
            JsonNode authenticated = widget.auth(Map.of("type", "auth", "api_key", widgetKey));
            widget.send(Map.of("type", "message", "content", "How long does express shipping take?"));

            // then
            assertThat(authenticated.path("type").asString()).isEqualTo("authenticated");
            String conversationId =
                    widget.next("conversation").path("conversation_id").asString();
            assertThat(conversationId).startsWith("conv_");
            assertThat(widget.next("typing").path("is_typing").asBoolean()).isTrue();
            JsonNode mine = widget.next("message_received");
            assertThat(mine.path("message_id").asString()).startsWith("msg_");
            assertThat(mine.path("timestamp").asString()).isNotBlank();
            JsonNode reply = widget.message("assistant");
            assertThat(reply.path("content").asString()).contains("1 to 2 business days");
            assertThat(reply.path("timestamp").asString()).isNotBlank();
            assertThat(widget.next("typing").path("is_typing").asBoolean()).isFalse();

            JsonNode stored = api.get("/v1/conversations/" + conversationId).json();
            assertThat(stored.path("channel").asString()).isEqualTo("widget");
            assertThat(stored.path("messages").get(0).path("id").asString())
                    .isEqualTo(mine.path("message_id").asString());
            assertThat(widget.received())
                    .noneMatch(f -> f.path("type").asString().equals("message")
                            && !f.path("role").asString().equals("assistant"));
            assertThat(stored.path("messages").get(1).path("id").asString())
                    .isEqualTo(reply.path("message_id").asString());
        }
    }

    @Test
    void streamsTheReplyInPiecesBeforeItsMessageToAClientThatAsksForThem() {
        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            // when
            widget.auth(Map.of("type", "auth", "api_key", widgetKey, "stream", true));
            widget.send(Map.of("type", "message", "content", "How long does express shipping take?"));

            // then: pieces answering the acknowledged message, then the reply itself, which they begin
            widget.next("conversation");
            String mine = widget.next("message_received").path("message_id").asString();
            JsonNode reply = widget.message("assistant");
            List<JsonNode> deltas = widget.passed.stream()
                    .filter(f -> f.path("type").asString().equals("message.delta"))
                    .toList();
            assertThat(deltas).isNotEmpty().allSatisfy(d -> {
                assertThat(d.path("reply_to").asString()).isEqualTo(mine);
                assertThat(d.path("role").asString()).isEqualTo("assistant");
            });
            StringBuilder streamed = new StringBuilder();
            deltas.forEach(d -> streamed.append(d.path("content").asString()));
            // (a client that fell behind would not be sent the last pieces: the message frame is what counts)
            assertThat(reply.path("content").asString()).startsWith(streamed.toString());
            assertThat(reply.path("content").asString()).contains("1 to 2 business days");
        }
    }

    @Test
    void sendsNoPiecesToAClientThatDidNotAskForThem() {
        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            widget.auth(Map.of("type", "auth", "api_key", widgetKey));
            widget.send(Map.of("type", "message", "content", "How long does express shipping take?"));

            assertThat(widget.message("assistant").path("content").asString()).contains("1 to 2 business days");
            assertThat(widget.next("typing").path("is_typing").asBoolean()).isFalse();
            assertThat(widget.received())
                    .noneMatch(f -> f.path("type").asString().equals("message.delta"));
        }
    }

    @Test
    void acceptsASecretKeyAndContinuesAnExistingConversation() {
        String conversationId = start("Hello");

        try (LiveClient widget = LiveClient.widget(port)) {
            JsonNode authenticated = widget.auth(
                    Map.of("type", "auth", "api_key", workspace.liveKey(), "conversation_id", conversationId));
            widget.send(Map.of("type", "message", "content", "And standard shipping?"));

            assertThat(authenticated.path("conversation_id").asString()).isEqualTo(conversationId);
            assertThat(widget.next("message_received").path("message_id").asString())
                    .startsWith("msg_");
            assertThat(widget.message("assistant").path("content").asString()).isNotBlank();
        }
        assertThat(api.get("/v1/conversations/" + conversationId)
                        .json()
                        .path("message_count")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void refusesAPublishableKeyFromAnOriginThatIsNotTheStores() {
        try (LiveClient widget = LiveClient.widget(port, "https://elsewhere.example")) {
            JsonNode error = widget.auth(Map.of("type", "auth", "api_key", widgetKey));

            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("code").asString()).isEqualTo("unauthorized");
            assertThat(error.path("message").asString()).contains("elsewhere.example");
            assertThat(widget.closeCode()).isEqualTo(4001);
        }
    }

    @Test
    void aPublishableKeyFollowsOnlyAConversationItsVisitorOpened() {
        // given
        String bySecretKey = api.post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Hello"))
                .json()
                .path("conversation_id")
                .asString();
        String anns = start("Where is my parcel?");
        String bobs = start("Where is my refund?");

        try (LiveClient secretOnes = LiveClient.widget(port, ORIGIN);
                LiveClient anothers = LiveClient.widget(port, ORIGIN);
                LiveClient tokenless = LiveClient.widget(port, ORIGIN);
                LiveClient own = LiveClient.widget(port, ORIGIN)) {
            // when
            JsonNode toSecretOnes = secretOnes.auth(Map.of(
                    "type",
                    "auth",
                    "api_key",
                    widgetKey,
                    "conversation_id",
                    bySecretKey,
                    "visitor_token",
                    visitorTokens.get(anns)));
            JsonNode toAnothers = anothers.auth(Map.of(
                    "type",
                    "auth",
                    "api_key",
                    widgetKey,
                    "conversation_id",
                    bobs,
                    "visitor_token",
                    visitorTokens.get(anns)));
            JsonNode withoutToken =
                    tokenless.auth(Map.of("type", "auth", "api_key", widgetKey, "conversation_id", anns));
            JsonNode toOwn = own.auth(widgetAuth(anns));

            // then
            for (LiveClient refused : List.of(secretOnes, anothers, tokenless)) {
                assertThat(refused.closeCode()).isEqualTo(4001);
            }
            assertThat(List.of(toSecretOnes, toAnothers, withoutToken))
                    .allSatisfy(
                            error -> assertThat(error.path("code").asString()).isEqualTo("not_found"));
            assertThat(toOwn.path("type").asString()).isEqualTo("authenticated");
            assertThat(toOwn.path("conversation_id").asString()).isEqualTo(anns);
        }
    }

    @Test
    void aConversationTheSocketOpensComesWithItsVisitorToken() {
        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            // when
            widget.auth(Map.of("type", "auth", "api_key", widgetKey));
            widget.send(Map.of("type", "message", "content", "Hello"));
            JsonNode opened = widget.next("conversation");
            widget.message("assistant");

            // then
            String id = opened.path("conversation_id").asString();
            String token = opened.path("visitor_token").asString();
            assertThat(token).startsWith("vt_");
            Api visitor = Api.at(port).withKey(widgetKey).withHeader("Origin", ORIGIN);
            assertThat(visitor.withHeader(Caller.VISITOR_TOKEN_HEADER, token)
                            .get("/v1/conversations/" + id)
                            .status())
                    .isEqualTo(200);
            assertThat(visitor.get("/v1/conversations/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void refusesAnUnknownKeyAndAFirstFrameThatIsNotAuth() {
        // one socket after the other: a socket opened and kept waiting while the first is refused could reach the
        // authentication timeout before it sends anything, and be refused for that instead
        try (LiveClient wrongKey = LiveClient.widget(port, ORIGIN)) {
            JsonNode unknown = wrongKey.auth(Map.of("type", "auth", "api_key", "pk_live_" + "x".repeat(32)));

            assertThat(unknown.path("code").asString()).isEqualTo("unauthorized");
            assertThat(wrongKey.closeCode()).isEqualTo(4001);
        }
        try (LiveClient noAuth = LiveClient.widget(port, ORIGIN)) {
            JsonNode notAuth = noAuth.auth(Map.of("type", "message", "content", "hi"));

            assertThat(notAuth.path("code").asString()).isEqualTo("unauthorized");
            assertThat(notAuth.path("message").asString()).doesNotContain("in time");
            assertThat(noAuth.closeCode()).isEqualTo(4001);
        }
    }

    @Test
    void closesASocketThatNeverAuthenticates() {
        try (LiveClient silent = LiveClient.widget(port, ORIGIN)) {
            JsonNode error = silent.next();

            assertThat(error.path("code").asString()).isEqualTo("unauthorized");
            assertThat(error.path("message").asString()).contains("in time");
            assertThat(silent.closeCode()).isEqualTo(4001);
        }
    }

    @Test
    void refusesAnotherWorkspacesConversationAndAnotherModesKey() {
        String theirs = start("Hello");
        TestWorkspace other = fixtures.workspace("enterprise", "shop.example");
        String testKey = fixtures.key(workspace.id(), Mode.TEST, Scope.CONVERSATIONS_WRITE);

        try (LiveClient stranger = LiveClient.widget(port, ORIGIN);
                LiveClient testMode = LiveClient.widget(port)) {
            JsonNode foreign = stranger.auth(
                    Map.of("type", "auth", "api_key", fixtures.publishableKey(other.id()), "conversation_id", theirs));
            JsonNode otherMode = testMode.auth(Map.of("type", "auth", "api_key", testKey, "conversation_id", theirs));

            assertThat(foreign.path("code").asString()).isEqualTo("not_found");
            assertThat(otherMode.path("code").asString()).isEqualTo("not_found");
            assertThat(stranger.closeCode()).isEqualTo(4001);
        }
    }

    @Test
    void answersGarbageFramesWithInvalidMessageAndKeepsTheConnection() {
        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            widget.auth(Map.of("type", "auth", "api_key", widgetKey));

            widget.send("this is not json");
            JsonNode notJson = widget.next();
            widget.send("[1, 2, 3]");
            JsonNode notAnObject = widget.next();
            widget.send(Map.of("type", "dance"));
            JsonNode unknownType = widget.next();
            widget.send(Map.of("type", "message", "content", 42));
            JsonNode badContent = widget.next();
            widget.send(Map.of("type", "message", "content", "x".repeat(20_000)));
            JsonNode oversized = widget.next();
            widget.send(Map.of("type", "message", "content", "Still there?"));

            assertThat(notJson.path("code").asString()).isEqualTo("invalid_message");
            assertThat(notAnObject.path("code").asString()).isEqualTo("invalid_message");
            assertThat(unknownType.path("code").asString()).isEqualTo("invalid_message");
            assertThat(unknownType.path("message").asString()).contains("dance");
            assertThat(badContent.path("code").asString()).isEqualTo("invalid_message");
            assertThat(oversized.path("code").asString()).isEqualTo("invalid_message");
            assertThat(oversized.path("message").asString()).contains("16000");
            assertThat(widget.message("assistant").path("content").asString()).isNotBlank();
            assertThat(widget.isOpen()).isTrue();
        }
    }

    @Test
    void tellsAFloodingSocketToSlowDownAndKeepsIt() throws Exception {
        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            widget.auth(Map.of("type", "auth", "api_key", widgetKey));

            for (int i = 0; i < 40; i++) {
                widget.send(Map.of("type", "typing", "is_typing", i % 2 == 0));
            }
            JsonNode limited = widget.next();
            JsonNode afterwards = answerOnceTheBucketRefills(widget, Map.of("type", "dance"));

            assertThat(limited.path("code").asString()).isEqualTo("rate_limited");
            assertThat(afterwards.path("code").asString()).isEqualTo("invalid_message");
            assertThat(widget.isOpen()).isTrue();
        }
    }

    @Test
    void authenticatesWithASessionTokenForItsConversation() {
        JsonNode session = api.post("/v1/sessions", Map.of("user_id", "u-1")).json();

        try (LiveClient widget = LiveClient.widget(port);
                LiveClient wrong = LiveClient.widget(port)) {
            JsonNode authenticated = widget.auth(
                    Map.of("type", "auth", "token", session.path("token").asString()));
            widget.send(Map.of("type", "message", "content", "How long does express shipping take?"));
            JsonNode refused = wrong.auth(Map.of("type", "auth", "token", "st_" + "a".repeat(40)));

            assertThat(authenticated.path("conversation_id").asString())
                    .isEqualTo(session.path("conversation_id").asString());
            assertThat(authenticated.path("session_id").asString())
                    .isEqualTo(session.path("session_id").asString());
            assertThat(widget.message("assistant").path("content").asString()).contains("1 to 2 business days");
            assertThat(refused.path("code").asString()).isEqualTo("unauthorized");
        }
    }

    @Test
    void closesASessionsSocketWhenTheSessionEnds() {
        JsonNode session = api.post("/v1/sessions", Map.of("user_id", "u-2")).json();
        String conversationId = session.path("conversation_id").asString();

        try (LiveClient bySession = LiveClient.widget(port);
                LiveClient byKey = LiveClient.widget(port)) {
            bySession.auth(Map.of("type", "auth", "token", session.path("token").asString()));
            JsonNode keyAuthenticated = byKey.auth(
                    Map.of("type", "auth", "api_key", workspace.liveKey(), "conversation_id", conversationId));
            api.delete("/v1/sessions/" + session.path("session_id").asString());
            JsonNode ended = bySession.next("error");

            assertThat(keyAuthenticated.path("type").asString()).isEqualTo("authenticated");
            assertThat(ended.path("code").asString()).isEqualTo("session_ended");
            assertThat(ended.path("message").asString()).isNotBlank();
            assertThat(bySession.closeCode()).isEqualTo(4003);
            // a socket that came in with the store's key follows the conversation, not the session
            api.post("/v1/chats/" + conversationId + "/messages", Map.of("text", "Still here"));
            assertThat(byKey.message("agent").path("content").asString()).isEqualTo("Still here");
            assertThat(byKey.isOpen()).isTrue();
        }
    }

    @Test
    void tellsTheWidgetWhenItsConversationIsClosedAndRefusesMoreMessages() {
        String conversationId = start("How long does express shipping take?");

        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            widget.auth(widgetAuth(conversationId));
            Api.Response closed = api.patch("/v1/conversations/" + conversationId, Map.of("status", "closed"));
            JsonNode notice = widget.next("error");
            widget.send(Map.of("type", "message", "content", "Hello?"));
            JsonNode refused = widget.next("error");

            assertThat(closed.status()).isEqualTo(200);
            assertThat(notice.path("code").asString()).isEqualTo("conversation_closed");
            assertThat(refused.path("code").asString()).isEqualTo("conversation_closed");
            assertThat(api.get("/v1/conversations/" + conversationId).json().path("messages"))
                    .noneMatch(m -> m.path("content").asString().equals("Hello?"));
        }
    }

    @Test
    void noticesAnEscalationAndAnAgentsReplyMadeOverRest() {
        String conversationId = start("Where is my parcel?");

        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            widget.auth(widgetAuth(conversationId));
            Api.Response escalated =
                    api.post("/v1/conversations/" + conversationId + "/escalate", Map.of("reason", "customer asked"));
            JsonNode notice = widget.next("escalated");
            Api.Response replied = api.post(
                    "/v1/chats/" + conversationId + "/messages", Map.of("text", "Hi, this is Sam from the team."));
            JsonNode reply = widget.message("agent");
            widget.send(Map.of("type", "message", "content", "Thanks Sam"));
            JsonNode mine = widget.next("message_received");

            assertThat(notice.path("ticket_id").asString())
                    .isEqualTo(escalated.json().path("ticket_id").asString());
            assertThat(notice.path("message").asString()).isNotBlank();
            assertThat(reply.path("message_id").asString())
                    .isEqualTo(replied.json().path("id").asString());
            assertThat(reply.path("content").asString()).isEqualTo("Hi, this is Sam from the team.");
            assertThat(api.get("/v1/conversations/" + conversationId)
                            .json()
                            .path("messages")
                            .valueStream()
                            .filter(m -> m.path("id")
                                    .asString()
                                    .equals(mine.path("message_id").asString()))
                            .map(m -> m.path("content").asString()))
                    .containsExactly("Thanks Sam");
            // a human holds the conversation: the assistant neither types nor answers
            widget.send(Map.of("type", "dance"));
            widget.next("error");
            assertThat(widget.passed).noneMatch(f -> f.path("role").asString().equals("assistant"));
            assertThat(widget.passed).noneMatch(f -> f.path("type").asString().equals("typing"));
        }
    }

    @Test
    void acknowledgesTheCustomersOwnMessageWhileItsOtherTabSeesItAsTheUsers() {
        String conversationId = start("Hello");

        try (LiveClient sender = LiveClient.widget(port, ORIGIN);
                LiveClient otherTab = LiveClient.widget(port, ORIGIN)) {
            sender.auth(widgetAuth(conversationId));
            otherTab.auth(widgetAuth(conversationId));

            // when
            sender.send(Map.of(
                    "type", "message", "content", "How long does express shipping take?", "client_message_id", "c-1"));

            // then: the sender gets an acknowledgement, never its own words back as a message
            JsonNode ack = sender.next("message_received");
            JsonNode reply = sender.message("assistant");
            assertThat(ack.path("client_message_id").asString()).isEqualTo("c-1");
            assertThat(ack.path("message_id").asString()).startsWith("msg_");
            assertThat(ack.has("content")).isFalse();
            assertThat(sender.received())
                    .noneMatch(f -> f.path("type").asString().equals("message")
                            && !f.path("role").asString().equals("assistant"));
            // the other tab sees it, as the user's, then the same reply
            JsonNode seen = otherTab.message("user");
            assertThat(seen.path("message_id").asString())
                    .isEqualTo(ack.path("message_id").asString());
            assertThat(seen.path("content").asString()).isEqualTo("How long does express shipping take?");
            assertThat(otherTab.message("assistant").path("message_id").asString())
                    .isEqualTo(reply.path("message_id").asString());
            assertThat(otherTab.passed).noneMatch(f -> f.path("type").asString().equals("message_received"));

            // a client_message_id that is not short text is refused, and the message is not stored
            sender.send(Map.of("type", "message", "content", "again", "client_message_id", 7));
            assertThat(sender.next("error").path("code").asString()).isEqualTo("invalid_message");
            sender.send(Map.of("type", "message", "content", "again", "client_message_id", "x".repeat(101)));
            assertThat(sender.next("error").path("code").asString()).isEqualTo("invalid_message");
        }
        assertThat(api.get("/v1/conversations/" + conversationId)
                        .json()
                        .path("message_count")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void replaysWhatAReconnectingClientMissedBeforeLiveMessages() {
        String conversationId = start("How long does express shipping take?");
        JsonNode first = api.get("/v1/conversations/" + conversationId)
                .json()
                .path("messages")
                .get(0);
        api.post("/v1/conversations/" + conversationId + "/messages", Map.of("content", "And standard?"));

        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            Map<String, Object> auth = new HashMap<>(widgetAuth(conversationId));
            auth.put("last_message_id", first.path("id").asString());
            widget.auth(auth);
            JsonNode[] replayed = {widget.next(), widget.next(), widget.next()};
            api.post("/v1/chats/" + conversationId + "/messages", Map.of("text", "Live after the replay"));
            JsonNode live = widget.next();

            assertThat(replayed[0].path("role").asString()).isEqualTo("assistant");
            assertThat(replayed[1].path("content").asString()).isEqualTo("And standard?");
            assertThat(replayed[2].path("role").asString()).isEqualTo("assistant");
            assertThat(live.path("content").asString()).isEqualTo("Live after the replay");
        }
    }

    /**
     * The answer to a frame sent again each second until one is let through (the bucket refills at 2 frames a
     * second, counted from whenever the server got through the flood, however busy it is), passing over the
     * rate_limited notices of those refused.
     */
    private static JsonNode answerOnceTheBucketRefills(LiveClient widget, Map<String, Object> frame) {
        long deadline = System.nanoTime() + LiveClient.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            widget.send(frame);
            JsonNode answer;
            while ((answer = widget.poll(java.time.Duration.ofSeconds(1))) != null) {
                if (!answer.path("code").asString().equals("rate_limited")) {
                    return answer;
                }
            }
        }
        throw new AssertionError("the socket was never heard again");
    }

    /** A conversation the widget opened over REST, as widget.js does; its visitor token is kept for the socket. */
    private String start(String message) {
        JsonNode opened = Api.at(port)
                .withKey(widgetKey)
                .withHeader("Origin", ORIGIN)
                .post("/v1/conversations", Map.of("channel", "widget", "initial_message", message))
                .json();
        String id = opened.path("conversation_id").asString();
        visitorTokens.put(id, opened.path("visitor_token").asString());
        return id;
    }

    /** The widget's auth frame for a conversation it opened. */
    private Map<String, Object> widgetAuth(String conversationId) {
        return Map.of(
                "type",
                "auth",
                "api_key",
                widgetKey,
                "conversation_id",
                conversationId,
                "visitor_token",
                visitorTokens.get(conversationId));
    }
}
