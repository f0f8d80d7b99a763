package dev.parley.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code turn}: assistant turns end to end through the real server. Starts the server jar on a loopback port with a
 * fresh data directory, seeds a knowledge base through {@code POST /v1/training/batch} (the Northwind and VoltCart
 * help centers, repeated with variations, embedded on write), then runs {@code POST /v1/conversations} with an
 * initial message (one full turn, stored) at 1, 16 and 64 closed-loop clients, and reads back a sample of the stored
 * turns' per-stage timings. Then it points the workspace at a fake OpenAI-compatible model served by this process
 * on 127.0.0.2, which answers every completion after a fixed delay, and measures what Parley adds around the model.
 * All traffic goes to 127.0.0.0/8; every phase is bounded in time.
 */
final class TurnBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL_HOST = "127.0.0.2";
    /** Stored turns read back per phase for the server-side split. */
    private static final int TIMING_SAMPLE = 300;

    private final HttpClient client;
    private final String base;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> queries;
    private final Duration phase;
    private final Duration warmup;

    private TurnBench(HttpClient client, String base, List<String> queries, Duration phase, Duration warmup) {
        this.client = client;
        this.base = base;
        this.queries = queries;
        this.phase = phase;
        this.warmup = warmup;
    }

    static void run(Map<String, String> options) throws Exception {
        boolean quick = Boolean.parseBoolean(options.getOrDefault("quick", "false"));
        int chunks = Integer.parseInt(options.getOrDefault("chunks", quick ? "2000" : "10000"));
        Duration seedLimit =
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seed-seconds", quick ? "150" : "1500")));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", quick ? "8" : "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", quick ? "6" : "15")));
        int delayMs = Integer.parseInt(options.getOrDefault("model-delay-ms", "200"));

        List<SearchBench.Article> articles = new ArrayList<>();
        for (String file : List.of("northwind/corpus.jsonl", "voltcart/corpus.jsonl")) {
            for (JsonNode n : SearchBench.jsonLines(JSON, file)) {
                articles.add(new SearchBench.Article(
                        n.path("id").asString(),
                        n.path("title").asString(),
                        n.path("text").asString()));
            }
        }
        List<String> queries = new ArrayList<>();
        for (String file :
                List.of("northwind/queries-dev.jsonl", "northwind/queries-test.jsonl", "voltcart/queries.jsonl")) {
            for (JsonNode n : SearchBench.jsonLines(JSON, file)) {
                queries.add(n.path("query").asString());
            }
        }

        FakeModel model = FakeModel.start(delayMs);
        int port = Bench.freePort();
        Path data = Files.createTempDirectory("parley-bench-turn");
        Process server =
                Bench.startServer(options.get("server-jar"), port, data, Map.of("PARLEY_FETCH_ALLOW", MODEL_HOST));
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Bench.progress("Starting the server (data in %s)...", data);
            Bench.awaitHealthy(client, base, server);
            Bench.storeId(client, base);
            TurnBench bench = new TurnBench(client, base, queries, phase, warmup);
            bench.figures.put("benchmark", "turn");
            bench.figures.put("date", LocalDate.now().toString());
            bench.figures.put("quick", quick);
            bench.figures.put("cores", Runtime.getRuntime().availableProcessors());
            bench.figures.put("java", Runtime.version().toString());
            bench.figures.put("phase_seconds", phase.toSeconds());
            bench.figures.put("warmup_seconds", warmup.toSeconds());
            bench.figures.put("queries", queries.size());
            bench.seed(articles, chunks, seedLimit);
            bench.offline();
            bench.withModel(model, delayMs);
            System.out.println(JSON.writeValueAsString(bench.figures));
        } finally {
            server.destroy();
            server.waitFor();
            model.close();
            SearchBench.deleteTree(data);
        }
    }

    /** Training items until the index holds {@code target} chunks, or the time is up. */
    private void seed(List<SearchBench.Article> articles, int target, Duration limit) throws Exception {
        Bench.progress(
                "Seeding about %d chunks through /v1/training/batch (at most %d s)...", target, limit.toSeconds());
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        int chunks = 0;
        int items = 0;
        int next = 0;
        while (chunks < target && System.nanoTime() < deadline) {
            // About 5.5 chunks per article: small batches keep progress visible and the overshoot small.
            int size = Math.max(1, Math.min(50, (target - chunks) / 5 + 1));
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < size; i++, next++) {
                SearchBench.Article article =
                        SearchBench.variant(articles.get(next % articles.size()), next / articles.size());
                batch.add(Map.of(
                        "type",
                        "guide",
                        "title",
                        article.title(),
                        "content",
                        article.text(),
                        "metadata",
                        Map.of("category", "help", "tags", List.of(article.id()))));
            }
            HttpResponse<String> response =
                    send(post("/v1/training/batch", Map.of("items", batch)).timeout(Duration.ofMinutes(10)));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Seeding failed: " + response.statusCode() + " " + response.body());
            }
            for (JsonNode item : JSON.readTree(response.body()).path("items")) {
                chunks += item.path("chunk_count").asInt();
                items++;
            }
            Bench.progress("  %d items, %d chunks, %.0f s", items, chunks, Bench.seconds(started));
        }
        double took = Bench.seconds(started);
        figures.put("kb_items", items);
        figures.put("kb_chunks", chunks);
        figures.put("seed_seconds", Bench.round(took));
        figures.put("seed_chunks_per_s", Bench.round(chunks / took));
        if (chunks < target) {
            Bench.progress("Seeding stopped at %d of %d chunks: the time limit was reached", chunks, target);
        }
    }

    private void offline() throws Exception {
        Bench.progress("Offline turns: warm-up %d s at 16 clients...", warmup.toSeconds());
        turns("warmup", 16, warmup, false);
        for (int clients : List.of(1, 16, 64)) {
            Phase result = turns("offline", clients, phase, false);
            String prefix = "offline_c" + clients + "_";
            put(prefix, result, 0);
            timings(prefix, result.conversations());
        }
        // Shoppers repeat themselves and query embeddings are cached, so the phases above mostly hit that cache
        // after warm-up; this one makes every message new, so every turn embeds its query.
        Phase uncached = turns("offline uncached", 16, phase, true);
        put("offline_uncached_c16_", uncached, 0);
        timings("offline_uncached_c16_", uncached.conversations());
    }

    private void withModel(FakeModel model, int delayMs) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/assistant/model"))
                .header("Authorization", "Bearer " + Bench.KEY)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "provider",
                        "openai_compatible",
                        "base_url",
                        "http://" + MODEL_HOST + ":" + model.port() + "/v1",
                        "model",
                        "bench-fixed-delay",
                        "timeout_seconds",
                        10)))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "PUT /v1/assistant/model: " + response.statusCode() + " " + response.body());
        }
        figures.put("model_delay_ms", delayMs);
        Bench.progress("Turns with a model answering after %d ms: warm-up %d s...", delayMs, warmup.toSeconds());
        turns("warmup", 16, warmup, false);
        for (int clients : List.of(1, 16)) {
            long callsBefore = model.calls.sum();
            Phase result = turns("model", clients, phase, false);
            String prefix = "model_c" + clients + "_";
            put(prefix, result, delayMs);
            figures.put(
                    prefix + "model_calls_per_turn",
                    Bench.round((model.calls.sum() - callsBefore)
                            / (double) Math.max(1, result.load().requests())));
            timings(prefix, result.conversations());
        }
    }

    private record Phase(LoadRun.Result load, List<String> conversations, long escalated) {}

    private Phase turns(String name, int clients, Duration duration, boolean uncached) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<String> conversations = Collections.synchronizedList(new ArrayList<>());
        LongAdder escalated = new LongAdder();
        LoadRun.Result load = LoadRun.run(
                name,
                worker -> {
                    int n = next.getAndIncrement();
                    String message = queries.get(n % queries.size());
                    if (uncached) {
                        message = message + " (asked " + n + " times)";
                    }
                    Map<String, Object> body = Map.of(
                            "customer_email", "shopper" + worker + "@example.com",
                            "customer_name", "Shopper " + worker,
                            "initial_message", message);
                    HttpResponse<String> response = send(post("/v1/conversations", body));
                    if (response.statusCode() != 200) {
                        return false;
                    }
                    JsonNode created = JSON.readTree(response.body());
                    conversations.add(created.path("conversation_id").asString());
                    if (created.path("escalated").asBoolean()) {
                        escalated.increment();
                    }
                    return true;
                },
                clients,
                duration);
        Bench.progress(
                "%-18s %3d clients %8.1f turns/s  p50 %7.2f ms  p99 %7.2f ms  failures %d  escalated %d",
                name,
                clients,
                load.throughput(),
                load.percentileMs(50),
                load.percentileMs(99),
                load.failures(),
                escalated.sum());
        return new Phase(load, conversations, escalated.sum());
    }

    private void put(String prefix, Phase result, int delayMs) {
        LoadRun.Result load = result.load();
        figures.put(prefix + "turns", load.requests());
        figures.put(prefix + "turns_per_s", Bench.round(load.throughput()));
        figures.put(prefix + "p50_ms", Bench.round(load.percentileMs(50)));
        figures.put(prefix + "p99_ms", Bench.round(load.percentileMs(99)));
        if (delayMs > 0) {
            figures.put(prefix + "overhead_p50_ms", Bench.round(load.percentileMs(50) - delayMs));
            figures.put(prefix + "overhead_p99_ms", Bench.round(load.percentileMs(99) - delayMs));
        }
        figures.put(prefix + "failures", load.failures());
        figures.put(
                prefix + "escalated_share", Bench.round(result.escalated() / (double) Math.max(1, load.requests())));
    }

    /** The stored per-stage timings of a sample of the phase's turns, as {@code GET /v1/conversations/{id}} shows. */
    private void timings(String prefix, List<String> conversations) throws Exception {
        List<String> all;
        synchronized (conversations) {
            all = List.copyOf(conversations);
        }
        List<String> sample = new ArrayList<>();
        int step = Math.max(1, all.size() / TIMING_SAMPLE);
        for (int i = 0; i < all.size() && sample.size() < TIMING_SAMPLE; i += step) {
            sample.add(all.get(i));
        }
        Map<String, List<Double>> stages = new TreeMap<>();
        Map<String, Integer> models = new TreeMap<>();
        List<Future<JsonNode>> reads = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (String id : sample) {
                reads.add(executor.submit(() -> {
                    HttpResponse<String> response = send(
                            HttpRequest.newBuilder(URI.create(base + "/v1/conversations/" + id + "?message_limit=5"))
                                    .header("Authorization", "Bearer " + Bench.KEY)
                                    .timeout(Duration.ofSeconds(10)));
                    return JSON.readTree(response.body());
                }));
            }
            for (Future<JsonNode> read : reads) {
                for (JsonNode message : read.get().path("messages")) {
                    if (!message.path("role").asString().equals("assistant")) {
                        continue;
                    }
                    JsonNode analysis = message.path("analysis");
                    models.merge(analysis.path("model").asString(), 1, Integer::sum);
                    for (Map.Entry<String, JsonNode> stage :
                            analysis.path("timings").properties()) {
                        stages.computeIfAbsent(stage.getKey(), k -> new ArrayList<>())
                                .add(stage.getValue().asDouble());
                    }
                }
            }
        }
        Map<String, Object> split = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        for (String stage : List.of("understand", "decide", "retrieve", "model", "act", "answer", "total")) {
            List<Double> values = stages.get(stage);
            if (values == null || values.isEmpty()) {
                continue;
            }
            Collections.sort(values);
            double p50 = percentile(values, 50);
            double p99 = percentile(values, 99);
            split.put(stage, Map.of("p50_ms", Bench.round(p50), "p99_ms", Bench.round(p99)));
            line.append(String.format(Locale.ROOT, " %s %.2f/%.2f", stage, p50, p99));
        }
        figures.put(prefix + "server_ms", split);
        figures.put(prefix + "server_sample", sample.size());
        figures.put(prefix + "answered_by", models);
        Bench.progress("  server-side p50/p99 ms (%d turns):%s; answered by %s", sample.size(), line, models);
    }

    private HttpRequest.Builder post(String path, Object body) throws Exception {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + Bench.KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /**
     * An OpenAI-compatible chat completions endpoint on 127.0.0.2 that answers every request with the same short
     * reply after a fixed delay, as a model that takes that long would; a streamed request gets the reply as one
     * server-sent chunk.
     */
    static final class FakeModel implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService executor;
        final LongAdder calls = new LongAdder();

        private FakeModel(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
        }

        static FakeModel start(int delayMs) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(MODEL_HOST), 0), 256);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FakeModel model = new FakeModel(server, executor);
            server.setExecutor(executor);
            server.createContext("/", exchange -> model.answer(exchange, delayMs));
            server.start();
            return model;
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange, int delayMs) throws IOException {
            try (exchange) {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                calls.increment();
                Thread.sleep(delayMs);
                String reply = "You can follow your order from Account > Orders; each package has its own tracking"
                        + " link, and the confirmation email has the tracking number too.";
                Map<String, Object> usage = Map.of("prompt_tokens", 400, "completion_tokens", 40, "total_tokens", 440);
                boolean stream = JSON.readTree(request).path("stream").asBoolean(false);
                byte[] body;
                if (stream) {
                    String chunk = JSON.writeValueAsString(completion("chat.completion.chunk", "delta", reply, usage));
                    body = ("data: " + chunk + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                } else {
                    body = JSON.writeValueAsBytes(completion("chat.completion", "message", reply, usage));
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientWentAway) {
                // the server timed out and closed the connection
            }
        }

        private static Map<String, Object> completion(
                String object, String field, String reply, Map<String, Object> usage) {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("index", 0);
            choice.put(field, Map.of("role", "assistant", "content", reply));
            choice.put("finish_reason", "stop");
            Map<String, Object> completion = new LinkedHashMap<>();
            completion.put("id", "chatcmpl-bench");
            completion.put("object", object);
            completion.put("created", 1_700_000_000);
            completion.put("model", "bench-fixed-delay");
            completion.put("choices", List.of(choice));
            completion.put("usage", usage);
            return completion;
        }

        @Override
        public void close() {
            server.stop(0);
            executor.close();
        }
    }
}
