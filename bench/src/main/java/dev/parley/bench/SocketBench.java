package dev.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sockets}: the widget socket under load, against the server jar in its own process (1 GiB heap, rate limits
 * off, JMX on loopback so the bench can collect the server's garbage and read its heap). First it holds
 * {@code --sockets} authenticated, idle widget sockets and reports the server's heap used per socket after a full GC
 * (against the same figure before they connected). Then {@code --clients} widget sockets chat: each sends a message
 * (its first starts a conversation), waits for the assistant's reply frame, and sends its next one later, all of
 * them together at about {@code --rate} messages per second; it reports the round trip (message sent to reply frame
 * received) p50/p99. The knowledge base holds a few help-center articles so the offline assistant has answers. All
 * traffic goes to 127.0.0.1; every phase is bounded in time.
 */
final class SocketBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final int port;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private SocketBench(HttpClient http, int port) {
        this.http = http;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    static void run(Map<String, String> options) throws Exception {
        boolean quick = Boolean.parseBoolean(options.getOrDefault("quick", "false"));
        int sockets = Integer.parseInt(options.getOrDefault("sockets", quick ? "2000" : "10000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "1000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "50"));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", quick ? "20" : "60")));
        int articles = Integer.parseInt(options.getOrDefault("articles", quick ? "20" : "60"));

        int port = Bench.freePort();
        int jmx = Bench.freePort();
        Path data = Files.createTempDirectory("parley-bench-sockets");
        Process server = Bench.startServer(
                options.get("server-jar"),
                port,
                data,
                Map.of("PARLEY_MAX_CONNECTIONS", Integer.toString(sockets + clients + 1000)),
                List.of(
                        "-Dcom.sun.management.jmxremote.port=" + jmx,
                        "-Dcom.sun.management.jmxremote.rmi.port=" + jmx,
                        "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                        "-Djava.rmi.server.hostname=127.0.0.1",
                        "-Dcom.sun.management.jmxremote.authenticate=false",
                        "-Dcom.sun.management.jmxremote.ssl=false"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        try (JMXConnector connector = awaitServer(http, port, server, jmx)) {
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(
                    connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            SocketBench bench = new SocketBench(http, port);
            bench.figures.put("benchmark", "sockets");
            bench.figures.put("quick", quick);
            bench.seed(articles);
            bench.memory(memory, sockets);
            bench.roundTrips(clients, rate, phase);
            System.out.println(JSON.writeValueAsString(bench.figures));
        } finally {
            server.destroy();
            server.waitFor();
            SearchBench.deleteTree(data);
        }
    }

    private static JMXConnector awaitServer(HttpClient http, int port, Process server, int jmx) throws Exception {
        Bench.awaitHealthy(http, "http://127.0.0.1:" + port, server);
        Bench.storeId(http, "http://127.0.0.1:" + port);
        return JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmx + "/jmxrmi"));
    }

    /** Help-center articles, so the offline assistant answers from knowledge. */
    private void seed(int count) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode n : SearchBench.jsonLines(JSON, "northwind/corpus.jsonl")) {
            if (items.size() == count) {
                break;
            }
            items.add(Map.of(
                    "type",
                    "guide",
                    "title",
                    n.path("title").asString(),
                    "content",
                    n.path("text").asString()));
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/training/batch"))
                        .header("Authorization", "Bearer " + Bench.KEY)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("items", items))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Seeding failed: " + response.statusCode() + " " + response.body());
        }
        Bench.progress("Seeded %d articles in %.1f s", items.size(), Bench.seconds(started));
    }

    /** Heap used per idle authenticated socket, after a full GC, against the same before they connected. */
    private void memory(MemoryMXBean memory, int count) throws Exception {
        // Warm the socket path once, so its classes are loaded before the baseline.
        try (Client warm = Client.open(http, port).authenticate()) {
            warm.ask("How long does shipping take?");
        }
        long before = heapAfterGc(memory);
        Bench.progress("Connecting %d idle widget sockets...", count);
        long started = System.nanoTime();
        List<Client> idle = Collections.synchronizedList(new ArrayList<>());
        LongAdder failures = new LongAdder();
        Semaphore inFlight = new Semaphore(200);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                executor.execute(() -> {
                    try {
                        idle.add(Client.open(http, port).authenticate());
                    } catch (Exception failed) {
                        failures.increment();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        double connectSeconds = Bench.seconds(started);
        Bench.progress(
                "  %d connected and authenticated in %.1f s (%.0f/s), %d failed",
                idle.size(), connectSeconds, idle.size() / connectSeconds, failures.sum());
        long after = heapAfterGc(memory);
        long still = idle.stream().filter(Client::isOpen).count();
        double perSocket = (after - before) / (double) Math.max(1, idle.size());
        Bench.progress(
                "  heap after GC: %.1f MiB before, %.1f MiB with %d sockets: %.1f KiB per socket (%d still open)",
                before / 1048576.0, after / 1048576.0, idle.size(), perSocket / 1024, still);
        figures.put("sockets", idle.size());
        figures.put("socket_failures", failures.sum());
        figures.put("connect_per_s", Bench.round(idle.size() / connectSeconds));
        figures.put("heap_before_mib", Bench.round(before / 1048576.0));
        figures.put("heap_with_sockets_mib", Bench.round(after / 1048576.0));
        figures.put("heap_per_socket_kib", Bench.round(perSocket / 1024));
        figures.put("sockets_open_at_measure", still);
        for (Client client : idle) {
            client.close();
        }
        Thread.sleep(5000); // let the server finish closing them before the next phase
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        memory.gc();
        Thread.sleep(500);
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Paced chat over {@code clients} sockets: each message's round trip to the assistant's reply frame. */
    private void roundTrips(int clients, double rate, Duration phase) throws Exception {
        List<String> questions = new ArrayList<>();
        for (JsonNode n : SearchBench.jsonLines(JSON, "northwind/queries-dev.jsonl")) {
            questions.add(n.path("query").asString());
        }
        Bench.progress("Connecting %d chatting clients...", clients);
        List<Client> chatting = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(100);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                inFlight.acquire();
                executor.execute(() -> {
                    try {
                        chatting.add(Client.open(http, port).authenticate());
                    } catch (Exception ignored) {
                        // counted below
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        long intervalNanos = (long) (chatting.size() / rate * 1e9);
        Bench.progress(
                "  %d connected; chatting for %d s at about %.0f messages/s (one per client every %.1f s)...",
                chatting.size(), phase.toSeconds(), rate, intervalNanos / 1e9);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> conversations = Collections.synchronizedList(new ArrayList<>());
        LongAdder failures = new LongAdder();
        LongAdder escalations = new LongAdder();
        long started = System.nanoTime();
        long end = started + phase.toNanos();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < chatting.size(); i++) {
                int index = i;
                executor.execute(() -> {
                    Client client = chatting.get(index);
                    long next = started + ThreadLocalRandom.current().nextLong(Math.max(1, intervalNanos));
                    int asked = 0;
                    try {
                        while (true) {
                            long wait = Math.min(next, end) - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(Duration.ofNanos(wait));
                            }
                            if (System.nanoTime() >= end) {
                                break;
                            }
                            if (client.escalated || !client.isOpen()) {
                                // a human holds that conversation now: the shopper starts a new one
                                escalations.increment();
                                conversations.add(client.conversationId);
                                client.close();
                                client = Client.open(http, port).authenticate();
                            }
                            String question = questions.get((index + asked++) % questions.size());
                            long sent = System.nanoTime();
                            if (client.ask(question)) {
                                latencies.add(System.nanoTime() - sent);
                            } else {
                                failures.increment();
                            }
                            next += intervalNanos;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception failed) {
                        failures.increment();
                    } finally {
                        if (client.conversationId != null) {
                            conversations.add(client.conversationId);
                        }
                        client.close();
                    }
                });
            }
        }
        double offered = phase.toNanos() / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = percentileMs(sorted, 50);
        double p90 = percentileMs(sorted, 90);
        double p99 = percentileMs(sorted, 99);
        Bench.progress(
                "  %d round trips in %.0f s (%.1f/s): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; %d failed,"
                        + " %d conversations escalated",
                sorted.length, offered, sorted.length / offered, p50, p90, p99, failures.sum(), escalations.sum());
        figures.put("chat_clients", chatting.size());
        figures.put("chat_rate_target", rate);
        figures.put("round_trips", sorted.length);
        figures.put("round_trips_per_s", Bench.round(sorted.length / offered));
        figures.put("round_trip_p50_ms", Bench.round(p50));
        figures.put("round_trip_p90_ms", Bench.round(p90));
        figures.put("round_trip_p99_ms", Bench.round(p99));
        figures.put("round_trip_failures", failures.sum());
        figures.put("escalated_conversations", escalations.sum());
        serverTurns(conversations);
    }

    /**
     * The assistant's own time per turn (the {@code total} of the stored per-stage timings) for a sample of the
     * phase's conversations: what the round trip adds to it is the socket path, the storing and the fan-out.
     */
    private void serverTurns(List<String> conversations) throws Exception {
        List<String> all;
        synchronized (conversations) {
            all = List.copyOf(conversations);
        }
        List<Long> totals = new ArrayList<>();
        for (String id : all.subList(0, Math.min(300, all.size()))) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/conversations/" + id + "?message_limit=10"))
                            .header("Authorization", "Bearer " + Bench.KEY)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode message : JSON.readTree(response.body()).path("messages")) {
                JsonNode total = message.at("/analysis/timings/total");
                if (message.path("role").asString().equals("assistant") && total.isNumber()) {
                    totals.add((long) (total.asDouble() * 1_000_000));
                }
            }
        }
        long[] sorted = totals.stream().mapToLong(Long::longValue).sorted().toArray();
        Bench.progress(
                "  the assistant's own time per turn (%d turns): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms",
                sorted.length, percentileMs(sorted, 50), percentileMs(sorted, 90), percentileMs(sorted, 99));
        figures.put("server_turn_sample", sorted.length);
        figures.put("server_turn_p50_ms", Bench.round(percentileMs(sorted, 50)));
        figures.put("server_turn_p90_ms", Bench.round(percentileMs(sorted, 90)));
        figures.put("server_turn_p99_ms", Bench.round(percentileMs(sorted, 99)));
    }

    private static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** One widget: a JDK WebSocket client that authenticates with the bench's key and waits for replies. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {

        private final StringBuilder partial = new StringBuilder();
        private volatile CompletableFuture<JsonNode> awaiting = new CompletableFuture<>();
        private volatile String awaitedType = "authenticated";
        private volatile boolean closed;
        volatile boolean escalated;
        volatile String conversationId;
        private WebSocket socket;

        static Client open(HttpClient http, int port) {
            Client client = new Client();
            client.socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1/ws"), client)
                    .orTimeout(60, TimeUnit.SECONDS)
                    .join();
            return client;
        }

        Client authenticate() throws Exception {
            socket.sendText(JSON.writeValueAsString(Map.of("type", "auth", "api_key", Bench.KEY)), true)
                    .join();
            JsonNode frame = awaiting.get(60, TimeUnit.SECONDS);
            if (!frame.path("type").asString().equals("authenticated")) {
                throw new IllegalStateException("Not authenticated: " + frame);
            }
            return this;
        }

        /** Sends a message and waits for the assistant's reply: false when none came in time. */
        boolean ask(String question) throws Exception {
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            awaitedType = "assistant";
            awaiting = reply;
            socket.sendText(JSON.writeValueAsString(Map.of("type", "message", "content", question)), true)
                    .join();
            try {
                return !reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .path("type")
                        .asString()
                        .equals("error");
            } catch (java.util.concurrent.TimeoutException none) {
                return false;
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                // Cheap checks first: most frames are not the one awaited.
                if (conversationId == null && text.contains("\"conversation\"")) {
                    conversationId = JSON.readTree(text).path("conversation_id").asString();
                }
                if (text.contains("\"escalated\"")) {
                    escalated = true;
                }
                if (text.contains(awaitedType)) {
                    JsonNode frame = JSON.readTree(text);
                    String type = frame.path("type").asString();
                    if (type.equals(awaitedType)
                            || (type.equals("message")
                                    && frame.path("role").asString().equals(awaitedType))) {
                        awaiting.complete(frame);
                    } else if (type.equals("error")) {
                        awaiting.complete(frame);
                    }
                } else if (text.contains("\"error\"")) {
                    awaiting.complete(JSON.readTree(text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }

        boolean isOpen() {
            return !closed && !socket.isInputClosed();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
                socket.abort();
            }
        }
    }
}
