package dev.parley.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.KnowledgeGapFound;
import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * The rollups change no number: every report reads the same before the refresher has rebuilt a quarter hour (raw
 * rows) and after (rollups), in time zones with half- and three-quarter-hour offsets and over periods with ragged
 * ends; a fact recorded after a refresh counts at once; rollups are per workspace and keep no erased words.
 */
@ApiTest
@Tag("database")
class AnalyticsRollupTests {

    static final TestClock clock = TestClock.shared();

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    Rollups rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    TestWorkspace workspace;
    Api api;

    static final List<String> REPORTS = List.of(
            "/v1/analytics?start_date=2026-05-01&end_date=2026-05-10&timezone=Asia/Kolkata",
            "/v1/analytics?start_date=2026-05-01&end_date=2026-05-31&granularity=week",
            "/v1/analytics?start_date=2026-05-04T10:07:00Z&end_date=2026-05-06T23:52:00Z",
            "/v1/analytics/overview?from=2026-05-01&to=2026-05-10&timezone=America/St_Johns",
            "/v1/dashboard/overview?period=month&timezone=Asia/Kathmandu",
            "/v1/analytics/intelligence?metric=all&days=30&timezone=Asia/Kolkata",
            "/v1/analytics/intelligence?metric=all&start_date=2026-05-04&end_date=2026-05-06&domain=shop.example");

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    @Test
    void reportsReadTheSameFromRawRowsAndFromRollups() {
        seed();
        clock.set(Instant.parse("2026-05-10T12:00:00Z"));
        Map<String, String> raw = reports();

        rebuild();

        assertThat(jdbc.sql("SELECT SUM(conversations) FROM analytics_slot_totals WHERE workspace_id = ?")
                        .param(workspace.id())
                        .query(Long.class)
                        .single())
                .as("the rollups hold the three conversations")
                .isEqualTo(3);
        assertThat(reports()).isEqualTo(raw);

        JsonNode report = api.get(REPORTS.getFirst()).json();
        assertThat(report.at("/summary/total_conversations").asLong()).isEqualTo(3);
        assertThat(report.at("/summary/escalation_rate").asDouble()).isEqualTo(0.3333);
        assertThat(report.at("/summary/csat_average").asDouble()).isEqualTo(4.0);
        // A at 15:30 on May 4 in Kolkata, B at 08:50 on May 5, C at 05:20 on May 7
        assertThat(report.path("time_series")
                        .valueStream()
                        .filter(p -> p.path("conversations").asLong() > 0)
                        .map(p -> p.path("date").asString())
                        .toList())
                .containsExactly("2026-05-04", "2026-05-05", "2026-05-07");
        assertThat(api.get(REPORTS.get(2))
                        .json()
                        .at("/summary/total_conversations")
                        .asLong())
                .as("A started at 10:00, before the period's start at 10:07; C at 23:50, before its end")
                .isEqualTo(2);
        JsonNode dashboard = api.get(REPORTS.get(4)).json();
        assertThat(dashboard.at("/top_queries/0/query").asString()).isEqualTo("how long is shipping");
        assertThat(dashboard.at("/top_queries/0/count").asLong()).isEqualTo(2);
        assertThat(dashboard.at("/metrics/active_users").asLong()).isEqualTo(2);
        JsonNode intelligence = api.get(REPORTS.get(5)).json();
        assertThat(intelligence.at("/content_gaps/0/query").asString()).isEqualTo("gift cards");
        assertThat(intelligence.at("/content_gaps/0/frequency").asLong()).isEqualTo(3);
        assertThat(intelligence.at("/content_gaps/0/avg_confidence").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aFactAfterARefreshCountsAtOnceBesideTheRollups() {
        seed();
        rebuild();
        clock.set(Instant.parse("2026-05-06T12:00:00Z"));
        conversation("dee@example.com", "How long is shipping?");
        clock.set(Instant.parse("2026-05-10T12:00:00Z"));

        JsonNode report = api.get(REPORTS.getFirst()).json();
        assertThat(report.at("/summary/total_conversations").asLong()).isEqualTo(4);
        assertThat(api.get(REPORTS.get(4)).json().at("/top_queries/0/count").asLong())
                .isEqualTo(3);
        Map<String, String> before = reports();
        rebuild();
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void rollupsArePerWorkspaceAndMode() {
        seed();
        rebuild();
        clock.set(Instant.parse("2026-05-10T12:00:00Z"));

        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(other.get(REPORTS.getFirst())
                        .json()
                        .at("/summary/total_conversations")
                        .asLong())
                .isZero();
        String testKey = fixtures.key(workspace.id(), Mode.TEST, dev.parley.platform.Scope.ANALYTICS_READ);
        assertThat(Api.at(port)
                        .withKey(testKey)
                        .get(REPORTS.getFirst())
                        .json()
                        .at("/summary/total_conversations")
                        .asLong())
                .isZero();
    }

    @Test
    void erasureLeavesNoWordsInTheRollups() {
        seed();
        rebuild();
        assertThat(rollupText()).contains("do you gift wrap");
        clock.set(Instant.parse("2026-05-10T12:00:00Z"));

        Api.Response erased = api.send("DELETE", "/v1/gdpr/delete", Map.of("email", "cy@example.com"));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(rollupText()).doesNotContain("do you gift wrap");
        rebuild();
        assertThat(rollupText()).doesNotContain("do you gift wrap");
        JsonNode dashboard = api.get(REPORTS.get(4)).json();
        assertThat(dashboard.at("/metrics/total_conversations").asLong())
                .as("erasure anonymizes: every count stays")
                .isEqualTo(3);
        assertThat(dashboard.path("top_queries").toString()).doesNotContain("gift wrap");
    }

    /** A at 10:00 UTC on May 4, resolved with CSAT 4; B (ann again) at 03:20 on May 5, escalated; C at 23:50 on May 6. */
    private void seed() {
        clock.set(Instant.parse("2026-05-04T10:00:00Z"));
        String a = conversation("ann@example.com", "How long is shipping?");
        clock.advance(Duration.ofMinutes(3));
        assertThat(api.post("/v1/conversations/" + a + "/resolve", Map.of("csat_score", 4))
                        .status())
                .isEqualTo(200);
        clock.set(Instant.parse("2026-05-05T03:20:00Z"));
        String b = conversation("ann@example.com", "How long is shipping?");
        assertThat(api.post("/v1/conversations/" + b + "/escalate", Map.of("reason", "vip"))
                        .status())
                .isEqualTo(200);
        clock.set(Instant.parse("2026-05-06T23:50:00Z"));
        conversation("cy@example.com", "Do you gift wrap?");
        for (double confidence : new double[] {0.2, 0.3, 0.4}) {
            transactions.executeWithoutResult(tx -> events.publishEvent(
                    new KnowledgeGapFound(workspace.id(), Mode.LIVE, "conv_gap", "Gift cards?", confidence)));
        }
        clock.set(Instant.parse("2026-05-04T10:00:00Z"));
        for (String step : List.of("page_view", "product_view", "add_to_cart", "checkout", "purchase")) {
            track("s1", step, Map.of("page_type", "landing", "visitor_id", "v1", "domain", "shop.example"));
        }
        clock.set(Instant.parse("2026-05-05T03:20:00Z"));
        track("s2", "page_view", Map.of("page_type", "landing", "visitor_id", "v1", "domain", "shop.example"));
        clock.set(Instant.parse("2026-05-06T23:50:00Z"));
        track("s4", "page_view", Map.of("page_type", "landing", "domain", "shop.example"));
        clock.set(Instant.parse("2026-05-10T19:00:00Z"));
        track("s4", "product_view", Map.of("product_id", "p1", "domain", "shop.example"));
    }

    @Test
    void theOpenQuarterHourKeepsOneMarkAndIsRebuiltOnceItHasEnded() {
        clock.set(Instant.parse("2026-05-04T10:03:00Z"));
        conversation("first@example.com", "Where is my parcel?");
        conversation("second@example.com", "Can I change my delivery address?");
        assertThat(marks()).isPositive();
        Map<String, String> read = reports();

        rollups.refreshBefore(AnalyticsRows.slot(clock.instant()));

        // Still open: one mark is kept, so the quarter hour is read raw until it is rebuilt.
        assertThat(marks()).isEqualTo(1);

        rollups.refreshBefore(AnalyticsRows.slot(Instant.parse("2026-05-04T10:15:00Z")));

        assertThat(marks()).isZero();
        assertThat(reports()).isEqualTo(read);
    }

    private String conversation(String email, String question) {
        Api.Response created = api.post(
                "/v1/conversations", Map.of("channel", "widget", "customer_email", email, "initial_message", question));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("conversation_id").asString();
    }

    private void track(String session, String type, Map<String, Object> data) {
        Api.Response response =
                api.post("/v1/analytics/events", Map.of("session_id", session, "event_type", type, "data", data));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private Map<String, String> reports() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : REPORTS) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            out.put(path, response.text());
        }
        return out;
    }

    /** Refreshes until none of this workspace's quarter hours is marked (the node's own refresher may help). */
    private void rebuild() {
        for (int i = 0; i < 50 && marks() > 0; i++) {
            rollups.refresh();
        }
        assertThat(marks()).isZero();
    }

    private long marks() {
        return jdbc.sql("SELECT COUNT(*) FROM analytics_rollup_marks WHERE workspace_id = ?")
                .param(workspace.id())
                .query(Long.class)
                .single();
    }

    private String rollupText() {
        return jdbc.sql("SELECT first_query FROM analytics_day_queries WHERE workspace_id = ?")
                        .param(workspace.id())
                        .query(String.class)
                        .list()
                + " "
                + jdbc.sql("SELECT name FROM analytics_slot_events WHERE workspace_id = ?")
                        .param(workspace.id())
                        .query(String.class)
                        .list();
    }
}
