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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private final WarmUp warmup;
    private final String endpoint;
    private final long serverPid;
    private final Path jfr;
    /** What {@code JFR.start} is given besides the recording's name ({@code --jfr-settings}). */
    private final List<String> jfrSettings;
    /** The turns' own client: lean, since it shares the cores with the server (see {@link KeepAliveClient}). */
    private final KeepAliveClient turns;
    /** How many new messages have been asked: each one's text is new. */
    private final AtomicInteger asked = new AtomicInteger();

    private TurnBench(
            HttpClient client,
            String base,
            List<String> queries,
            Duration phase,
            WarmUp warmup,
            String endpoint,
            long serverPid,
            Path jfr,
            List<String> jfrSettings) {
        this.client = client;
        this.base = base;
        this.queries = queries;
        this.phase = phase;
        this.warmup = warmup;
        this.endpoint = endpoint;
        this.serverPid = serverPid;
        this.jfr = jfr;
        this.jfrSettings = jfrSettings;
        URI server = URI.create(base);
        this.turns = new KeepAliveClient(server.getHost(), server.getPort(), "Bearer " + Bench.KEY, 30_000);
    }

    static void run(Map<String, String> options) throws Exception {
        boolean quick = Boolean.parseBoolean(options.getOrDefault("quick", "false"));
        int chunks = Integer.parseInt(options.getOrDefault("chunks", quick ? "2000" : "10000"));
        Duration seedLimit =
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seed-seconds", quick ? "150" : "1500")));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", quick ? "8" : "20")));
        WarmUp warmup = new WarmUp(
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", quick ? "6" : "15"))),
                Integer.parseInt(options.getOrDefault("warmup-rounds", quick ? "8" : "20")),
                Double.parseDouble(options.getOrDefault("warm-share", "0.05")));
        int delayMs = Integer.parseInt(options.getOrDefault("model-delay-ms", "200"));
        List<Integer> clients = Arrays.stream(
                        options.getOrDefault("clients", "64").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        double rate = Double.parseDouble(options.getOrDefault("rate", "100"));
        Set<String> phases = new LinkedHashSet<>(Arrays.asList(
                options.getOrDefault("phases", "cached,new,open,model").split(",")));
        String endpoint = options.getOrDefault("endpoint", "chat");
        if (!List.of("chat", "conversations").contains(endpoint)) {
            throw new IllegalArgumentException("--endpoint is chat (POST /v1/chat) or conversations");
        }
        Path jfr = options.containsKey("jfr") ? Path.of(options.get("jfr")).toAbsolutePath() : null;
        // e.g. "settings=profile method-profiling=max" for a sample of every thread each millisecond
        List<String> jfrSettings = Arrays.asList(
                options.getOrDefault("jfr-settings", "settings=profile").strip().split("\\s+"));

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
        // --data keeps the database and the index between runs: a 10,000-chunk knowledge base is seeded once.
        boolean kept = options.containsKey("data");
        Path data = kept
                ? Files.createDirectories(Path.of(options.get("data")).toAbsolutePath())
                : Files.createTempDirectory("parley-bench-turn");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PARLEY_FETCH_ALLOW", MODEL_HOST);
        if (options.containsKey("max-turns")) {
            environment.put("PARLEY_MAX_TURNS_IN_FLIGHT", options.get("max-turns"));
        }
        List<String> jvm = new ArrayList<>();
        if (options.containsKey("server-jvm")) {
            jvm.addAll(Arrays.asList(options.get("server-jvm").split(" ")));
        }
        Process server = Bench.startServer(options.get("server-jar"), port, data, environment, jvm);
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Bench.progress("Starting the server (data in %s)...", data);
            Bench.awaitHealthy(client, base, server);
            Bench.storeId(client, base);
            TurnBench bench =
                    new TurnBench(client, base, queries, phase, warmup, endpoint, server.pid(), jfr, jfrSettings);
            bench.figures.put("benchmark", "turn");
            bench.figures.put("date", LocalDate.now().toString());
            bench.figures.put("quick", quick);
            bench.figures.put("cores", Runtime.getRuntime().availableProcessors());
            bench.figures.put("java", Runtime.version().toString());
            bench.figures.put("endpoint", endpoint.equals("chat") ? "POST /v1/chat" : "POST /v1/conversations");
            bench.figures.put("phase_seconds", phase.toSeconds());
            bench.figures.put("warmup_seconds", warmup.round().toSeconds());
            bench.figures.put("warmup_max_rounds", warmup.maxRounds());
            bench.figures.put("warm_compiler_share", warmup.compilerShare());
            bench.figures.put("queries", queries.size());
            bench.figures.put("load_at_start", loadAverage());
            bench.seedOnce(data, kept, articles, chunks, seedLimit);
            bench.offline(phases, clients, rate);
            if (phases.contains("model")) {
                bench.withModel(model, delayMs);
            }
            bench.figures.put("load_at_end", loadAverage());
            System.out.println(JSON.writeValueAsString(bench.figures));
        } finally {
            server.destroy();
            server.waitFor();
            model.close();
            if (!kept) {
                SearchBench.deleteTree(data);
            }
        }
    }

    /**
     * CPU seconds the server process has used (user and system, from {@code /proc/<pid>/stat}), or NaN where that
     * file does not exist. Divided by the turns of a phase, it is what a turn costs whatever else the machine runs:
     * the figure to compare on a shared machine, where latencies mostly measure the neighbours.
     */
    private double serverCpuSeconds() {
        return cpuSeconds(serverPid);
    }

    /** CPU seconds a process has used, user and system, from {@code /proc}; NaN where there is none. */
    static double cpuSeconds(long pid) {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException unknown) {
            return Double.NaN;
        }
    }

    /** The user and system CPU seconds a {@code /proc} {@code stat} line gives, of a process or of one thread. */
    private static double cpuSecondsOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the file, 12 and 13 after the command name.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /**
     * How the server is warmed before the measured phases: rounds of {@code round}, until the JIT compiler's threads
     * use less than {@code compilerShare} of the server's CPU in one, at most {@code maxRounds}
     * ({@code --warmup}, {@code --warmup-rounds}, {@code --warm-share}).
     */
    record WarmUp(Duration round, int maxRounds, double compilerShare) {}

    /**
     * Warm-up rounds until the compiler is done (see {@link WarmUp}): a phase measured while the compiler still works
     * measures the compiler too, which a server that has run for a while no longer pays, and on two shared cores it
     * takes minutes. The compiler's share of each round is in {@link #figures}.
     */
    private void warmUp(String name, int clients, boolean fresh) throws Exception {
        List<Double> shares = new ArrayList<>();
        List<String> previous = List.of();
        for (int round = 0; round < warmup.maxRounds(); round++) {
            // Each measured phase is followed by reading its conversations back (the server-side split), so the
            // warm-up reads too, before a round, which then counts what the reads cost the compiler. Session 11: the
            // first read of a message loaded a class that threw away a hundred compiled methods of the knowledge
            // search, and the measured phase after it compiled them again.
            readBack(previous);
            Phase result = turns(name, clients, warmup.round(), fresh);
            previous = result.conversations();
            Map<String, Double> threads = result.cpuSecondsByThread();
            double compiler = threads.entrySet().stream()
                    .filter(e -> e.getKey().contains("CompilerThre"))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            double all =
                    threads.values().stream().mapToDouble(Double::doubleValue).sum();
            double share = compiler / Math.max(1e-9, all);
            shares.add(Bench.round(share));
            if (share < warmup.compilerShare()) {
                break;
            }
        }
        figures.put(name + "_compiler_share_by_round", shares);
    }

    /**
     * CPU seconds by thread group of a process, from {@code /proc/PID/task}: the digits of thread names dropped, so
     * the request carriers ({@code ForkJoinPool-N-worker-N}), the embedding threads, GC and JIT each sum to one line.
     * Threads that ended between two readings are missing from the second.
     */
    static Map<String, Double> threadCpuSeconds(long pid) {
        Map<String, Double> groups = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    groups.merge(name.replaceAll("\\d+", "N"), cpuSecondsOf(stat), Double::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Map.of();
        }
        return groups;
    }

    /** The CPU seconds each thread group used since {@code before}. */
    private Map<String, Double> sinceThen(Map<String, Double> before) {
        Map<String, Double> used = new TreeMap<>();
        threadCpuSeconds(serverPid)
                .forEach((group, seconds) -> used.put(group, seconds - before.getOrDefault(group, 0.0)));
        return used;
    }

    /** The groups that used the most CPU, in ms per turn, largest first. */
    private static String byThread(Map<String, Double> cpuSeconds, long turns) {
        return cpuSeconds.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() * 1000 / Math.max(1, turns)))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them: a figure means little without them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    /** Seeds the knowledge base, unless a kept data directory already holds one (its figures are reused). */
    private void seedOnce(Path data, boolean kept, List<SearchBench.Article> articles, int target, Duration limit)
            throws Exception {
        Path marker = data.resolve("bench-seed.json");
        if (kept && Files.isRegularFile(marker)) {
            JsonNode seeded = JSON.readTree(Files.readString(marker));
            if (seeded.path("kb_chunks").asInt() >= target
                    || seeded.path("target").asInt() == target) {
                Bench.progress(
                        "Reusing the knowledge base in %s: %d chunks",
                        data, seeded.path("kb_chunks").asInt());
                for (String key : List.of("kb_items", "kb_chunks", "seed_seconds", "seed_chunks_per_s")) {
                    figures.put(key, JSON.treeToValue(seeded.path(key), Object.class));
                }
                figures.put("kb_reused", true);
                return;
            }
            throw new IllegalStateException(data + " holds a knowledge base seeded for " + seeded.path("target")
                    + " chunks, not " + target + ": use another --data directory");
        }
        seed(articles, target, limit);
        figures.put("kb_reused", false);
        if (kept) {
            Map<String, Object> seeded = new LinkedHashMap<>();
            seeded.put("target", target);
            for (String key : List.of("kb_items", "kb_chunks", "seed_seconds", "seed_chunks_per_s")) {
                seeded.put(key, figures.get(key));
            }
            Files.writeString(marker, JSON.writeValueAsString(seeded));
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

    private void offline(Set<String> phases, List<Integer> clients, double rate) throws Exception {
        primeEveryQuery();
        // At the most clients measured: more turns than places take the paths of waiting and of refusal (503), which
        // 16 clients never reach, and the compiler would meet them first in a measured phase.
        int most = clients.stream().mapToInt(Integer::intValue).max().orElse(16);
        Bench.progress(
                "Offline turns: warm-up rounds of %d s at %d clients...",
                warmup.round().toSeconds(), most);
        warmUp("warmup", most, false);
        if (phases.contains("new") || phases.contains("open")) {
            // New messages take paths that repeated ones never reach (an inference, a search of the index): without
            // their own warm-up the compiler spends a third of the server's CPU on them during the measured phase.
            Bench.progress(
                    "New messages: warm-up rounds of %d s at %d clients...",
                    warmup.round().toSeconds(), most);
            warmUp("warmup_new", most, true);
        }
        for (int c : clients) {
            if (phases.contains("cached")) {
                // Shoppers repeat themselves and query embeddings are cached: after warm-up these turns hit that
                // cache.
                profiled("cached_c" + c, () -> {
                    Phase result = turns("cached", c, phase, false);
                    put("offline_c" + c + "_", result, 0);
                    timings("offline_c" + c + "_", result.conversations());
                });
            }
            if (phases.contains("new")) {
                // A counter in every message: every turn embeds its message afresh.
                profiled("new_c" + c, () -> {
                    Phase result = turns("new", c, phase, true);
                    put("offline_uncached_c" + c + "_", result, 0);
                    timings("offline_uncached_c" + c + "_", result.conversations());
                });
            }
        }
        if (phases.contains("open")) {
            profiled("open_" + Math.round(rate), () -> open(rate, true));
        }
        if (phases.contains("open-cached")) {
            profiled("open_cached_" + Math.round(rate), () -> open(rate, false));
        }
    }

    /**
     * Every shopper query once, 16 at a time, so the {@code cached} phase finds all of them embedded: a time-bounded
     * warm-up on a slow or busy machine covers only some.
     */
    private void primeEveryQuery() throws Exception {
        Bench.progress("Asking each of the %d queries once...", queries.size());
        try (ExecutorService executor = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                int n = i;
                sent.add(executor.submit(() -> {
                    try {
                        return turn(n % 64, message(n, false)).status();
                    } catch (java.io.IOException timedOut) {
                        return 0;
                    }
                }));
            }
            for (Future<Integer> status : sent) {
                status.get();
            }
        }
    }

    /**
     * New messages at a fixed arrival rate, open loop: each request's latency runs from when it was due, so a stall
     * counts in full for every request that arrived during it.
     */
    private void open(double rate, boolean fresh) throws Exception {
        AtomicInteger counter = new AtomicInteger(1_000_000);
        List<String> conversations = Collections.synchronizedList(new ArrayList<>());
        String name = fresh ? "open" : "open_cached";
        double cpuBefore = serverCpuSeconds();
        OpenLoad.Result result = OpenLoad.run(
                name,
                n -> {
                    int i = counter.getAndIncrement();
                    KeepAliveClient.Response response = turn(n % 64, message(i, fresh));
                    if (response.status() == 200) {
                        conversations.add(conversationId(JSON.readTree(response.body())));
                    }
                    return response.status();
                },
                rate,
                phase);
        double cpuMsPerTurn = (serverCpuSeconds() - cpuBefore) * 1000 / Math.max(1, result.ok());
        String prefix = name + "_" + Math.round(rate) + "_";
        figures.put(prefix + "rate_per_s", rate);
        figures.put(prefix + "requests", result.requests());
        figures.put(prefix + "ok", result.ok());
        figures.put(prefix + "answered_per_s", Bench.round(result.achievedRate()));
        figures.put(prefix + "p50_ms", Bench.round(result.percentileMs(50)));
        figures.put(prefix + "p90_ms", Bench.round(result.percentileMs(90)));
        figures.put(prefix + "p99_ms", Bench.round(result.percentileMs(99)));
        figures.put(prefix + "max_ms", Bench.round(result.maxMs()));
        figures.put(prefix + "over_2s", result.over(Duration.ofSeconds(2)));
        figures.put(prefix + "status_503", result.unavailable());
        figures.put(prefix + "failures", result.failures());
        figures.put(prefix + "generator_max_lag_ms", Bench.round(result.maxLagNanos() / 1e6));
        figures.put(prefix + "server_cpu_ms_per_turn", Bench.round(cpuMsPerTurn));
        figures.put(prefix + "load", loadAverage());
        Bench.progress(
                "%-18s %6.0f/s offered %8.1f answered/s  p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms"
                        + "  >2s %d  503 %d  failures %d  server CPU %.2f ms/turn  (load %s)",
                name,
                rate,
                result.achievedRate(),
                result.percentileMs(50),
                result.percentileMs(90),
                result.percentileMs(99),
                result.maxMs(),
                result.over(Duration.ofSeconds(2)),
                result.unavailable(),
                result.failures(),
                cpuMsPerTurn,
                loadAverage());
        timings(prefix, conversations);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Runs a phase, under a JFR recording of the server ({@code --jfr DIR}) when asked: one file per phase. */
    private void profiled(String phaseName, Step step) throws Exception {
        if (jfr == null) {
            step.run();
            return;
        }
        Files.createDirectories(jfr);
        List<String> start = new ArrayList<>(List.of("JFR.start", "name=" + phaseName));
        start.addAll(jfrSettings);
        jcmd(start.toArray(String[]::new));
        try {
            step.run();
        } finally {
            Path file = jfr.resolve(phaseName + ".jfr");
            jcmd("JFR.stop", "name=" + phaseName, "filename=" + file);
            Bench.progress("  profile of the phase: %s", file);
        }
    }

    private void jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(serverPid));
        line.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + ": " + output);
        }
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
        Bench.progress(
                "Turns with a model answering after %d ms: warm-up %d s...",
                delayMs, warmup.round().toSeconds());
        turns("warmup", 16, warmup.round(), false);
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

    private record Phase(
            LoadRun.Result load,
            List<String> conversations,
            long escalated,
            long unavailable,
            double cpuMsPerTurn,
            double generatorCpuMsPerTurn,
            Map<String, Double> cpuSecondsByThread) {}

    private Phase turns(String name, int clients, Duration duration, boolean uncached) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<String> conversations = Collections.synchronizedList(new ArrayList<>());
        LongAdder escalated = new LongAdder();
        LongAdder unavailable = new LongAdder();
        LongAdder timeouts = new LongAdder();
        double cpuBefore = serverCpuSeconds();
        Map<String, Double> threadsBefore = threadCpuSeconds(serverPid);
        double ownCpuBefore = cpuSeconds(ProcessHandle.current().pid());
        LoadRun.Result load = LoadRun.run(
                name,
                worker -> {
                    int n = next.getAndIncrement();
                    KeepAliveClient.Response response;
                    try {
                        response = turn(worker, message(n, uncached));
                    } catch (java.io.IOException timedOutOrRefused) {
                        // Counted as a failure that took as long as it did (the client's timeout is 30 s).
                        timeouts.increment();
                        return false;
                    }
                    if (response.status() == 503) {
                        unavailable.increment();
                    }
                    if (response.status() != 200) {
                        return false;
                    }
                    JsonNode answered = JSON.readTree(response.body());
                    conversations.add(conversationId(answered));
                    if (answered.path("escalated").asBoolean()) {
                        escalated.increment();
                    }
                    return true;
                },
                clients,
                duration);
        double cpuMsPerTurn = (serverCpuSeconds() - cpuBefore) * 1000 / Math.max(1, load.requests() - load.failures());
        Map<String, Double> threads = sinceThen(threadsBefore);
        // The load generator shares the cores: what it spends per turn is CPU the server could not have.
        double generatorCpuMsPerTurn = (cpuSeconds(ProcessHandle.current().pid()) - ownCpuBefore)
                * 1000
                / Math.max(1, load.requests() - load.failures());
        Bench.progress(
                "%-18s %3d clients %8.1f turns/s  p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms  >2s %d  503 %d"
                        + "  failures %d (timeouts %d)  escalated %d  server CPU %.2f ms/turn"
                        + "  generator CPU %.2f ms/turn  (load %s)",
                name,
                clients,
                (load.requests() - load.failures()) / load.seconds(),
                load.percentileMs(50),
                load.percentileMs(90),
                load.percentileMs(99),
                load.maxMs(),
                load.over(Duration.ofSeconds(2)),
                unavailable.sum(),
                load.failures(),
                timeouts.sum(),
                escalated.sum(),
                cpuMsPerTurn,
                generatorCpuMsPerTurn,
                loadAverage());
        Bench.progress("  server CPU by thread, ms/turn: %s", byThread(threads, load.requests() - load.failures()));
        return new Phase(
                load, conversations, escalated.sum(), unavailable.sum(), cpuMsPerTurn, generatorCpuMsPerTurn, threads);
    }

    /**
     * The {@code n}th message: the shoppers' queries in turn, made new (so embedded afresh) if asked by a counter that
     * runs across all phases, so that no phase asks a text another phase has asked.
     */
    private String message(int n, boolean fresh) {
        return fresh ? newMessage(queries, asked.getAndIncrement()) : queries.get(n % queries.size());
    }

    /** How shoppers open a message: each new message has one of these, or none. */
    static final List<String> OPENERS = List.of(
            "",
            "hi",
            "hello",
            "hey",
            "hi there",
            "hello there",
            "good morning",
            "good afternoon",
            "good evening",
            "quick question",
            "hey team",
            "hi team",
            "sorry to bother you",
            "excuse me",
            "so",
            "ok so",
            "hiya",
            "morning",
            "hey again",
            "hi again",
            "one question",
            "hello again",
            "hey there",
            "hi folks");

    /** How shoppers close a message: each new message has one of these, or none. */
    static final List<String> CLOSERS = List.of(
            "",
            "thanks",
            "thank you",
            "thx",
            "please",
            "pls",
            "cheers",
            "ty",
            "thanks in advance",
            "much appreciated",
            "any help appreciated",
            "thanks a lot",
            "if possible",
            "if you can",
            "thank you!",
            "many thanks",
            "ta",
            "please help",
            "thanks so much",
            "cheers!",
            "appreciate it",
            "ok?",
            "please advise",
            "thanks again");

    /**
     * The {@code i}th new message: a query as shoppers write it, with one of {@link #OPENERS} and one of
     * {@link #CLOSERS}, each combination once but the query alone (about 150,000 for 260 queries); past them a counter
     * keeps it new. Until
     * 2026-12-07 every new message ended "(asked N times)": five tokens no shopper writes, a fifth more to embed, and
     * a lower match with the knowledge, which searched again with the topic more often than real messages do.
     */
    static String newMessage(List<String> queries, int i) {
        String query = queries.get(i % queries.size());
        // Variant 0, neither opener nor closer, is the query itself, which the other phases ask.
        int variant = i / queries.size() + 1;
        int combinations = OPENERS.size() * CLOSERS.size();
        String opener = OPENERS.get(variant % OPENERS.size());
        String closer = CLOSERS.get((variant / OPENERS.size()) % CLOSERS.size());
        String message = (opener.isEmpty() ? "" : opener + ", ") + query + (closer.isEmpty() ? "" : " " + closer);
        return variant < combinations ? message : message + " (asked " + i + " times)";
    }

    /** One turn in a new conversation, through the endpoint chosen. */
    private KeepAliveClient.Response turn(int customer, String message) throws Exception {
        Object body = endpoint.equals("chat")
                ? Map.of("message", message, "context", Map.of("user_id", "shopper-" + customer))
                : Map.of(
                        "customer_email", "shopper" + customer + "@example.com",
                        "customer_name", "Shopper " + customer,
                        "initial_message", message);
        return turns.post(endpoint.equals("chat") ? "/v1/chat" : "/v1/conversations", JSON.writeValueAsBytes(body));
    }

    private static String conversationId(JsonNode answer) {
        JsonNode id = answer.path("conversation_id");
        return id.isMissingNode() ? answer.path("conversationId").asString() : id.asString();
    }

    private void put(String prefix, Phase result, int delayMs) {
        LoadRun.Result load = result.load();
        figures.put(prefix + "turns", load.requests() - load.failures());
        figures.put(prefix + "turns_per_s", Bench.round((load.requests() - load.failures()) / load.seconds()));
        figures.put(prefix + "p50_ms", Bench.round(load.percentileMs(50)));
        figures.put(prefix + "p90_ms", Bench.round(load.percentileMs(90)));
        figures.put(prefix + "p99_ms", Bench.round(load.percentileMs(99)));
        figures.put(prefix + "max_ms", Bench.round(load.maxMs()));
        figures.put(prefix + "over_2s", load.over(Duration.ofSeconds(2)));
        figures.put(prefix + "status_503", result.unavailable());
        figures.put(prefix + "server_cpu_ms_per_turn", Bench.round(result.cpuMsPerTurn()));
        figures.put(prefix + "generator_cpu_ms_per_turn", Bench.round(result.generatorCpuMsPerTurn()));
        figures.put(prefix + "load", loadAverage());
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
        List<JsonNode> read = readBack(conversations);
        Map<String, List<Double>> stages = new TreeMap<>();
        Map<String, Integer> models = new TreeMap<>();
        for (JsonNode conversation : read) {
            for (JsonNode message : conversation.path("messages")) {
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
        figures.put(prefix + "server_sample", read.size());
        figures.put(prefix + "answered_by", models);
        Bench.progress("  server-side p50/p99 ms (%d turns):%s; answered by %s", read.size(), line, models);
    }

    /**
     * Up to {@value #TIMING_SAMPLE} of these conversations, evenly spread, read back with {@code GET
     * /v1/conversations/{id}}, 4 at a time; those the server did not answer in time are left out.
     */
    private List<JsonNode> readBack(List<String> phaseConversations) throws Exception {
        List<String> conversations;
        synchronized (phaseConversations) {
            conversations = List.copyOf(phaseConversations);
        }
        List<String> sample = new ArrayList<>();
        int step = Math.max(1, conversations.size() / TIMING_SAMPLE);
        for (int i = 0; i < conversations.size() && sample.size() < TIMING_SAMPLE; i += step) {
            sample.add(conversations.get(i));
        }
        List<Future<JsonNode>> reads = new ArrayList<>();
        List<JsonNode> read = new ArrayList<>();
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
            for (Future<JsonNode> conversation : reads) {
                try {
                    read.add(conversation.get());
                } catch (java.util.concurrent.ExecutionException unread) {
                    // A server still busy with the phase's backlog: the split is made of the turns that were read.
                }
            }
        }
        return read;
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
