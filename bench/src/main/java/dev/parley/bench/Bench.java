package dev.parley.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parley's benchmarks. {@code edge}: starts the server jar on a loopback port with rate limits off, then measures,
 * in one run and alternating rounds, the bare {@code GET /health} against an authenticated read
 * ({@code GET /v1/stores/{id}}), and prints the ratio. All traffic goes to 127.0.0.1 and every phase is bounded in
 * time. {@code search}: knowledge indexing and search in process, see {@link SearchBench}.
 */
public final class Bench {

    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("quick", "keep");

    static final String KEY = "sk_live_BenchAdminKey0000000000000000000";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        switch (options.getOrDefault("scenario", "edge")) {
            case "edge" -> edge(options);
            case "search" -> SearchBench.run(options);
            case "turn" -> TurnBench.run(options);
            case "crawl" -> CrawlBench.run(options);
            case "sockets" -> SocketBench.run(options);
            case "analytics" -> AnalyticsBench.run(options);
            case "webhooks" -> WebhookBench.run(options);
            case "voice" -> VoiceBench.run(options);
            case "embeddings" -> EmbeddingComparison.run(options);
            default -> {
                System.err.println("Unknown benchmark '" + options.get("scenario")
                        + "'. Available: edge, search, turn, crawl, webhooks, analytics, voice, sockets, embeddings");
                System.exit(2);
            }
        }
    }

    private static void edge(Map<String, String> options) throws Exception {
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int port = freePort();
        Path data = Files.createTempDirectory("parley-bench");
        Process server = startServer(options.get("server-jar"), port, data, Map.of());
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            awaitHealthy(client, base, server);
            String storeId = storeId(client, base);
            HttpRequest health =
                    HttpRequest.newBuilder(URI.create(base + "/health")).GET().build();
            HttpRequest read = HttpRequest.newBuilder(URI.create(base + "/v1/stores/" + storeId))
                    .header("Authorization", "Bearer " + KEY)
                    .GET()
                    .build();

            System.err.printf("Warming up (%d s each)...%n", phase.toSeconds());
            LoadRun.run("warmup", client, () -> health, concurrency, phase, 200);
            LoadRun.run("warmup", client, () -> read, concurrency, phase, 200);

            List<LoadRun.Result> bare = new ArrayList<>();
            List<LoadRun.Result> auth = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                boolean bareFirst = round % 2 == 0;
                for (int i = 0; i < 2; i++) {
                    boolean runBare = (i == 0) == bareFirst;
                    LoadRun.Result result = runBare
                            ? LoadRun.run("GET /health", client, () -> health, concurrency, phase, 200)
                            : LoadRun.run("GET /v1/stores/{id}", client, () -> read, concurrency, phase, 200);
                    (runBare ? bare : auth).add(result);
                    System.err.printf(
                            Locale.ROOT,
                            "round %d %-22s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  failures %d%n",
                            round + 1,
                            result.name(),
                            result.throughput(),
                            result.percentileMs(50),
                            result.percentileMs(99),
                            result.failures());
                }
            }
            LoadRun.Result bareMedian = median(bare);
            LoadRun.Result authMedian = median(auth);
            double ratio = authMedian.throughput() / bareMedian.throughput();
            System.out.printf(
                    Locale.ROOT,
                    "{\"benchmark\":\"edge\",\"concurrency\":%d,\"phase_seconds\":%d,\"rounds\":%d,"
                            + "\"bare_health_rps\":%.0f,\"bare_health_p50_ms\":%.2f,\"bare_health_p99_ms\":%.2f,"
                            + "\"auth_read_rps\":%.0f,\"auth_read_p50_ms\":%.2f,\"auth_read_p99_ms\":%.2f,"
                            + "\"auth_to_bare_ratio\":%.2f,\"failures\":%d}%n",
                    concurrency,
                    phase.toSeconds(),
                    rounds,
                    bareMedian.throughput(),
                    bareMedian.percentileMs(50),
                    bareMedian.percentileMs(99),
                    authMedian.throughput(),
                    authMedian.percentileMs(50),
                    authMedian.percentileMs(99),
                    ratio,
                    bare.stream().mapToLong(LoadRun.Result::failures).sum()
                            + auth.stream().mapToLong(LoadRun.Result::failures).sum());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static LoadRun.Result median(List<LoadRun.Result> results) {
        List<LoadRun.Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(LoadRun.Result::throughput));
        return sorted.get(sorted.size() / 2);
    }

    /** The server jar on a loopback port with a fresh data directory, rate limits off and the bench's admin key. */
    static Process startServer(String jar, int port, Path data, Map<String, String> environment) throws IOException {
        return startServer(jar, port, data, environment, List.of());
    }

    /** The same, with more JVM options for the server (e.g. JMX for a benchmark that reads its heap). */
    static Process startServer(String jar, int port, Path data, Map<String, String> environment, List<String> jvm)
            throws IOException {
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalArgumentException("--server-jar must name the built server jar (./parley bench does)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx1g"));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("PARLEY_DATA_DIR", data.toString());
        builder.environment().put("PARLEY_RATE_LIMITS_ENABLED", "false");
        builder.environment().put("PARLEY_BOOTSTRAP_ADMIN_KEY", KEY);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(data.resolve("server.log").toFile());
        return builder.start();
    }

    static void awaitHealthy(HttpClient client, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server stopped while starting");
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The server did not become healthy in 240 s");
    }

    /** The bootstrap store's id. The admin key is created once the application is ready, which can follow health. */
    static String storeId(HttpClient client, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/stores"))
                            .header("Authorization", "Bearer " + KEY)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"id\":\"(store_[A-Za-z0-9]+)\"").matcher(response.body());
            if (id.find()) {
                return id.group(1);
            }
            if (response.statusCode() != 401 || System.nanoTime() > deadline) {
                throw new IllegalStateException("No store in " + response.body());
            }
            Thread.sleep(250);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (FLAGS.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                }
            } else {
                positional.add(args[i]);
            }
        }
        if (!positional.isEmpty()) {
            options.put("scenario", positional.getFirst());
        }
        return options;
    }

    /** Seconds since {@code startedNanos}, from {@link System#nanoTime()}. */
    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Two decimals, for the JSON line. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A line of progress on stderr; stdout is kept for the result. */
    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
