package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Caller;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Catching up over REST ({@code ?after=}) and server-sent events with {@code Last-Event-ID}. */
@ApiTest
@Tag("database")
class LiveRestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void listsTheMessagesAfterAGivenOne() {
        String id = conversationWithFourMessages();
        List<String> all = ids(api.get("/v1/conversations/" + id + "/messages").json());

        JsonNode afterFirst = api.get("/v1/conversations/" + id + "/messages?after=" + all.get(0) + "&limit=2")
                .json();
        JsonNode afterLast = api.get("/v1/conversations/" + id + "/messages?after=" + all.get(3))
                .json();

        assertThat(all).hasSize(4);
        assertThat(ids(afterFirst)).containsExactly(all.get(1), all.get(2));
        assertThat(afterFirst.path("has_more").asBoolean()).isTrue();
        assertThat(afterFirst.path("data").get(1).path("role").asString()).isEqualTo("user");
        assertThat(afterFirst.path("data").get(1).path("created_at").asString()).isNotBlank();
        assertThat(afterLast.path("data")).isEmpty();
        assertThat(afterLast.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void refusesBadCursorsAndLimitsAndOtherWorkspacesConversations() {
        String id = conversationWithFourMessages();
        String otherConversation = Api.at(port)
                .withKey(fixtures.workspace().liveKey())
                .post("/v1/conversations", Map.of("initial_message", "Hi"))
                .json()
                .path("conversation_id")
                .asString();
        String theirMessage = Api.at(port)
                .withKey(fixtures.workspace().liveKey())
                .post("/v1/conversations", Map.of("initial_message", "Hi"))
                .json()
                .path("message_id")
                .asString();

        Api.Response unknownCursor = api.get("/v1/conversations/" + id + "/messages?after=msg_nope");
        Api.Response foreignCursor = api.get("/v1/conversations/" + id + "/messages?after=" + theirMessage);
        Api.Response badLimit = api.get("/v1/conversations/" + id + "/messages?limit=0");
        Api.Response textLimit = api.get("/v1/conversations/" + id + "/messages?limit=many");
        Api.Response foreign = api.get("/v1/conversations/" + otherConversation + "/messages");
        Api.Response foreignEvents =
                api.withHeader("Accept", "text/event-stream").get("/v1/conversations/" + otherConversation + "/events");
        Api.Response noKey = Api.at(port).get("/v1/conversations/" + id + "/messages");

        assertThat(unknownCursor.status()).isEqualTo(400);
        assertThat(unknownCursor.json().at("/error/details/field").asString()).isEqualTo("after");
        assertThat(foreignCursor.status()).isEqualTo(400);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(textLimit.status()).isEqualTo(400);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreignEvents.status()).isEqualTo(404);
        assertThat(foreignEvents.errorCode()).isEqualTo("not_found");
        assertThat(noKey.status()).isEqualTo(401);
    }

    @Test
    void aWidgetKeyReadsOnlyTheConversationsItsVisitorOpened() {
        String widgetKey = fixtures.publishableKey(workspace.id());
        Api widget = Api.at(port).withKey(widgetKey).withHeader("Origin", "https://shop.example");
        JsonNode opened = widget.post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Hi"))
                .json();
        String own = opened.path("conversation_id").asString();
        Api visitor = widget.withHeader(
                Caller.VISITOR_TOKEN_HEADER, opened.path("visitor_token").asString());
        String widgetConversationOfASecretKey = conversationWithFourMessages();

        assertThat(visitor.get("/v1/conversations/" + own + "/messages").status())
                .isEqualTo(200);
        assertThat(visitor.get("/v1/conversations/" + widgetConversationOfASecretKey + "/messages")
                        .status())
                .isEqualTo(404);
        assertThat(widget.get("/v1/conversations/" + own + "/messages").status())
                .as("without its visitor token")
                .isEqualTo(404);
    }

    @Test
    void streamsEventsAndReplaysFromLastEventId() {
        String id = conversationWithFourMessages();
        List<String> all = ids(api.get("/v1/conversations/" + id + "/messages").json());

        try (SseClient events = SseClient.open(
                port,
                "/v1/conversations/" + id + "/events",
                workspace.liveKey(),
                Map.of("Last-Event-ID", all.get(1)))) {
            SseClient.Event first = events.next("message");
            SseClient.Event second = events.next("message");
            api.post(
                    "/v1/conversations/" + id + "/messages", Map.of("content", "How long does express shipping take?"));
            SseClient.Event live = events.next("message");

            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");
            assertThat(first.id()).isEqualTo(all.get(2));
            assertThat(second.id()).isEqualTo(all.get(3));
            JsonNode liveMessage = JSON.readTree(live.data());
            assertThat(live.id()).isEqualTo(liveMessage.path("message_id").asString());
            assertThat(liveMessage.path("content").asString()).isEqualTo("How long does express shipping take?");
            assertThat(liveMessage.path("role").asString()).isEqualTo("user");
        }
    }

    @Test
    void refusesAnUnknownLastEventId() {
        String id = conversationWithFourMessages();

        try (SseClient events = SseClient.open(
                port,
                "/v1/conversations/" + id + "/events",
                workspace.liveKey(),
                Map.of("Last-Event-ID", "msg_nope"))) {
            assertThat(events.status()).isEqualTo(400);
            assertThat(JSON.readTree(events.body()).at("/error/code").asString())
                    .isEqualTo("invalid_request");
        }
    }

    private String conversationWithFourMessages() {
        String id = api.post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Hi there"))
                .json()
                .path("conversation_id")
                .asString();
        api.post("/v1/conversations/" + id + "/messages", Map.of("content", "Is my order #5512 shipped yet?"));
        return id;
    }

    private static List<String> ids(JsonNode page) {
        return page.path("data").valueStream().map(m -> m.path("id").asString()).toList();
    }
}
