package dev.parley.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.KnowledgeGapFound;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationEvents.ConversationCreated;
import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every report is checked against numbers worked out by hand from conversations made through the public API at
 * known instants, around the start of daylight saving time in New York (2026-03-08, 02:00 EST -> 03:00 EDT).
 */
@ApiTest
@Tag("database")
class AnalyticsApiTests {

    static final TestClock clock = TestClock.shared();

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    TestWorkspace workspace;
    Api api;

    /** What the assistant reported for each first message, to compute the by-intent and by-sentiment tables. */
    final List<JsonNode> answers = new ArrayList<>();

    /** What the assistant said about D's message after it was resolved: D's sentiment is its latest. */
    JsonNode reopened;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        api.post(
                "/v1/knowledge-base",
                Map.of(
                        "title", "Shipping times",
                        "content",
                                "Standard shipping takes 3 to 5 business days. Express shipping arrives in 1 to 2 business days."));
    }

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    private String conversation(Instant at, String email, String question) {
        clock.set(at);
        Api.Response created = api.post(
                "/v1/conversations", Map.of("channel", "widget", "customer_email", email, "initial_message", question));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("escalated").asBoolean())
                .as("precondition: answered by the AI")
                .isFalse();
        answers.add(created.json());
        return created.json().path("conversation_id").asString();
    }

    /**
     * Four conversations in the period (local days Mar 7, Mar 8, Mar 8 and Mar 10 in New York) and one in the week
     * before. A is resolved after 5 minutes with CSAT 5, D after 10 minutes with CSAT 3 and then reopened by a
     * customer message; B is escalated.
     */
    private Map<String, String> seedFourConversations() {
        Map<String, String> ids = new HashMap<>();
        ids.put("previous", conversation(Instant.parse("2026-03-01T15:00:00Z"), "old@example.com", "Hello there"));
        ids.put("a", conversation(Instant.parse("2026-03-08T04:30:00Z"), "ann@example.com", "How long is shipping?"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.post("/v1/conversations/" + ids.get("a") + "/resolve", Map.of("csat_score", 5))
                        .status())
                .isEqualTo(200);
        ids.put("b", conversation(Instant.parse("2026-03-08T06:30:00Z"), "ann@example.com", "How long is shipping?"));
        assertThat(api.post("/v1/conversations/" + ids.get("b") + "/escalate", Map.of("reason", "vip"))
                        .status())
                .isEqualTo(200);
        ids.put("c", conversation(Instant.parse("2026-03-09T03:30:00Z"), "bob@example.com", "Do you ship express?"));
        ids.put(
                "d",
                conversation(
                        Instant.parse("2026-03-10T15:00:00Z"), "cy@example.com", "Express shipping takes how long?"));
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.post("/v1/conversations/" + ids.get("d") + "/resolve", Map.of("csat_score", 3))
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        Api.Response again =
                api.post("/v1/conversations/" + ids.get("d") + "/messages", Map.of("content", "Thanks, and standard?"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("response").isMissingNode()).isFalse();
        reopened = again.json();
        return ids;
    }

    @Test
    void seed001AnalyticsAddUpPerLocalDayAcrossTheClockChange() {
        seedFourConversations();
        clock.set(Instant.parse("2026-03-11T12:00:00Z"));

        JsonNode report = api.get("/v1/analytics?start_date=2026-03-07&end_date=2026-03-10&timezone=America/New_York")
                .json();

        // The period is four whole local days: from midnight EST on Mar 7 to midnight EDT after Mar 10.
        assertThat(report.at("/period/start").asString()).isEqualTo("2026-03-07T05:00:00Z");
        assertThat(report.at("/period/end").asString()).isEqualTo("2026-03-11T04:00:00Z");
        JsonNode summary = report.path("summary");
        assertThat(summary.path("total_conversations").asLong()).isEqualTo(4);
        // two messages each, and two more when D was reopened
        assertThat(summary.path("total_messages").asLong()).isEqualTo(10);
        assertThat(summary.path("automation_rate").asDouble()).isEqualTo(0.75);
        assertThat(summary.path("escalation_rate").asDouble()).isEqualTo(0.25);
        // the frozen clock makes every reply 1 ms after its question
        assertThat(summary.path("avg_response_time_ms").asLong()).isEqualTo(1);
        // A: 300 s; D: 600 s (its first resolution; it is not resolved again)
        assertThat(summary.path("avg_resolution_time_seconds").asLong()).isEqualTo(450);
        assertThat(summary.path("csat_average").asDouble()).isEqualTo(4.0);
        assertThat(summary.path("csat_count").asLong()).isEqualTo(2);

        // Local days: A on Mar 7 (23:30 EST), B on Mar 8 (01:30 EST), C on Mar 8 (23:30 EDT, Mar 9 in UTC), D on Mar
        // 10.
        JsonNode series = report.path("time_series");
        assertThat(series.valueStream().map(p -> p.path("date").asString()).toList())
                .containsExactly("2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10");
        assertThat(series.valueStream()
                        .map(p -> p.path("conversations").asLong())
                        .toList())
                .containsExactly(1L, 2L, 0L, 1L);
        assertThat(series.valueStream()
                        .map(p -> p.path("automation_rate").asDouble())
                        .toList())
                .containsExactly(1.0, 0.5, 0.0, 1.0);

        // By intent and sentiment, from what the assistant said about each first message (the previous week's
        // excluded).
        Map<String, Long> intents = new HashMap<>();
        Map<String, Long> sentiments = new HashMap<>();
        long searches = 0;
        List<JsonNode> turns = new ArrayList<>(answers.subList(1, answers.size()));
        turns.add(reopened);
        for (JsonNode answer : answers.subList(1, answers.size())) {
            JsonNode latest = answer == answers.getLast() ? reopened : answer;
            // A conversation's intent is its first one that says something (not a greeting, not "other").
            String intent = answer.at("/analysis/intent").asString();
            if (List.of("other", "greeting").contains(intent) && latest != answer) {
                intent = latest.at("/analysis/intent").asString();
            }
            intents.merge(intent, 1L, Long::sum);
            sentiments.merge(latest.at("/analysis/sentiment").asString(), 1L, Long::sum);
        }
        for (JsonNode turn : turns) {
            searches += turn.path("actions_taken")
                    .valueStream()
                    .filter(a -> a.path("type").asString().equals("knowledge_searched"))
                    .count();
        }
        intents.forEach((intent, count) -> assertThat(
                        report.at("/by_intent/" + intent + "/count").asLong())
                .as(intent)
                .isEqualTo(count));
        assertThat(report.path("by_intent")
                        .valueStream()
                        .mapToDouble(i -> i.path("percentage").asDouble())
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(report.path("by_sentiment").propertyNames())
                .contains("positive", "neutral", "negative", "frustrated");
        assertThat(report.path("by_sentiment")
                        .valueStream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(4);
        sentiments.forEach((sentiment, count) ->
                assertThat(report.at("/by_sentiment/" + sentiment).asLong()).isEqualTo(count));
        assertThat(report.at("/actions_taken/knowledge_searched").asLong()).isEqualTo(searches);

        // The same period in UTC puts C on Mar 9 and A on Mar 8.
        JsonNode utc = api.get("/v1/analytics?start_date=2026-03-07&end_date=2026-03-10")
                .json();
        assertThat(utc.path("time_series")
                        .valueStream()
                        .map(p -> p.path("conversations").asLong())
                        .toList())
                .containsExactly(0L, 2L, 1L, 1L);
    }

    @Test
    void seed002MetricsAndWeeklyBuckets() {
        seedFourConversations();
        clock.set(Instant.parse("2026-03-11T12:00:00Z"));

        JsonNode report = api.get("/api/v1/analytics?start_date=2026-03-07&end_date=2026-03-10"
                        + "&metrics=conversations,resolution_rate,ai_resolved&group_by=week&timezone=America/New_York")
                .json();

        JsonNode metrics = report.path("metrics");
        assertThat(metrics.path("total_conversations").asLong()).isEqualTo(4);
        assertThat(metrics.path("ai_resolved").asLong()).isEqualTo(2);
        assertThat(metrics.path("resolution_rate").asDouble()).isEqualTo(0.5);
        assertThat(metrics.has("escalated")).as("not asked for").isFalse();
        // ISO weeks: Mar 7-8 fall in the week of Mon Mar 2, Mar 9-10 in the week of Mon Mar 9.
        JsonNode daily = report.path("daily_breakdown");
        assertThat(daily.valueStream().map(p -> p.path("date").asString()).toList())
                .containsExactly("2026-03-02", "2026-03-09");
        assertThat(daily.valueStream()
                        .map(p -> p.path("conversations").asLong())
                        .toList())
                .containsExactly(3L, 1L);
        assertThat(daily.valueStream()
                        .map(p -> p.path("resolution_rate").asDouble())
                        .toList())
                .containsExactly(0.3333, 1.0);

        JsonNode all = api.get("/v1/analytics?start_date=2026-03-07&end_date=2026-03-10&timezone=America/New_York")
                .json()
                .path("metrics");
        assertThat(all.path("escalated").asLong()).isEqualTo(1);
        assertThat(all.path("customer_satisfaction").asDouble()).isEqualTo(4.0);
        assertThat(all.path("avg_response_time").asDouble()).isEqualTo(0.0);
    }

    @Test
    void seed003OverviewComparesWithThePreviousPeriod() {
        seedFourConversations();
        clock.set(Instant.parse("2026-03-11T12:00:00Z"));

        // Mar 4-10 in New York, against Feb 25 - Mar 3, which holds the one conversation of Mar 1.
        JsonNode overview = api.get("/v1/analytics/overview?from=2026-03-04&to=2026-03-10&timezone=America/New_York")
                .json();

        assertThat(overview.at("/period/from").asString()).isEqualTo("2026-03-04");
        assertThat(overview.at("/period/to").asString()).isEqualTo("2026-03-10");
        assertThat(overview.at("/metrics/total_chats").asLong()).isEqualTo(4);
        assertThat(overview.at("/metrics/avg_resolution_time_minutes").asDouble())
                .isEqualTo(7.5);
        assertThat(overview.at("/metrics/csat_score").asDouble()).isEqualTo(4.0);
        assertThat(overview.at("/metrics/csat_responses").asLong()).isEqualTo(2);
        // A stayed resolved; D was opened again by the customer
        assertThat(overview.at("/metrics/first_contact_resolution_rate").asDouble())
                .isEqualTo(0.5);
        assertThat(overview.at("/trends/chats_change_percent").asDouble()).isEqualTo(300.0);
        // No agent answered in either period: no change to report
        assertThat(overview.at("/trends/response_time_change_percent").isNull()).isTrue();

        assertThat(api.get("/v1/analytics/overview?workspace_id=ws_someone_else")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/v1/analytics/agents?sort_by=csat_score")
                        .json()
                        .path("data")
                        .isArray())
                .isTrue();
    }

    @Test
    void seed003AgentPerformanceMatchesEachAgentsOwnStats() {
        String email = "sara-" + java.util.UUID.randomUUID() + "@company.uz";
        Api.Response invited = api.post(
                "/v1/agents",
                Map.of("name", "Sara", "email", email, "password", "correct horse battery", "status", "online"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String sara = invited.json().path("id").asString();
        String token = Api.at(port)
                .post("/v1/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .json()
                .path("token")
                .asString();
        Api saraApi = Api.at(port).withKey(token);
        String id = conversation(Instant.parse("2026-07-01T10:00:00Z"), "kim@example.com", "How long is shipping?");
        assertThat(api.patch("/v1/conversations/" + id, Map.of("assigned_to", sara))
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(120));
        assertThat(saraApi.post("/v1/chats/" + id + "/messages", Map.of("text", "Sara here, let me check."))
                        .status())
                .isEqualTo(201);
        clock.advance(Duration.ofMinutes(8));
        assertThat(api.patch("/v1/chats/" + id, Map.of("status", "resolved")).status())
                .isEqualTo(200);
        assertThat(api.post("/v1/conversations/" + id + "/feedback", Map.of("rating", 4))
                        .status())
                .isIn(200, 201);

        JsonNode agents = api.get("/v1/analytics/agents?from=2026-07-01&to=2026-07-01")
                .json()
                .path("data");
        JsonNode own = api.get("/v1/agents/" + sara + "/stats?from=2026-07-01&to=2026-07-01")
                .json()
                .path("stats");
        JsonNode overview =
                api.get("/v1/analytics/overview?from=2026-07-01&to=2026-07-01").json();

        assertThat(agents.size()).isEqualTo(1);
        JsonNode row = agents.get(0);
        assertThat(row.path("agent_id").asString()).isEqualTo(sara);
        assertThat(row.path("name").asString()).isEqualTo("Sara");
        assertThat(row.path("total_chats").asLong()).isEqualTo(1);
        assertThat(row.path("resolved_chats").asLong()).isEqualTo(1);
        assertThat(row.path("avg_response_time_seconds").asLong()).isEqualTo(120);
        assertThat(row.path("csat_score").asDouble()).isEqualTo(4.0);
        assertThat(row.path("csat_responses").asLong()).isEqualTo(1);
        for (String field : List.of("total_chats", "resolved_chats", "avg_response_time_seconds", "csat_score")) {
            assertThat(row.path(field).toString())
                    .as(field)
                    .isEqualTo(own.path(field).toString());
        }
        assertThat(overview.at("/metrics/avg_response_time_seconds").asLong()).isEqualTo(120);
        assertThat(overview.at("/metrics/avg_resolution_time_minutes").asDouble())
                .isEqualTo(10.0);
        assertThat(overview.at("/metrics/csat_score").asDouble()).isEqualTo(4.0);
    }

    @Test
    void seed000DashboardCountsCustomersAndTopQueries() {
        seedFourConversations();
        clock.set(Instant.parse("2026-03-10T20:00:00Z"));

        JsonNode dashboard = api.get("/v1/dashboard/overview?period=week&timezone=America/New_York")
                .json();

        assertThat(dashboard.path("timezone").asString()).isEqualTo("America/New_York");
        // Mar 4 to Mar 10, local
        assertThat(dashboard.at("/time_range/start").asString()).isEqualTo("2026-03-04T05:00:00Z");
        assertThat(dashboard.at("/metrics/total_conversations").asLong()).isEqualTo(4);
        // ann (A and B), bob, cy
        assertThat(dashboard.at("/metrics/active_users").asLong()).isEqualTo(3);
        assertThat(dashboard.at("/metrics/satisfaction_score").asDouble()).isEqualTo(4.0);
        assertThat(dashboard.at("/trends/conversations_growth").asDouble()).isEqualTo(3.0);
        assertThat(dashboard.at("/trends/users_growth").asDouble()).isEqualTo(2.0);
        assertThat(dashboard.at("/top_queries/0/query").asString()).isEqualTo("how long is shipping");
        assertThat(dashboard.at("/top_queries/0/count").asLong()).isEqualTo(2);
        assertThat(dashboard.path("top_queries").size()).isEqualTo(3);
    }

    @Test
    void seed000IntelligenceFromClientEventsAndContentGaps() {
        Instant start = Instant.parse("2026-04-02T10:00:00Z");
        clock.set(start);
        track("s0", "page_view", Map.of("page_type", "landing", "visitor_id", "v1", "domain", "shop.example"));
        clock.advance(Duration.ofHours(1));
        track("s1", "page_view", Map.of("page_type", "landing", "visitor_id", "v1", "domain", "shop.example"));
        track("s1", "product_view", Map.of("product_id", "p1", "domain", "shop.example"));
        track("s1", "add_to_cart", Map.of("product_id", "p1", "price", 20, "quantity", 2, "domain", "shop.example"));
        track("s1", "checkout", Map.of("domain", "shop.example"));
        track("s1", "purchase", Map.of("value", 40, "domain", "shop.example"));
        track("s2", "page_view", Map.of("page_type", "landing", "domain", "shop.example"));
        track("s2", "product_view", Map.of("product_id", "p2", "domain", "shop.example"));
        track("s3", "page_view", Map.of("page_type", "landing", "domain", "shop.example"));
        track("s3", "product_view", Map.of("product_id", "p2", "domain", "shop.example"));
        track("s3", "add_to_cart", Map.of("product_id", "p2", "price", 10, "domain", "shop.example"));
        track("other", "page_view", Map.of("page_type", "landing", "domain", "other.example"));
        for (int i = 0; i < 10; i++) {
            gap("Return policy?", 0.2 + i * 0.02);
        }
        gap("gift cards", 0.3);

        JsonNode report = api.get("/v1/analytics/intelligence?metric=all&domain=shop.example"
                        + "&startDate=2026-04-02&endDate=2026-04-02")
                .json();

        JsonNode journey = report.path("customer_journey");
        assertThat(journey.path("conversion_rate").asDouble()).isEqualTo(0.25);
        // v1 came twice (s0, then s1 where it bought)
        assertThat(journey.path("avg_sessions_before_conversion").asDouble()).isEqualTo(2.0);
        assertThat(journey.path("common_paths")
                        .valueStream()
                        .filter(p -> p.path("path")
                                .toString()
                                .equals("[\"landing\",\"product_view\",\"add_to_cart\",\"checkout\",\"purchase\"]"))
                        .findFirst()
                        .orElseThrow()
                        .path("conversion_rate")
                        .asDouble())
                .isEqualTo(1.0);
        JsonNode stages = report.at("/conversion_funnel/stages");
        assertThat(stages.valueStream().map(s -> s.path("sessions").asLong()).toList())
                .containsExactly(4L, 3L, 2L, 1L, 1L);
        assertThat(stages.get(2).path("conversion_rate").asDouble()).isEqualTo(0.6667);
        assertThat(report.at("/conversion_funnel/overall_conversion_rate").asDouble())
                .isEqualTo(0.25);
        assertThat(report.at("/content_gaps/0/query").asString()).isEqualTo("return policy");
        assertThat(report.at("/content_gaps/0/frequency").asLong()).isEqualTo(10);
        assertThat(report.at("/content_gaps/0/avg_confidence").asDouble()).isEqualTo(0.29);
        assertThat(report.at("/content_gaps/1/query").asString()).isEqualTo("gift cards");
        assertThat(report.at("/summary/critical_count").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/insights/0/metric").asString()).isEqualTo("content_gap");
        assertThat(report.at("/summary/insights")
                        .valueStream()
                        .map(i -> i.path("metric").asString()))
                .contains("conversion")
                // half the carts reached checkout: at the threshold, not under it
                .doesNotContain("cart_abandonment");

        JsonNode gapsOnly = api.get(
                        "/v1/analytics/intelligence?metric=content-gaps&start_date=2026-04-02&end_date=2026-04-02")
                .json();
        assertThat(gapsOnly.has("customer_journey")).isFalse();
        assertThat(gapsOnly.path("content_gaps").size()).isEqualTo(2);
    }

    @Test
    void peakUsageIsReadInTheRequestedTimeZone() {
        // Two questions at 14:xx UTC on Thursday Apr 2 = 19:xx in Tashkent (UTC+5)
        conversation(Instant.parse("2026-04-02T14:10:00Z"), "p@example.com", "How long is shipping?");
        conversation(Instant.parse("2026-04-02T14:50:00Z"), "q@example.com", "How long is shipping?");
        conversation(Instant.parse("2026-04-02T20:00:00Z"), "r@example.com", "How long is shipping?");

        JsonNode peak = api.get("/v1/analytics/intelligence?metric=peak-usage&start_date=2026-04-02&end_date=2026-04-03"
                        + "&timezone=Asia/Tashkent")
                .json()
                .path("peak_usage");

        assertThat(peak.path("by_hour").get(19).asLong()).isEqualTo(2);
        assertThat(peak.path("by_hour").get(1).asLong()).isEqualTo(1);
        assertThat(peak.path("busiest_hour").asInt()).isEqualTo(19);
        assertThat(peak.at("/by_weekday/thursday").asLong()).isEqualTo(2);
        assertThat(peak.at("/by_weekday/friday").asLong()).isEqualTo(1);
        assertThat(peak.path("busiest_day").asString()).isEqualTo("thursday");
    }

    @Test
    void aSessionReportReadsAnOldRowWhoseTypeNoVersionWritesAnyMore() {
        // given a visitor's session with a product view, and a row an older version logged under a retired word
        Instant viewed = Instant.parse("2026-05-02T10:00:00Z");
        clock.set(viewed);
        String sessionId = "sess_old_row_" + workspace.id();
        track(sessionId, "product_view", Map.of("product_id", "p1"));
        Instant retired = viewed.plusSeconds(90);
        jdbc.sql("""
                        INSERT INTO analytics_events (id, workspace_id, mode, type, name, occurred_at, slot, session_id,
                            data)
                        VALUES (?, ?, 'live', 'cart.retired_word', 'x', ?, ?, ?,
                            '{"tool": "search_products", "status": "executed"}')""")
                .params(
                        "evt_old_" + workspace.id(),
                        workspace.id(),
                        java.sql.Timestamp.from(retired),
                        retired.getEpochSecond() / 900,
                        sessionId)
                .update();

        // when
        Api.Response report = api.get("/v1/analytics/sessions/" + sessionId);

        // then the report answers, counting the old row as nothing but a moment of the session
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().at("/metrics/products_viewed").asLong()).isEqualTo(1);
        assertThat(report.json().at("/metrics/tools_executed").asLong()).isZero();
        assertThat(report.json().at("/metrics/duration_seconds").asLong()).isEqualTo(90);
        assertThat(report.json().path("intents").size()).isZero();
    }

    @Test
    void seed004SessionAnalyticsJoinClientEventsWithTheConversation() {
        clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        JsonNode session = api.post("/v1/sessions", Map.of("user_id", "u1")).json();
        String sessionId = session.path("session_id").asString();
        clock.advance(Duration.ofSeconds(30));
        JsonNode reply = api.post(
                        "/v1/conversations/" + session.path("conversation_id").asString() + "/messages",
                        Map.of("content", "How long is express shipping?"))
                .json();
        long assistantTools = reply.path("actions_taken")
                .valueStream()
                .filter(a -> a.path("status").asString().equals("executed"))
                .count();
        Api.Response tracked = api.post(
                "/api/analytics/events",
                Map.of(
                        "session_id",
                        sessionId,
                        "event_type",
                        "tool_execution",
                        "data",
                        Map.of("tool_name", "search_products", "duration_ms", 250, "success", true)));
        assertThat(tracked.status()).isEqualTo(201);
        assertThat(tracked.json().path("event_id").asString()).startsWith("evt_");
        track(sessionId, "tool_execution", Map.of("tool_name", "search_products"));
        track(sessionId, "product_view", Map.of("product_id", "p1"));
        track(sessionId, "product_view", Map.of("product_id", "p2"));
        track(sessionId, "product_view", Map.of("product_id", "p1"));
        track(sessionId, "add_to_cart", Map.of("product_id", "p1", "price", 50, "quantity", 3));
        clock.advance(Duration.ofSeconds(150));
        assertThat(api.delete("/v1/sessions/" + sessionId).status()).isEqualTo(200);

        JsonNode report = api.get("/api/analytics/sessions/" + sessionId).json();

        assertThat(report.path("session_id").asString()).isEqualTo(sessionId);
        assertThat(report.at("/metrics/duration_seconds").asLong()).isEqualTo(180);
        assertThat(report.at("/metrics/messages_count").asLong()).isEqualTo(2);
        assertThat(report.at("/metrics/tools_executed").asLong()).isEqualTo(2 + assistantTools);
        assertThat(report.at("/metrics/products_viewed").asLong()).isEqualTo(2);
        assertThat(report.at("/metrics/cart_value").asDouble()).isEqualTo(150.0);
        assertThat(report.at("/tool_usage/search_products").asLong()).isEqualTo(2);
        assertThat(report.path("intents").get(0).asString())
                .isEqualTo(reply.at("/analysis/intent").asString());

        assertThat(api.get("/v1/analytics/sessions/nobody").status()).isEqualTo(404);
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(other.get("/v1/analytics/sessions/" + sessionId).status()).isEqualTo(404);
    }

    @Test
    void anotherWorkspaceSeesNoneOfIt() {
        seedFourConversations();
        clock.set(Instant.parse("2026-03-11T12:00:00Z"));
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());

        JsonNode report = other.get("/v1/analytics?start_date=2026-03-07&end_date=2026-03-10")
                .json();

        assertThat(report.at("/summary/total_conversations").asLong()).isZero();
        assertThat(report.path("time_series")
                        .valueStream()
                        .mapToLong(p -> p.path("conversations").asLong())
                        .sum())
                .isZero();
        assertThat(report.path("time_series").size())
                .as("empty days are zeros, not gaps")
                .isEqualTo(4);
        String testKey = fixtures.key(workspace.id(), Mode.TEST, dev.parley.platform.Scope.ANALYTICS_READ);
        assertThat(Api.at(port)
                        .withKey(testKey)
                        .get("/v1/analytics?start_date=2026-03-07&end_date=2026-03-10")
                        .json()
                        .at("/summary/total_conversations")
                        .asLong())
                .as("test keys never see live data")
                .isZero();
    }

    @Test
    void aFactThatRollsBackIsNeverCounted() {
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        try {
            transactions.executeWithoutResult(tx -> {
                events.publishEvent(new ConversationCreated(workspace.id(), Mode.LIVE, "conv_rolledback", Channel.API));
                throw new IllegalStateException("the write failed");
            });
        } catch (IllegalStateException expected) {
            // as planned
        }
        transactions.executeWithoutResult(tx ->
                events.publishEvent(new ConversationCreated(workspace.id(), Mode.LIVE, "conv_kept", Channel.API)));

        JsonNode report = api.get("/v1/analytics?start_date=2026-06-01&end_date=2026-06-01")
                .json();

        assertThat(report.at("/summary/total_conversations").asLong()).isEqualTo(1);
    }

    @Test
    void clientMistakesAreFourHundreds() {
        assertThat(api.get("/v1/analytics?end_date=2026-03-10").errorCode()).isEqualTo("missing_field");
        assertThat(api.get("/v1/analytics?start_date=2026-03-10&end_date=2026-03-01")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/analytics?start_date=yesterday&end_date=2026-03-01")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/analytics?start_date=2020-01-01&end_date=2026-03-01")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/analytics?start_date=2026-03-01&end_date=2026-03-02&timezone=Mars/Olympus")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/analytics?start_date=2026-03-01&end_date=2026-03-02&granularity=hour")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/analytics?start_date=2026-03-01&end_date=2026-03-02&metrics=vibes")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/analytics/agents?sort_by=height").status()).isEqualTo(400);
        assertThat(api.get("/v1/dashboard/overview?period=decade").status()).isEqualTo(400);
        assertThat(api.get("/v1/analytics/intelligence?metric=everything").status())
                .isEqualTo(400);
        assertThat(api.get("/v1/analytics/intelligence?days=zero").status()).isEqualTo(400);
        assertThat(api.post("/v1/analytics/events", Map.of("event_type", "page_view"))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(api.post("/v1/analytics/events", Map.of("session_id", "s", "event_type", "<script>"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/v1/analytics/events",
                                Map.of(
                                        "session_id",
                                        "s",
                                        "event_type",
                                        "page_view",
                                        "data",
                                        Map.of("blob", "x".repeat(9000))))
                        .status())
                .isEqualTo(400);

        Api widget = Api.at(port)
                .withKey(fixtures.publishableKey(workspace.id()))
                .withHeader("Origin", "https://" + "shop.example");
        Api.Response denied = widget.get("/v1/analytics?start_date=2026-03-01&end_date=2026-03-02");
        assertThat(denied.status()).isIn(401, 403);
    }

    private void track(String session, String type, Map<String, Object> data) {
        Api.Response response =
                api.post("/v1/analytics/events", Map.of("session_id", session, "event_type", type, "data", data));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private void gap(String query, double confidence) {
        transactions.executeWithoutResult(tx ->
                events.publishEvent(new KnowledgeGapFound(workspace.id(), Mode.LIVE, "conv_gap", query, confidence)));
    }
}
