package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports over a million messages on PostgreSQL. Creates its own database on the local PostgreSQL (127.0.0.1:5432),
 * starts the server jar on it (Flyway makes the schema), fills the analytics tables with generated facts in the
 * shape the recorder writes (by SQL on the database server: a fifth of a message's worth of conversations, one event
 * per message, per reply turn and per action, spread over 90 days), then times every report endpoint: p50 and p99 of
 * sequential requests, after a warm-up. The database is dropped at the end.
 */
final class AnalyticsBench {

    private AnalyticsBench() {}

    static void run(Map<String, String> options) throws Exception {
        long messages =
                Long.parseLong(options.getOrDefault("messages", options.containsKey("quick") ? "100000" : "1000000"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "40"));
        String admin = options.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String database = "parley_bench_analytics_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + database;
        int port = Bench.freePort();
        Path data = Files.createTempDirectory("parley-bench-analytics");
        Process server = Bench.startServer(
                options.get("server-jar"),
                port,
                data,
                Map.of("PARLEY_DB_URL", url, "PARLEY_DB_USER", "postgres", "PARLEY_DB_PASSWORD", ""));
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Bench.awaitHealthy(client, base, server);
            String store = Bench.storeId(client, base);
            long started = System.nanoTime();
            fill(url, store, messages);
            Bench.progress("Generated %,d messages in %.1f s%n", messages, Bench.seconds(started));
            started = System.nanoTime();
            awaitRollups(url);
            Bench.progress("The server built the rollups in %.1f s%n", Bench.seconds(started));

            LocalDate end = LocalDate.now(ZoneOffset.UTC);
            String month = "start_date=" + end.minusDays(29) + "&end_date=" + end;
            String quarter = "start_date=" + end.minusDays(89) + "&end_date=" + end;
            Map<String, String> reports = new LinkedHashMap<>();
            reports.put("seed 001 analytics, 30 days, day", "/v1/analytics?" + month + "&timezone=America/New_York");
            reports.put("seed 001 analytics, 90 days, week", "/v1/analytics?" + quarter + "&granularity=week");
            reports.put(
                    "seed 002 metrics, 90 days",
                    "/api/v1/analytics?" + quarter + "&metrics=conversations,resolution_rate");
            reports.put(
                    "seed 003 overview, 30 days", "/v1/analytics/overview?from=" + end.minusDays(29) + "&to=" + end);
            reports.put("seed 003 agents, 30 days", "/v1/analytics/agents?from=" + end.minusDays(29) + "&to=" + end);
            reports.put("seed 000 dashboard, month", "/v1/dashboard/overview?period=month&timezone=Asia/Tashkent");
            reports.put("seed 000 intelligence, 7 days", "/v1/analytics/intelligence?metric=all");
            reports.put("seed 000 intelligence, 90 days", "/v1/analytics/intelligence?metric=all&days=90");
            System.out.printf(
                    "%nReports over %,d messages on PostgreSQL (sequential, %d requests each after warm-up)%n",
                    messages, repeats);
            System.out.printf("%-36s %10s %10s%n", "report", "p50 ms", "p99 ms");
            for (Map.Entry<String, String> report : reports.entrySet()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + report.getValue()))
                        .header("Authorization", "Bearer " + Bench.KEY)
                        .build();
                for (int i = 0; i < 5; i++) {
                    check(client.send(request, HttpResponse.BodyHandlers.ofString()), report.getValue());
                }
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < repeats; i++) {
                    long t = System.nanoTime();
                    check(client.send(request, HttpResponse.BodyHandlers.ofString()), report.getValue());
                    millis.add((System.nanoTime() - t) / 1e6);
                }
                millis.sort(Double::compare);
                System.out.printf(
                        "%-36s %10.1f %10.1f%n",
                        report.getKey(),
                        millis.get(millis.size() / 2),
                        millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1)));
            }
        } finally {
            server.destroy();
            server.waitFor();
            if (options.containsKey("keep")) {
                System.out.println("Kept database " + url);
            } else {
                try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
                    c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
                }
            }
        }
    }

    /** Waits until the server's refresher has rebuilt every quarter hour the fill marked, as the recorder marks. */
    private static void awaitRollups(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            for (int i = 0; i < 1200; i++) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM analytics_rollup_marks")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        s.execute("ANALYZE");
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the rollups were not rebuilt within 10 minutes");
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Five messages per conversation (two questions, two replies, one agent or system line), a reply turn per answer,
     * an action per turn, 1 % content gaps and a client event per conversation; 8 % escalated, 60 % resolved, a third
     * of those rated, over the last 90 days.
     */
    private static void fill(String url, String store, long messages) throws Exception {
        long conversations = messages / 5;
        Instant now = Instant.now();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO analytics_conversations (conversation_id, workspace_id, mode, channel, contact_id,
                        created_at, created_slot, first_query, intent, sentiment, messages_in, messages_out, turns,
                        turn_millis, first_message_at, first_response_at, escalated_at, assigned_agent, assigned_at,
                        first_agent_response_at, agent_response_seconds, resolved_at, resolution_type,
                        resolution_seconds, reopened, csat)
                    SELECT 'conv_b' || g, '%1$s', 'live', 'widget', 'cust_' || (g %% 50000),
                        t, floor(extract(epoch FROM t) / 900)::bigint, 'question ' || (g %% 300),
                        (ARRAY['order_status','return_request','refund_request','shipping','product_question','other'])[1 + g %% 6],
                        (ARRAY['positive','neutral','neutral','negative','frustrated'])[1 + g %% 5],
                        2, 3, 2, 2 * (5 + g %% 40),
                        t, t + interval '1 second',
                        CASE WHEN g %% 12 = 0 THEN t + interval '2 minutes' END,
                        CASE WHEN g %% 12 = 0 THEN 'agent_' || (g %% 7) END,
                        CASE WHEN g %% 12 = 0 THEN t + interval '2 minutes' END,
                        CASE WHEN g %% 12 = 0 THEN t + interval '4 minutes' END,
                        CASE WHEN g %% 12 = 0 THEN 120 END,
                        CASE WHEN g %% 5 < 3 THEN t + (g %% 900) * interval '1 second' END,
                        CASE WHEN g %% 5 < 3 THEN 'automated' END,
                        CASE WHEN g %% 5 < 3 THEN g %% 900 END,
                        g %% 23 = 0,
                        CASE WHEN g %% 5 < 3 AND g %% 3 = 0 THEN 1 + g %% 5 END
                    FROM (SELECT g, timestamptz '%2$s' - (g %% 129600) * interval '1 minute' AS t
                          FROM generate_series(1, %3$d) g) x
                    """.formatted(store, now, conversations));
            s.execute("""
                    INSERT INTO analytics_events (id, workspace_id, mode, type, name, amount, occurred_at,
                        conversation_id, data, slot)
                    SELECT 'evt_m' || g || '_' || k, '%1$s', 'live',
                        CASE WHEN k %% 2 = 0 THEN 'message.received' ELSE 'message.sent' END, NULL, NULL,
                        c.created_at + k * interval '20 seconds', c.conversation_id, '{}',
                        floor(extract(epoch FROM c.created_at + k * interval '20 seconds') / 900)::bigint
                    FROM (SELECT g, 'conv_b' || g AS id FROM generate_series(1, %2$d) g) x
                    JOIN analytics_conversations c ON c.conversation_id = x.id
                    CROSS JOIN generate_series(0, 4) k
                    """.formatted(store, conversations));
            s.execute("""
                    INSERT INTO analytics_events (id, workspace_id, mode, type, name, amount, occurred_at,
                        conversation_id, data, slot)
                    SELECT 'evt_' || k || '_' || c.conversation_id, '%1$s', 'live', k,
                        CASE WHEN k = 'turn' THEN c.intent
                             ELSE (ARRAY['knowledge_searched','order_looked_up','refund_processed','return_label_generated'])[1 + length(c.conversation_id) %% 4] END,
                        CASE WHEN k = 'turn' THEN 7 ELSE NULL END,
                        c.created_at + interval '1 second', c.conversation_id, '{"tool":"search_knowledge","status":"executed"}',
                        c.created_slot
                    FROM analytics_conversations c CROSS JOIN (VALUES ('turn'), ('action')) v(k)
                    WHERE c.workspace_id = '%1$s'
                    """.formatted(store));
            s.execute("""
                    INSERT INTO analytics_events (id, workspace_id, mode, type, name, amount, occurred_at,
                        conversation_id, data, slot)
                    SELECT 'evt_gap' || c.conversation_id, '%1$s', 'live', 'knowledge.gap_found',
                        'missing topic ' || (length(c.conversation_id) %% 40), 0.3, c.created_at, c.conversation_id, '{}',
                        c.created_slot
                    FROM analytics_conversations c WHERE c.workspace_id = '%1$s' AND c.turn_millis %% 100 = 10
                    """.formatted(store));
            s.execute("""
                    INSERT INTO analytics_events (id, workspace_id, mode, type, name, amount, occurred_at,
                        session_id, data, slot, step, visitor_id, domain)
                    SELECT 'evt_cl' || g, '%1$s', 'live', 'client',
                        (ARRAY['page_view','product_view','add_to_cart','checkout','purchase'])[1 + (g %% 11) / 3],
                        NULL, timestamptz '%2$s' - (g %% 129600) * interval '1 minute', 'sess_' || (g / 4),
                        '{"page_type":"landing","domain":"shop.example"}',
                        floor(extract(epoch FROM timestamptz '%2$s' - (g %% 129600) * interval '1 minute') / 900)::bigint,
                        CASE WHEN (g %% 11) / 3 = 0 THEN 'landing'
                             ELSE (ARRAY['page_view','product_view','add_to_cart','checkout','purchase'])[1 + (g %% 11) / 3] END,
                        'visitor_' || (g / 12), 'shop.example'
                    FROM generate_series(1, %3$d) g
                    """.formatted(store, now, conversations));
            // Every fact marks its quarter hour for the rollups (V30); the fill marks each quarter hour once.
            s.execute("""
                    INSERT INTO analytics_rollup_marks (workspace_id, mode, slot)
                    SELECT DISTINCT workspace_id, mode, slot FROM analytics_events WHERE workspace_id = '%1$s'
                    UNION SELECT DISTINCT workspace_id, mode, created_slot FROM analytics_conversations
                    WHERE workspace_id = '%1$s'
                    """.formatted(store));
            s.execute("ANALYZE");
        }
    }
}
