package dev.parley.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.SeedDocument;
import dev.parley.support.SeedDocument.Block;
import dev.parley.support.Shapes;
import dev.parley.support.TestSite;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request example of the five seed documents replayed against Parley as the document writes it (path, headers,
 * body; the example's placeholder ids and key replaced by real ones, and seed 000's example site by a loopback one),
 * and the response held against the document's example by {@link Shapes}: field names, casing, types, nesting, plus
 * the status code and the rate-limit headers. Every documented error code is provoked. {@link SeedCatalogue} says
 * which test covers which code block of which seed, and {@code SeedCatalogueTests} that every block is covered.
 */
@ApiTest
@Tag("database")
class SeedConformanceTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN_KEY = "sk_live_TestAdminKey00000000000000000000";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TenancyFixtures.TestWorkspace workspace;
    final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace("enterprise", "your-customer-domain.com", "example.com");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    // ---- seed 000 -------------------------------------------------------------------------------------------

    @Test
    void seed000ChatAnswersInItsCamelCase() {
        SeedDocument seed = SeedDocument.read("000");
        // the schema of block 4, its placeholder values as a client would fill them
        Api.Response first = omniops()
                .post(
                        "/api/chat",
                        seed.block(4)
                                .text()
                                .replace("\"conversationId\": \"string (optional)\",", "")
                                .replace("\"string (optional)\"", "\"https://example.com/faq\""));
        assertConforms(seed.block(5), first, 200, Map.of());
        String conversationId = first.json().path("conversationId").asString();
        assertThat(conversationId).startsWith("conv_");

        // the curl example, verbatim but for the key and the conversation it continues
        Curl curl = Curl.of(seed.block(6));
        assertThat(curl.path()).isEqualTo("/api/chat");
        Api.Response again = send(curl.withKey(workspace.liveKey())
                .withBody(curl.body().replace("123e4567-e89b-12d3-a456-426614174000", conversationId)));
        assertConforms(seed.block(5), again, 200, Map.of());
        assertThat(again.json().path("conversationId").asString()).isEqualTo(conversationId);
        assertThat(again.json().path("metadata").has("tokensUsed")).isTrue();
        assertThat(again.json().has("conversation_id"))
                .as("no snake_case on seed 000's path")
                .isFalse();
    }

    @Test
    void seed000ChatGivesAStringWhileAPersonHoldsTheConversation() {
        Api api = omniops();
        String id = api.post("/api/chat", Map.of("message", "Hello"))
                .json()
                .path("conversationId")
                .asString();
        assertThat(api().withKey(workspace.liveKey())
                        .post("/v1/conversations/" + id + "/escalate", Map.of("reason", "customer asked"))
                        .status())
                .isEqualTo(200);

        Api.Response held = api.post("/api/chat", Map.of("message", "Are you there?", "conversationId", id));

        assertConforms(SeedDocument.read("000").block(5), held, 200, Map.of());
        assertThat(held.json().path("response").asString()).isNotBlank();
        assertThat(held.json().path("escalated").asBoolean()).isTrue();
    }

    @Test
    void seed000SdkCallsArriveAsItsRestRequests() {
        // block 20: client.chat.send({message}), client.analytics.getIntelligence({metric, days}),
        // client.scraping.start({url, maxPages}) with maxPages beside url
        Api api = omniops();
        assertConforms(
                SeedDocument.read("000").block(5),
                api.post("/api/chat", Map.of("message", "What are your business hours?")),
                200,
                Map.of());
        assertConforms(
                SeedDocument.read("000").block(7),
                api.get("/api/analytics/intelligence?metric=all&days=7"),
                200,
                Map.of());
        try (TestSite site = site()) {
            Api.Response started = api.post("/api/scrape", Map.of("url", site.url("/"), "maxPages", 100));
            assertConforms(SeedDocument.read("000").block(10), started, 202, Map.of("/webhookUrl", WEBHOOK_URL));
            assertThat(started.json().path("estimatedPages").asInt()).isEqualTo(100);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An action's details depend on its type: seed 001's example shows a discount's. */
    static final Map<String, String> ACTION_DETAILS =
            Map.of("/actions_taken/*/details", Shapes.FREE_FORM + "each action type has its own details");

    /** An error's details depend on the error: a field for a bad field, a reason, a permission. */
    static final Map<String, String> ERROR_DETAILS = Map.of(
            "/error/details", Shapes.FREE_FORM + "each error has its own details",
            "/details", Shapes.FREE_FORM + "each error has its own details");

    static final String WEBHOOK_URL =
            "completion reaches the subscribers of scrape.completed (/v1/webhooks); Parley has no per-job URL";

    @Test
    void seed000IntelligenceAndDashboard() {
        Api api = omniops();
        api.post("/api/chat", Map.of("message", "What does shipping cost?"));
        SeedDocument seed = SeedDocument.read("000");
        Api.Response intelligence = api.get("/api/analytics/intelligence?metric=all&days=7");
        assertConforms(seed.block(7), intelligence, 200, Map.of());
        Api.Response dashboard = api.get("/api/dashboard/overview?period=week&timezone=America/New_York");
        assertConforms(
                seed.block(16),
                dashboard,
                200,
                Map.of(
                        "/metrics/avgResponseTime", "no assistant reply timed yet",
                        "/metrics/satisfactionScore", "no rating given in the period",
                        "/trends/conversationsGrowth", "growth from an empty previous period is undefined",
                        "/trends/usersGrowth", "growth from an empty previous period is undefined"));
        assertThat(dashboard.json().path("topQueries")).isNotEmpty();
    }

    @Test
    void seed000PrometheusMetrics() {
        Api api = omniops();
        api.post("/api/chat", Map.of("message", "Hello"));
        Api.Response metrics = api().withKey(workspace.liveKey()).get("/api/monitoring/metrics?format=prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        // block 8's lines: the same metric, labels and quantiles
        for (String line : SeedDocument.read("000").block(8).text().strip().split("\n")) {
            if (line.startsWith("#")) {
                assertThat(metrics.text()).contains(line);
            } else {
                String quantile = line.substring(line.indexOf("quantile="), line.indexOf('}'));
                assertThat(metrics.text())
                        .containsPattern("api_request_duration_ms\\{operation=\"[^\"]+\","
                                + java.util.regex.Pattern.quote(quantile) + "\\} [0-9.]+");
            }
        }
        Api.Response json = omniops().get("/api/monitoring/metrics?format=json");
        assertThat(json.json().path("operations").get(0).has("p95Ms")).isTrue();
    }

    @Test
    void seed000ScrapeStatusAndItsCompletedEvent() throws Exception {
        SeedDocument seed = SeedDocument.read("000");
        try (TestSite site = site();
                Receiver receiver = Receiver.start()) {
            subscribe(receiver.url(), "scrape.completed");
            Api.Response started =
                    omniops().post("/api/scrape", seed.block(9).text().replace("https://example.com", site.url("/")));
            assertConforms(seed.block(10), started, 202, Map.of("/webhookUrl", WEBHOOK_URL));
            String jobId = started.json().path("jobId").asString();

            Api.Response status = omniops().get("/api/scrape/status/" + jobId);
            assertConforms(
                    seed.block(11),
                    status,
                    200,
                    Map.of(
                            "/startedAt", "null until a worker takes the job",
                            "/estimatedCompletion", "null until pages are read, and once done"));

            JsonNode delivered = receiver.await(d -> d.path("event").asString().equals("scrape.completed"));
            assertThat(Shapes.differences(seed.block(18).json(), delivered)).isEmpty();
            assertThat(delivered.at("/data/jobId").asString()).isEqualTo(jobId);
            assertThat(delivered.at("/data").has("job_id")).isFalse();
        }
    }

    @Test
    void seed000TrainingOneAndInBatch() {
        SeedDocument seed = SeedDocument.read("000");
        Api.Response created = omniops().post("/api/training", seed.block(12).text());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // no response is documented: it echoes the request's fields in the request's casing
        assertThat(Shapes.differences(seed.block(12).json(), created.json())).isEmpty();
        assertThat(created.json().has("chunkCount")).isTrue();

        // block 22: client.training.addBatch(items)
        Api.Response batch =
                omniops().post("/api/training/batch", List.of(seed.block(12).json()));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        assertThat(batch.json().path("items")).hasSize(1);
    }

    @Test
    void seed000GdprExportAndDelete() {
        SeedDocument seed = SeedDocument.read("000");
        // a customer the examples name: user_123, user@example.com
        api().withKey(workspace.liveKey())
                .post(
                        "/api/v1/conversations",
                        Map.of(
                                "message",
                                "Hi",
                                "user_id",
                                "user_123",
                                "metadata",
                                Map.of("user_email", "user@example.com")));

        Api.Response export = omniops().post("/api/gdpr/export", seed.block(13).text());
        assertConforms(seed.block(14), export, 202, Map.of());

        Api.Response deleted =
                omniops().send("DELETE", "/api/gdpr/delete", seed.block(15).text());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().has("erasureId")).isTrue();
        assertThat(deleted.json().path("reason").asString()).isEqualTo("user_request");
    }

    @Test
    void seed000SessionEndedEvent() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            subscribe(receiver.url(), "chat.session.ended");
            Api canonical = api().withKey(workspace.liveKey());
            String sessionId = canonical
                    .post("/api/sessions", Map.of())
                    .json()
                    .path("session_id")
                    .asString();
            assertThat(canonical.delete("/api/sessions/" + sessionId).status()).isEqualTo(200);

            JsonNode delivered = receiver.await(d -> d.path("event").asString().equals("chat.session.ended"));
            assertThat(Shapes.differences(SeedDocument.read("000").block(19).json(), delivered))
                    .isEmpty();
            assertThat(delivered.at("/data/sessionId").asString()).isEqualTo(sessionId);
            assertThat(delivered.at("/data/duration").asLong() % 1000)
                    .as("milliseconds")
                    .isZero();
        }
    }

    @Test
    void seed000ErrorsInItsEnvelopeWithItsCodes() throws Exception {
        SeedDocument seed = SeedDocument.read("000");
        JsonNode format = seed.block(3).json();
        Curl curl = Curl.of(seed.block(6));

        // AUTH_INVALID: the curl example verbatim, YOUR_API_KEY and all
        assertError(format, send(curl), 401, "AUTH_INVALID");
        // INVALID_REQUEST
        assertError(format, omniops().post("/api/chat", "{\"message\": "), 400, "INVALID_REQUEST");
        Api.Response tooMany = omniops().post("/api/scrape", Map.of("url", "https://example.com", "maxPages", 0));
        assertError(format, tooMany, 400, "INVALID_REQUEST");
        assertThat(tooMany.json().at("/details/field").asString()).isEqualTo("options.maxPages");
        // RESOURCE_NOT_FOUND
        assertError(format, omniops().get("/api/scrape/status/job_123456"), 404, "RESOURCE_NOT_FOUND");
        // DOMAIN_NOT_CONFIGURED
        assertError(
                format,
                omniops().withHeader("X-Domain", "elsewhere.example").get("/api/dashboard/overview"),
                403,
                "DOMAIN_NOT_CONFIGURED");
        // RATE_LIMIT_EXCEEDED (block 21 retries on it): more than 20 requests in a second with one key
        Api burst = api().withKey(fixtures.key(workspace.id(), Mode.LIVE));
        Api.Response limited = firstRefused(() -> burst.get("/api/dashboard/overview"));
        assertError(format, limited, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(limited.header("Retry-After")).isPresent();
        // INSUFFICIENT_CREDITS: the store's hourly quota spent
        Api quota = api().withKey(storeWithQuota(2));
        Api.Response spent = null;
        for (int i = 0; i < 4 && (spent == null || spent.status() != 429); i++) {
            spent = quota.get("/api/dashboard/overview");
        }
        assertError(format, spent, 429, "INSUFFICIENT_CREDITS");
        // INTERNAL_ERROR is never a client's doing: no request provokes it (ErrorEnvelopeTests covers the envelope)
    }

    // ---- seed 001 -------------------------------------------------------------------------------------------

    @Test
    void seed001ConversationsFromCreateToResolve() {
        SeedDocument seed = SeedDocument.read("001");
        Api api = api().withKey(workspace.liveKey());
        assertThat(seed.block(2).text().strip()).isEqualTo("POST /conversations");

        Api.Response created = api.post("/v1/conversations", seed.block(3).text());
        assertConforms(seed.block(4), created, 200, Map.of());
        assertRateLimitHeaders(seed.block(1), created);
        String id = created.json().path("conversation_id").asString();

        Api.Response sent =
                api.post("/v1/conversations/" + id + "/messages", seed.block(6).text());
        assertConforms(seed.block(7), sent, 200, ACTION_DETAILS);

        Api.Response got = api.get("/v1/conversations/" + id);
        assertConforms(
                seed.block(9),
                got,
                200,
                Map.of(
                        "/actions_taken/*/details", Shapes.FREE_FORM + "each action type has its own details",
                        "/priority", "set when the conversation is escalated or by an agent",
                        "/sentiment", "read from the customer's messages once the assistant has answered one",
                        "/primary_intent", "read from the customer's messages once the assistant has answered one"));
        // the example's actions_taken: made by the message of block 6 when the assistant acts; shape checked when any

        Api.Response list = api.get("/v1/conversations?customer_email=customer@example.com&page=1&per_page=20");
        assertConforms(seed.block(11), list, 200, Map.of());
        assertThat(list.json().path("data")).isNotEmpty();

        Api.Response escalated =
                api.post("/v1/conversations/" + id + "/escalate", seed.block(13).text());
        assertConforms(seed.block(14), escalated, 200, Map.of());

        Api.Response resolved =
                api.post("/v1/conversations/" + id + "/resolve", seed.block(16).text());
        assertConforms(seed.block(17), resolved, 200, Map.of());

        // block 38: the curl example
        Curl curl = Curl.of(seed.block(38));
        assertThat(curl.path()).isEqualTo("/v1/conversations");
        assertConforms(seed.block(4), send(curl.withKey(workspace.liveKey())), 200, Map.of());
    }

    @Test
    void seed001SdksSpellingsAreAccepted() {
        // blocks 36 and 37: the SDKs' fields, in Python's snake_case and JavaScript's camelCase
        Api api = api().withKey(workspace.liveKey());
        SeedDocument seed = SeedDocument.read("001");
        assertConforms(
                seed.block(4),
                api.post(
                        "/v1/conversations",
                        Map.of(
                                "channel", "api",
                                "customer_email", "customer@example.com",
                                "initial_message", "Where is order #1234?")),
                200,
                Map.of());
        Api.Response camel = api.post(
                "/v1/conversations",
                Map.of(
                        "channel", "widget",
                        "customerEmail", "customer@example.com",
                        "initialMessage", "Where is order #1234?"));
        assertConforms(seed.block(4), camel, 200, Map.of());
        String id = camel.json().path("conversation_id").asString();
        assertConforms(
                seed.block(7),
                api.post("/v1/conversations/" + id + "/messages", Map.of("content", "When will it arrive?")),
                200,
                ACTION_DETAILS);
    }

    @Test
    void seed001AnalyticsAndStoreSettings() {
        SeedDocument seed = SeedDocument.read("001");
        Api api = api().withKey(workspace.liveKey());
        api.post("/v1/conversations", seed.block(3).text());
        Api.Response analytics = api.get("/v1/analytics?start_date=2026-02-01T00:00:00Z&end_date="
                + java.time.Instant.now().plus(Duration.ofDays(1)) + "&granularity=day");
        assertConforms(
                seed.block(26),
                analytics,
                200,
                Map.of(
                        "/summary/avg_resolution_time_seconds", "nothing resolved in the period",
                        "/summary/csat_average", "no rating in the period",
                        "/time_series/*/avg_response_time_ms", "a day without assistant replies",
                        "/summary/avg_response_time_ms", "no assistant reply timed in the period",
                        "/by_intent", Shapes.KEYED_BY_DATA + "the intents of the period",
                        "/actions_taken", Shapes.KEYED_BY_DATA + "the action types of the period"));

        Api.Response got = api.get("/v1/stores/" + workspace.id());
        assertConforms(
                seed.block(28),
                got,
                200,
                Map.of(
                        "/integrations/gorgias/mode", "no Gorgias connected",
                        "/settings/notifications/escalation_email", "not set for this store",
                        "/domain", "a store made without a domain has none"));
        assertThat(got.json().at("/integrations/shopify/connected").asBoolean()).isFalse();
        Api.Response patched =
                api.patch("/v1/stores/" + workspace.id(), seed.block(30).json());
        assertConforms(seed.block(31), patched, 200, Map.of());
        assertThat(patched.json().at("/settings/auto_refund_limit").asDouble()).isEqualTo(75.0);
    }

    @Test
    void seed001ErrorCodes() {
        JsonNode format = SeedDocument.read("001").block(35).json();
        Api api = api().withKey(workspace.liveKey());
        assertCanonicalError(format, api.post("/v1/conversations", "{\"channel\": "), 400, "invalid_request");
        assertCanonicalError(format, api.post("/v1/conversations", Map.of("channel", "widget")), 400, "missing_field");
        assertCanonicalError(
                format, api().withKey("sk_live_abc123xyz").get("/v1/conversations"), 401, "invalid_api_key");
        Api reader =
                api().withKey(fixtures.key(workspace.id(), Mode.LIVE, dev.parley.platform.Scope.CONVERSATIONS_READ));
        assertCanonicalError(
                format,
                reader.post("/v1/conversations/conv_abc123/resolve", Map.of()),
                403,
                "insufficient_permissions");
        assertCanonicalError(format, api.get("/v1/conversations/conv_abc123"), 404, "not_found");
        String id = api.post("/v1/conversations", Map.of("initial_message", "Hi", "channel", "api"))
                .json()
                .path("conversation_id")
                .asString();
        assertThat(api.patch("/v1/conversations/" + id, Map.of("status", "closed"))
                        .status())
                .isEqualTo(200);
        assertCanonicalError(
                format,
                api.post("/v1/conversations/" + id + "/messages", Map.of("content", "Hello?")),
                409,
                "conversation_closed");
        Api burst = api().withKey(fixtures.key(workspace.id(), Mode.LIVE));
        assertCanonicalError(format, firstRefused(() -> burst.get("/v1/conversations")), 429, "rate_limited");
        // integration_error: ShopifyStoreTests#answersIntegrationErrorAfterRetriesAndAnOfflineApologyInAConversation;
        // internal_error is never a client's doing
    }

    // ---- seed 002 -------------------------------------------------------------------------------------------

    @Test
    void seed002ConversationsOnItsOwnPath() {
        SeedDocument seed = SeedDocument.read("002");
        Api api = api().withKey(workspace.liveKey());
        Api.Response created = api.post("/api/v1/conversations", seed.block(2).text());
        assertConforms(seed.block(3), created, 200, Map.of());
        assertRateLimitHeaders(seed.block(1), created);
        String id = created.json().path("conversation_id").asString();

        Api.Response got = api.get("/api/v1/conversations/" + id);
        assertConforms(seed.block(4), got, 200, Map.of());
        assertThat(got.json().path("user_id").asString()).isEqualTo("user_12345");
        assertThat(got.json().at("/messages/0/sender").asString()).isEqualTo("user");
        assertThat(got.json().at("/messages/1/sender").asString()).isEqualTo("ai");
        assertThat(got.json().at("/messages/1/confidence").isNumber()).isTrue();
        // seed 001's fields on the same conversation
        assertThat(got.json().path("id").asString()).isEqualTo(id);
        assertThat(got.json().at("/messages/0/role").asString()).isEqualTo("user");

        // block 17: the curl example at /v1
        Curl curl = Curl.of(seed.block(17));
        assertConforms(seed.block(3), send(curl.withKey(workspace.liveKey())), 200, Map.of());

        // blocks 14 and 16: the SDKs' sendMessage({message, userId}) / send_message(message, user_id)
        assertConforms(
                seed.block(3),
                api.post(
                        "/api/v1/conversations",
                        Map.of("message", "How do I reset my password?", "userId", "user_12345")),
                200,
                Map.of());
    }

    @Test
    void seed002AnswersAStringWhileAPersonHoldsTheConversation() {
        Api api = api().withKey(workspace.liveKey());
        String id = api.post("/api/v1/conversations", Map.of("message", "Hello", "user_id", "u1"))
                .json()
                .path("conversation_id")
                .asString();
        api.post("/v1/conversations/" + id + "/escalate", Map.of());
        Api.Response held = api.post("/api/v1/conversations", Map.of("message", "Still there?", "conversation_id", id));
        assertConforms(SeedDocument.read("002").block(3), held, 200, Map.of());
        assertThat(held.json().path("response").asString()).isNotBlank();
        assertThat(held.json().path("escalated").asBoolean()).isTrue();
    }

    @Test
    void seed002KnowledgeBaseAndAnalytics() {
        SeedDocument seed = SeedDocument.read("002");
        Api api = api().withKey(workspace.liveKey());
        Api.Response article = api.post("/api/v1/knowledge-base", seed.block(5).text());
        assertConforms(seed.block(6), article, 201, Map.of());

        String request = seed.block(7).text().strip();
        assertThat(request).startsWith("GET /api/v1/analytics?");
        Map<String, String> empty = Map.of(
                "/metrics/avg_response_time", "no assistant reply in the period",
                "/metrics/customer_satisfaction", "no rating in the period",
                "/daily_breakdown/*/resolution_rate", "a day without conversations");
        // the example request asks for metrics=conversations,resolution_rate while the example answer lists all six:
        // Parley answers the ones asked for, and all six when none are named
        Api.Response asked = api.get(request.substring("GET ".length()));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(Shapes.differences(seed.block(8).json(), asked.json(), empty))
                .containsExactlyInAnyOrder(
                        "/metrics/ai_resolved: missing",
                        "/metrics/escalated: missing",
                        "/metrics/avg_response_time: missing",
                        "/metrics/customer_satisfaction: missing");
        Api.Response all = api.get("/api/v1/analytics?start_date=2026-01-01&end_date=2026-01-12&group_by=day");
        assertConforms(seed.block(8), all, 200, empty);
    }

    @Test
    void seed002ErrorsCarryTheRequestIdInsideTheError() {
        JsonNode format = SeedDocument.read("002").block(20).json();
        Api api = api().withKey(workspace.liveKey());
        for (Api.Response failed : List.of(
                api.post("/api/v1/conversations", "{"),
                api().withKey("YOUR_API_KEY").get("/api/v1/conversations/conv_abc123"),
                api().withKey(fixtures.key(workspace.id(), Mode.LIVE, dev.parley.platform.Scope.CONVERSATIONS_READ))
                        .post("/api/v1/knowledge-base", Map.of("title", "t", "content", "c")),
                api.get("/api/v1/conversations/conv_abc123"))) {
            assertThat(Shapes.differences(format, failed.json(), ERROR_DETAILS))
                    .as(failed.toString())
                    .isEmpty();
            assertThat(failed.json().at("/error/request_id").asString())
                    .isEqualTo(failed.json().path("request_id").asString())
                    .isEqualTo(failed.header("X-Request-Id").orElseThrow());
        }
        Api burst = api().withKey(fixtures.key(workspace.id(), Mode.LIVE));
        Api.Response limited = firstRefused(() -> burst.get("/api/v1/conversations/conv_abc123"));
        assertThat(limited.json().at("/error/request_id").isString()).isTrue();
    }

    @Test
    void seed002WebhookPayload() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Api api = api().withKey(workspace.liveKey());
            assertThat(api.post(
                                    "/v1/webhooks",
                                    Map.of("url", receiver.url(), "events", List.of("conversation.escalated")))
                            .status())
                    .isEqualTo(201);
            String agentId = onlineAgent(api, "Dana");
            String id = api.post("/api/v1/conversations", Map.of("message", "Hello", "user_id", "user_12345"))
                    .json()
                    .path("conversation_id")
                    .asString();
            api.post("/v1/conversations/" + id + "/escalate", Map.of("reason", "low_confidence"));

            JsonNode delivered = receiver.await(d -> d.path("event").asString().equals("conversation.escalated"));
            assertThat(Shapes.differences(SeedDocument.read("002").block(9).json(), delivered))
                    .isEmpty();
            assertThat(delivered.at("/data/conversation_id").asString()).isEqualTo(id);
            assertThat(delivered.at("/data/user_id").asString()).isEqualTo("user_12345");
            assertThat(delivered.at("/data/reason").asString()).isEqualTo("low_confidence");
            assertThat(delivered.at("/data/assigned_agent").asString())
                    .as("round robin gave it to the one online agent")
                    .isEqualTo(agentId);
        }
    }

    @Test
    void seed002EscalationWaitingInTheQueueNamesNoAgent() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Api api = api().withKey(workspace.liveKey());
            api.post("/v1/webhooks", Map.of("url", receiver.url(), "events", List.of("conversation.escalated")));
            String id = api.post("/api/v1/conversations", Map.of("message", "Hello"))
                    .json()
                    .path("conversation_id")
                    .asString();
            api.post("/v1/conversations/" + id + "/escalate", Map.of("reason", "low_confidence"));

            JsonNode delivered = receiver.await(d -> d.path("event").asString().equals("conversation.escalated"));
            // nobody online, nobody gave a user id: both keys are there, null
            assertThat(delivered.at("/data").has("assigned_agent")).isTrue();
            assertThat(delivered.at("/data/assigned_agent").isNull()).isTrue();
            assertThat(delivered.at("/data/user_id").isNull()).isTrue();
        }
    }

    private String onlineAgent(Api api, String name) {
        Api.Response created = api.post(
                "/v1/agents",
                Map.of(
                        "name",
                        name,
                        "email",
                        name.toLowerCase(java.util.Locale.ROOT) + "+" + workspace.id() + "@company.uz",
                        "role",
                        "agent",
                        "status",
                        "online",
                        "password",
                        "correct horse battery"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    // ---- seed 003 -------------------------------------------------------------------------------------------

    @Test
    void seed003ChatsAgentsAndAnalytics() {
        SeedDocument seed = SeedDocument.read("003");
        Api api = api().withKey(workspace.liveKey());
        String agentId = api.post(
                        "/v1/agents",
                        Map.of(
                                "name",
                                "Sara",
                                "email",
                                "sara+" + workspace.id() + "@company.uz",
                                "role",
                                "agent",
                                "status",
                                "online",
                                "password",
                                "correct horse battery"))
                .json()
                .path("id")
                .asString();
        String chatId = api.post(
                        "/v1/conversations",
                        Map.of("initial_message", "Salom", "customer_email", "ali@example.com", "customer_name", "Ali"))
                .json()
                .path("conversation_id")
                .asString();
        api.patch("/v1/chats/" + chatId, Map.of("assigned_to", agentId));

        Api.Response list = api.get("/v1/chats?status=assigned&page=1&limit=20");
        assertConforms(seed.block(0), list, 200, Map.of("/data/*/assigned_to", "a chat nobody holds has no agent"));
        assertThat(list.json().path("data")).isNotEmpty();
        assertConforms(
                seed.block(1),
                api.get("/v1/chats/" + chatId),
                200,
                Map.of(
                        "/visitor/phone", "the visitor gave no phone number",
                        "/notes", "no notes yet"));

        Api.Response reply =
                api.post("/v1/chats/" + chatId + "/messages", seed.block(2).text());
        assertConforms(seed.block(3), reply, 201, Map.of());

        Api.Response patched =
                api.patch("/v1/chats/" + chatId, seed.block(4).text().replace("agent_new123", agentId));
        assertConforms(seed.block(1), patched, 200, Map.of("/visitor/phone", "the visitor gave no phone number"));

        Api.Response agents = api.get("/v1/agents");
        assertConforms(seed.block(5), agents, 200, Map.of());
        String period = "?from=2026-02-01&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertConforms(
                seed.block(6),
                api.get("/v1/agents/" + agentId + "/stats" + period),
                200,
                Map.of(
                        "/stats/avg_response_time_seconds",
                        "",
                        "/stats/avg_resolution_time_minutes",
                        "",
                        "/stats/csat_score",
                        "averages of nothing are null"));
        assertConforms(
                seed.block(10),
                api.get("/v1/analytics/overview" + period),
                200,
                Map.of(
                        "/metrics/avg_response_time_seconds",
                        "",
                        "/metrics/avg_resolution_time_minutes",
                        "",
                        "/metrics/csat_score",
                        "",
                        "/metrics/first_contact_resolution_rate",
                        "averages of nothing are null",
                        "/trends/chats_change_percent",
                        "",
                        "/trends/response_time_change_percent",
                        "change from an empty period is undefined"));
        assertConforms(
                seed.block(11),
                api.get("/v1/analytics/agents" + period + "&sort_by=total_chats"),
                200,
                Map.of(
                        "/data/*/avg_response_time_seconds",
                        "averages of nothing are null",
                        "/data/*/csat_score",
                        "averages of nothing are null"));
    }

    @Test
    void seed003WebhooksWidgetTriggersAndFiles() throws Exception {
        SeedDocument seed = SeedDocument.read("003");
        Api api = api().withKey(workspace.liveKey());
        try (Receiver receiver = Receiver.start()) {
            Api.Response created = api.post(
                    "/v1/webhooks",
                    seed.block(8).text().replace("https://myapp.com/webhooks/chatflow", receiver.url()));
            assertConforms(seed.block(9), created, 201, Map.of());
            assertThat(created.json().path("events").valueStream().map(JsonNode::asString))
                    .containsExactly("chat.created", "chat.closed", "message.sent");
            assertConforms(seed.block(7), api.get("/v1/webhooks"), 200, Map.of());
        }

        Api.Response config = api.patch("/v1/widget/config", seed.block(13).text());
        assertConforms(seed.block(12), config, 200, Map.of("/branding/logo_url", "no logo set"));
        assertConforms(seed.block(12), api.get("/v1/widget/config"), 200, Map.of("/branding/logo_url", "no logo set"));

        Api.Response trigger =
                api.post("/v1/automation/triggers", seed.block(15).text());
        assertConforms(seed.block(14).json().path("data").get(0), trigger, 201);
        assertConforms(seed.block(14), api.get("/v1/automation/triggers"), 200, Map.of());

        String chatId = api.post("/v1/conversations", Map.of("initial_message", "Rasm", "channel", "api"))
                .json()
                .path("conversation_id")
                .asString();
        Api.Response url = api.post("/v1/files/upload-url", seed.block(16).text());
        assertConforms(seed.block(17), url, 200, Map.of());
        byte[] png = png(245678);
        HttpRequest put = HttpRequest.newBuilder(
                        URI.create(url.json().path("upload_url").asString()))
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
                .build();
        assertThat(api().execute(put).status()).isBetween(200, 204);
        Api.Response confirmed = api.post(
                "/v1/files/confirm",
                seed.block(18)
                        .text()
                        .replace("file_abc123", url.json().path("file_id").asString())
                        .replace("chat_abc123", chatId));
        assertConforms(seed.block(19), confirmed, 200, Map.of());
    }

    @Test
    void seed003ErrorsInUzbekWithTheEnglishBeside() {
        JsonNode format = SeedDocument.read("003").block(20).json();
        Api uz = api().withHeader("Accept-Language", "uz");
        Api.Response login =
                uz.post("/v1/auth/login", Map.of("email", "nobody@company.uz", "password", "wrong-password"));
        assertThat(login.status()).isEqualTo(401);
        assertThat(Shapes.differences(format, login.json(), ERROR_DETAILS))
                .as(login.toString())
                .isEmpty();
        assertThat(login.json().at("/error/message_en").asString()).startsWith("Invalid email or password");
        assertThat(login.json().at("/error/message").asString())
                .isNotEqualTo(login.json().at("/error/message_en").asString());
        Api api = api().withKey(workspace.liveKey()).withHeader("Accept-Language", "uz");
        // 400, 401, 403, 404, 409, 413 in the same envelope
        Map<String, Object> agent = Map.of(
                "name", "Aziz", "email", "aziz+" + workspace.id() + "@company.uz", "password", "correct horse battery");
        assertThat(api.post("/v1/agents", agent).status()).isEqualTo(201);
        List<Api.Response> failures = List.of(
                api.get("/v1/chats?limit=1000"),
                uz.get("/v1/chats"),
                api().withKey(fixtures.key(workspace.id(), Mode.LIVE, dev.parley.platform.Scope.CONVERSATIONS_READ))
                        .withHeader("Accept-Language", "uz")
                        .post(
                                "/v1/webhooks",
                                Map.of("url", "https://myapp.com/hooks", "events", List.of("chat.created"))),
                api.get("/v1/chats/chat_abc123"),
                api.post("/v1/agents", agent),
                api.post("/v1/chats/chat_abc123/messages", "{\"text\": \"" + "x".repeat(2_000_000) + "\"}"));
        assertThat(failures.stream().map(Api.Response::status)).containsExactly(400, 401, 403, 404, 409, 413);
        for (Api.Response failed : failures) {
            assertThat(Shapes.differences(format, failed.json(), ERROR_DETAILS))
                    .as(failed.toString())
                    .isEmpty();
            assertThat(failed.json().at("/error/message_en").isString())
                    .as(failed.toString())
                    .isTrue();
        }
        Api burst = api().withKey(fixtures.key(workspace.id(), Mode.LIVE));
        assertThat(Shapes.differences(
                        format, firstRefused(() -> burst.get("/v1/chats")).json(), ERROR_DETAILS))
                .isEmpty();
    }

    // ---- seed 004 -------------------------------------------------------------------------------------------

    @Test
    void seed004HealthSessionsAndAnalytics() {
        SeedDocument seed = SeedDocument.read("004");
        Api.Response health = api().get("/health");
        assertConforms(seed.block(5), health, 200, Map.of());

        Api api = api().withKey(workspace.liveKey());
        Api.Response created = api.post("/api/sessions", seed.block(6).text());
        assertConforms(seed.block(7), created, 201, Map.of());
        assertRateLimitHeaders(seed.block(16), created);
        String sessionId = created.json().path("session_id").asString();

        Api.Response event = api.post(
                "/api/analytics/events",
                seed.block(12).text().replace("550e8400-e29b-41d4-a716-446655440000", sessionId));
        assertConforms(seed.block(13), event, 201, Map.of());

        Api.Response got = api.get("/api/sessions/" + sessionId);
        assertConforms(seed.block(8), got, 200, Map.of());
        Api.Response report = api.get("/api/analytics/sessions/" + sessionId);
        assertConforms(
                seed.block(14),
                report,
                200,
                Map.of("/tool_usage", Shapes.KEYED_BY_DATA + "the tools the session used"));
        assertThat(report.json().at("/tool_usage/search_products").asInt()).isEqualTo(1);

        Api.Response ended = api.delete("/api/sessions/" + sessionId);
        assertConforms(seed.block(9), ended, 200, Map.of());
    }

    @Test
    void seed004ProductSearchAndToolExecution() {
        SeedDocument seed = SeedDocument.read("004");
        Api api = api().withKey(workspace.liveKey());
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"))
                        .status())
                .isEqualTo(200);

        Api.Response found = api.post("/api/products/search", seed.block(10).text());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(Shapes.differences(seed.block(11).json(), found.json())).isEmpty();
        Api.Response any = api.post("/api/products/search", Map.of("query", "shoes", "limit", 3));
        assertConforms(seed.block(11), any, 200, Map.of());
        assertThat(any.json().path("products")).isNotEmpty();

        assertThat(seed.block(20).text().strip()).isEqualTo("POST /api/test/tool-execution");
        Api.Response executed =
                api.post("/api/test/tool-execution", seed.block(21).text());
        assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
        assertThat(executed.json().path("status").asString()).isEqualTo("executed");
        // get_product_details, the other tool of block 14's tool_usage
        String productId = any.json().at("/products/0/id").asString();
        Api.Response details = api.post(
                "/api/test/tool-execution",
                Map.of("tool", "get_product_details", "parameters", Map.of("product_id", productId)));
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.json().path("status").asString()).isEqualTo("executed");
    }

    @Test
    void seed004ErrorsWithItsUpperCaseCodes() {
        JsonNode format = SeedDocument.read("004").block(15).json();
        Api api = api().withKey(workspace.liveKey());
        assertVoiceError(format, api().withKey("<token>").get("/api/sessions/abc"), 401, "UNAUTHORIZED");
        Api reader =
                api().withKey(fixtures.key(workspace.id(), Mode.LIVE, dev.parley.platform.Scope.CONVERSATIONS_READ));
        assertVoiceError(format, reader.post("/api/sessions", Map.of()), 403, "FORBIDDEN");
        assertVoiceError(format, api.get("/api/sessions/550e8400-e29b-41d4-a716-446655440000"), 404, "NOT_FOUND");
        Api.Response invalid = api.post("/api/products/search", Map.of("query", "shoes", "limit", 0));
        assertVoiceError(format, invalid, 400, "VALIDATION_ERROR");
        assertVoiceError(format, api.post("/api/test/tool-execution", Map.of()), 400, "VALIDATION_ERROR");
        Api burst = api().withKey(fixtures.key(workspace.id(), Mode.LIVE));
        assertVoiceError(format, firstRefused(() -> burst.get("/api/sessions/abc")), 429, "RATE_LIMIT_EXCEEDED");
        // canonical paths keep the canonical codes
        assertThat(api.get("/v1/sessions/abc").errorCode()).isEqualTo("not_found");
        // SHOPIFY_API_ERROR: ShopifyStoreTests#seed004sProductSearchNamesAFailingShopifyWithItsOwnCode;
        // LIVEKIT_ERROR: Parley never calls LiveKit; INTERNAL_ERROR is never a client's doing
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Every request of the suite waits up to two minutes: the first turns of a cold application may be slow. */
    private Api api() {
        return Api.at(port).withTimeout(Duration.ofMinutes(2));
    }

    private Api omniops() {
        return api().withKey(workspace.liveKey()).withHeader("X-Domain", "your-customer-domain.com");
    }

    private void assertConforms(Block example, Api.Response response, int status, Map<String, String> nullable) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElse("")).contains("application/json");
        assertThat(Shapes.differences(example.json(), response.json(), nullable))
                .as(example.id() + " " + response)
                .isEmpty();
    }

    private void assertConforms(JsonNode example, Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(Shapes.differences(example, response.json()))
                .as(response.toString())
                .isEmpty();
    }

    private static void assertRateLimitHeaders(Block example, Api.Response response) {
        for (String line : example.text().strip().split("\n")) {
            String name = line.substring(0, line.indexOf(':'));
            assertThat(response.header(name))
                    .as(name)
                    .hasValueSatisfying(v -> assertThat(v).matches("[0-9]+"));
        }
    }

    private static void assertError(JsonNode format, Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(Shapes.differences(format, response.json(), ERROR_DETAILS))
                .as(response.toString())
                .isEmpty();
        assertThat(response.json().path("code").asString())
                .as(response.toString())
                .isEqualTo(code);
        assertThat(response.json().path("error").isString()).isTrue();
    }

    private static void assertCanonicalError(JsonNode format, Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(Shapes.differences(format, response.json(), ERROR_DETAILS))
                .as(response.toString())
                .isEmpty();
        assertThat(response.errorCode()).isEqualTo(code);
    }

    private static void assertVoiceError(JsonNode format, Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(Shapes.differences(format, response.json(), ERROR_DETAILS))
                .as(response.toString())
                .isEmpty();
        assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
    }

    /** Fires requests at once until one is refused for the rate: the burst limit is 20 a second per key. */
    private static Api.Response firstRefused(Supplier<Api.Response> request) {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 5; round++) {
                List<Future<Api.Response>> sent = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Callable<Api.Response> call = request::get;
                    sent.add(pool.submit(call));
                }
                for (Future<Api.Response> f : sent) {
                    Api.Response r = f.get();
                    if (r.status() == 429) {
                        return r;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no request was refused for the rate");
    }

    private String storeWithQuota(int perHour) {
        Api.Response created = api().withKey(ADMIN_KEY)
                .post(
                        "/v1/stores",
                        Map.of(
                                "name",
                                "Quota store",
                                "domain",
                                "quota-" + System.nanoTime() + ".example",
                                "plan",
                                "enterprise",
                                "quota_per_hour",
                                perHour));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().at("/api_key/key").asString();
    }

    private void subscribe(String url, String event) {
        Api.Response created = api().withKey(workspace.liveKey())
                .post("/v1/webhooks", Map.of("url", url, "events", List.of(event), "signature_format", "hex"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private TestSite site() throws java.io.IOException {
        TestSite site = TestSite.on("127.0.0.2");
        site.html(
                "/",
                "<html><head><title>Northwind</title></head><body><h1>Northwind</h1>"
                        + "<p>We ship in three to five days. Returns within thirty days.</p></body></html>");
        return site;
    }

    private Api.Response send(Curl curl) {
        Api api = api();
        for (Map.Entry<String, String> header : curl.headers().entrySet()) {
            api = api.withHeader(header.getKey(), header.getValue());
        }
        return api.send(curl.method(), curl.path(), curl.body());
    }

    /** A PNG signature followed by zeros: what the upload's sniffing reads as PNG, of the seed's size. */
    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = probe.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = probe.get();
        }
        return last;
    }

    /** A curl command of a seed, read as the shell would: method, path, headers and the body of {@code -d}. */
    record Curl(String method, String path, Map<String, String> headers, String body) {

        static Curl of(Block block) {
            String text = block.text().replace("\\\n", " ");
            java.util.regex.Matcher method =
                    java.util.regex.Pattern.compile("-X (\\w+)").matcher(text);
            java.util.regex.Matcher url =
                    java.util.regex.Pattern.compile("https?://\\S+").matcher(text);
            java.util.regex.Matcher header =
                    java.util.regex.Pattern.compile("-H \"([^:]+): ([^\"]*)\"").matcher(text);
            java.util.regex.Matcher data = java.util.regex.Pattern.compile(
                            "-d '([^']*)'", java.util.regex.Pattern.DOTALL)
                    .matcher(text);
            if (!method.find() || !url.find() || !data.find()) {
                throw new IllegalStateException(block.id() + " is not a curl POST");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            while (header.find()) {
                headers.put(header.group(1), header.group(2));
            }
            return new Curl(method.group(1), URI.create(url.group()).getPath(), headers, data.group(1));
        }

        Curl withKey(String key) {
            Map<String, String> replaced = new LinkedHashMap<>(headers);
            replaced.put("Authorization", "Bearer " + key);
            return new Curl(method, path, replaced, body);
        }

        Curl withBody(String replaced) {
            return new Curl(method, path, headers, replaced);
        }
    }
}
