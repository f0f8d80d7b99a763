package dev.parley.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code webhooks}: the server jar with a subscription to {@code conversation.created} pointing at a receiver on
 * 127.0.0.1 (the bench's own JDK HTTP server, answering 200 at once). Every {@code POST /v1/sessions} opens a
 * conversation, so it causes one event. Two phases, each bounded in time:
 *
 * <ol>
 *   <li><b>Paced</b>: a few events per second, one at a time: the latency a single event adds, from the start of the
 *       API call that caused it to the receiver getting it (p50, p99).
 *   <li><b>Burst</b>: {@code --concurrency} clients open sessions as fast as they can for {@code --seconds}; then the
 *       bench waits (bounded) until the receiver has them all: delivered events per second from the first call to
 *       the last delivery, and the latency of each event under that load.
 * </ol>
 */
final class WebhookBench {

    private static final Pattern CONVERSATION = Pattern.compile("\"conversation_id\":\"(conv_[A-Za-z0-9]+)\"");

    private WebhookBench() {}

    static void run(Map<String, String> options) throws Exception {
        boolean quick = Boolean.parseBoolean(options.getOrDefault("quick", "false"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        Duration burst = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", quick ? "5" : "15")));
        int paced = Integer.parseInt(options.getOrDefault("paced-events", quick ? "40" : "120"));

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher id = CONVERSATION.matcher(body);
            if (id.find() && receivedAt.putIfAbsent(id.group(1), now) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();

        int port = Bench.freePort();
        Path data = Files.createTempDirectory("parley-bench-webhooks");
        Process server =
                Bench.startServer(options.get("server-jar"), port, data, Map.of("PARLEY_FETCH_ALLOW", "127.0.0.1"));
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Bench.awaitHealthy(client, base, server);
            Bench.storeId(client, base);
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            HttpResponse<String> subscribed = client.send(
                    post(base + "/v1/webhooks", "{\"url\":\"" + hook + "\",\"events\":[\"conversation.created\"]}"),
                    HttpResponse.BodyHandlers.ofString());
            if (subscribed.statusCode() != 201) {
                throw new IllegalStateException("Subscribing failed: " + subscribed.body());
            }
            HttpRequest open = post(base + "/v1/sessions", "{}");

            System.err.println("Warming up...");
            List<String> warm = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                warm.add(openSession(client, open, sentAt));
            }
            await(receivedAt, warm, Duration.ofSeconds(30));

            System.err.printf("Paced: %d events, one every 100 ms...%n", paced);
            List<String> pacedIds = new ArrayList<>();
            for (int i = 0; i < paced; i++) {
                pacedIds.add(openSession(client, open, sentAt));
                Thread.sleep(100);
            }
            int pacedDelivered = await(receivedAt, pacedIds, Duration.ofSeconds(60));
            long[] pacedLatency = latencies(pacedIds, sentAt, receivedAt);

            System.err.printf("Burst: %d clients for %d s...%n", concurrency, burst.toSeconds());
            List<String> burstIds = java.util.Collections.synchronizedList(new ArrayList<>());
            long firstCall = System.nanoTime();
            LoadRun.Result calls = LoadRun.run(
                    "POST /v1/sessions",
                    worker -> {
                        burstIds.add(openSession(client, open, sentAt));
                        return true;
                    },
                    concurrency,
                    burst);
            int burstDelivered = await(receivedAt, burstIds, Duration.ofSeconds(quick ? 120 : 300));
            long lastDelivery = burstIds.stream()
                    .map(receivedAt::get)
                    .filter(java.util.Objects::nonNull)
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(firstCall);
            double deliveredPerSecond = burstDelivered / ((lastDelivery - firstCall) / 1e9);
            long[] burstLatency = latencies(burstIds, sentAt, receivedAt);

            System.out.printf(
                    Locale.ROOT,
                    "{\"benchmark\":\"webhooks\",\"quick\":%b,\"paced_events\":%d,\"paced_delivered\":%d,"
                            + "\"paced_latency_p50_ms\":%.1f,\"paced_latency_p99_ms\":%.1f,"
                            + "\"burst_concurrency\":%d,\"burst_seconds\":%d,\"burst_api_rps\":%.0f,"
                            + "\"burst_events\":%d,\"burst_delivered\":%d,\"delivered_per_second\":%.1f,"
                            + "\"burst_latency_p50_ms\":%.1f,\"burst_latency_p99_ms\":%.1f,\"duplicates\":%d}%n",
                    quick,
                    paced,
                    pacedDelivered,
                    percentileMs(pacedLatency, 50),
                    percentileMs(pacedLatency, 99),
                    concurrency,
                    burst.toSeconds(),
                    calls.throughput(),
                    burstIds.size(),
                    burstDelivered,
                    deliveredPerSecond,
                    percentileMs(burstLatency, 50),
                    percentileMs(burstLatency, 99),
                    duplicates.get());
        } finally {
            server.destroy();
            server.waitFor();
            receiver.stop(0);
        }
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + Bench.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /** Opens a session (one conversation.created) and notes when the call started. */
    private static String openSession(HttpClient client, HttpRequest open, Map<String, Long> sentAt) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(open, HttpResponse.BodyHandlers.ofString());
        Matcher id = CONVERSATION.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Opening a session failed: " + response.body());
        }
        sentAt.put(id.group(1), started);
        return id.group(1);
    }

    /** Waits, at most {@code limit}, until every id was received; returns how many were. */
    private static int await(Map<String, Long> receivedAt, List<String> ids, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> copy = List.copyOf(ids);
        while (System.nanoTime() < deadline && copy.stream().anyMatch(id -> !receivedAt.containsKey(id))) {
            Thread.sleep(50);
        }
        return (int) copy.stream().filter(receivedAt::containsKey).count();
    }

    private static long[] latencies(List<String> ids, Map<String, Long> sentAt, Map<String, Long> receivedAt) {
        long[] latencies = List.copyOf(ids).stream()
                .filter(receivedAt::containsKey)
                .mapToLong(id -> receivedAt.get(id) - sentAt.get(id))
                .toArray();
        Arrays.sort(latencies);
        return latencies;
    }

    private static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }
}
