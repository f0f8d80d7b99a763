package dev.parley.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint that serves a request field or query parameter of a seed reads it in each seed's spelling: the
 * camelCase of the seeds' JavaScript SDKs, and the other seeds' names for the same thing (seed 003's {@code text} and
 * {@code limit}, seed 002's {@code message} and {@code group_by}, seed 003's {@code from}/{@code to}, seed 001's
 * {@code start_date}/{@code end_date}). Each request is one a seed's client sends to an endpoint the seed documents
 * or to the canonical endpoint serving it.
 */
@ApiTest
@Tag("database")
class SeedSpellingTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TenancyFixtures.TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace("enterprise", "store.com");
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void conversationCreationReadsTheJavaScriptSdksCamelCaseDownToTheContext() {
        // seed 001's JavaScript SDK: conversations.create({channel, customerEmail, initialMessage}), with its context
        Api.Response created = api.post(
                "/v1/conversations",
                Map.of(
                        "channel",
                        "widget",
                        "customerEmail",
                        "customer@example.com",
                        "customerName",
                        "John Doe",
                        "initialMessage",
                        "Where is my order #1234?",
                        "context",
                        Map.of("pageUrl", "https://store.com/orders", "orderId", "1234")));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode conversation = api.get("/v1/conversations/"
                        + created.json().path("conversation_id").asString())
                .json();
        assertThat(conversation.at("/customer/email").asString()).isEqualTo("customer@example.com");
        assertThat(conversation.at("/customer/name").asString()).isEqualTo("John Doe");
        assertThat(conversation.path("order_id").asString()).isEqualTo("1234");
    }

    @Test
    void aMessageIsReadAsContentTextOrMessage() {
        String id = conversation();

        // seed 001 content, seed 002's SDK send_message(message=...), seed 003's text
        for (String field : List.of("content", "message", "text")) {
            Api.Response sent =
                    api.post("/v1/conversations/" + id + "/messages", Map.of(field, "When will it arrive?"));
            assertThat(sent.status()).as(field + ": " + sent).isEqualTo(200);
            assertThat(sent.json().at("/response/content").asString()).isNotBlank();
        }
        JsonNode messages = api.get("/v1/conversations/" + id).json().path("messages");
        assertThat(messages.findValuesAsString("content").stream()
                        .filter("When will it arrive?"::equals)
                        .count())
                .isEqualTo(3);
    }

    @Test
    void anAgentReplyIsReadAsTextContentOrMessage() {
        String id = conversation();

        // seed 003's chat message is text; seed 001 writes content
        Api.Response asChat = api.post("/v1/chats/" + id + "/messages", Map.of("content", "Salom! Yordam beraman."));
        Api.Response asReply = api.post("/v1/conversations/" + id + "/replies", Map.of("text", "Shipped today."));

        assertThat(asChat.status()).as(asChat.toString()).isEqualTo(201);
        assertThat(asChat.json().path("text").asString()).isEqualTo("Salom! Yordam beraman.");
        assertThat(asReply.status()).as(asReply.toString()).isEqualTo(201);
        assertThat(asReply.json().path("content").asString()).isEqualTo("Shipped today.");
    }

    @Test
    void aMisspelledCamelCaseFieldIsNamedAsTheClientWroteIt() {
        Api.Response refused = api.post(
                "/v1/conversations",
                Map.of("customerEmail", "customer@example.com", "initialMesage", "Where is my order?"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_request");
        assertThat(refused.json().at("/error/details/reason").asString()).isEqualTo("unknown_field");
        assertThat(refused.json().at("/error/details/field").asString()).isEqualTo("initialMesage");
    }

    @Test
    void voiceSessionsAndEventsReadCamelCaseButKeepTheCallersOwnKeys() {
        // seed 004's POST /api/sessions {user_id, metadata}, as a camelCase client writes it
        Api.Response session = api.post(
                "/api/sessions", Map.of("userId", "user_12345", "metadata", Map.of("campaignName", "summer-sale")));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String sessionId = session.json().path("session_id").asString();

        JsonNode read = api.get("/api/sessions/" + sessionId).json();
        assertThat(read.path("user_id").asString()).isEqualTo("user_12345");
        assertThat(read.at("/metadata/campaignName").asString())
                .as("metadata is the caller's data")
                .isEqualTo("summer-sale");

        Api.Response event = api.post(
                "/api/analytics/events",
                Map.of("sessionId", sessionId, "eventType", "page_view", "data", Map.of("pageUrl", "/shoes")));
        assertThat(event.status()).as(event.toString()).isEqualTo(201);
        assertThat(event.json().path("event_id").asString()).isNotBlank();
    }

    @Test
    void listsPageByPerPageOrLimitAndFilterInCamelCase() {
        conversation();
        conversation();

        // seed 003 pages with limit, seed 001 with per_page: each list reads both
        JsonNode conversations = api.get("/v1/conversations?limit=1").json();
        JsonNode chats = api.get("/v1/chats?per_page=1").json();
        JsonNode byEmail =
                api.get("/v1/conversations?customerEmail=nobody@example.com").json();

        assertThat(conversations.at("/pagination/per_page").asInt()).isEqualTo(1);
        assertThat(conversations.path("data")).hasSize(1);
        assertThat(chats.at("/pagination/limit").asInt()).isEqualTo(1);
        assertThat(chats.path("data")).hasSize(1);
        assertThat(byEmail.path("data")).isEmpty();
    }

    @Test
    void conversationReadTakesItsQueryInCamelCase() {
        String id = conversation();

        JsonNode without =
                api.get("/v1/conversations/" + id + "?includeMessages=false").json();
        JsonNode one =
                api.get("/api/v1/conversations/" + id + "?messageLimit=1").json();

        assertThat(without.has("messages")).isFalse();
        assertThat(one.path("messages")).hasSize(1);
    }

    @Test
    void analyticsTakeEachSeedsDateAndBucketNames() {
        // seed 001/002 /analytics with seed 003's from/to and seed 002's group_by
        JsonNode analytics = api.get("/v1/analytics?from=2026-02-01&to=2026-02-06&group_by=week")
                .json();
        // seed 003 /analytics/overview with seed 001's start_date/end_date
        JsonNode overview = api.get("/v1/analytics/overview?start_date=2026-02-01&end_date=2026-02-11")
                .json();
        // seed 003 /analytics/agents in seed 000's camelCase
        Api.Response agents = api.get("/v1/analytics/agents?startDate=2026-02-01&endDate=2026-02-11&sortBy=csat_score");

        assertThat(analytics.at("/period/start").asString()).startsWith("2026-02-01");
        // the end day is included: the period ends where it ends
        assertThat(analytics.at("/period/end").asString()).startsWith("2026-02-07T00:00:00");
        assertThat(analytics.path("granularity").asString()).isEqualTo("week");
        assertThat(overview.at("/period/from").asString()).isEqualTo("2026-02-01");
        assertThat(overview.at("/period/to").asString()).isEqualTo("2026-02-11");
        assertThat(agents.status()).as(agents.toString()).isEqualTo(200);
        // seed 003's workspace filter under seed 001's name for a store: another store's id is not found
        assertThat(api.get("/v1/analytics/overview?store_id=" + workspace.id()).status())
                .isEqualTo(200);
        assertThat(api.get("/v1/analytics/overview?store_id=store_someone_else").errorCode())
                .isEqualTo("not_found");
    }

    @Test
    void aCamelCaseNameNeverReplacesTheCanonicalOneTheClientAlsoSent() {
        conversation();
        conversation();

        JsonNode both = api.get("/v1/conversations?per_page=2&limit=1").json();

        assertThat(both.at("/pagination/per_page").asInt()).isEqualTo(2);
    }

    @Test
    void webhookSubscriptionsReadCamelCase() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Api.Response created = api.post(
                    "/v1/webhooks",
                    Map.of("url", receiver.url(), "events", List.of("scrape.completed"), "signatureFormat", "hex"));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("signature_format").asString()).isEqualTo("hex");
        }
    }

    private String conversation() {
        Api.Response created = api.post(
                "/v1/conversations",
                Map.of("customer_email", "customer@example.com", "initial_message", "Where is my order #1234?"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("conversation_id").asString();
    }
}
