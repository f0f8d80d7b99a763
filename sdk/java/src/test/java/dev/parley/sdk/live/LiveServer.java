package dev.parley.sdk.live;

import dev.parley.sdk.Parley;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real Parley server for every live test of the run: the jar the build made
 * ({@code server/target/parley-exec.jar}, or {@code -Dparley.server.jar}), a fresh data directory, a free loopback
 * port, a bootstrap admin key. Started on first use, stopped when the test JVM exits.
 * {@code PARLEY_TEST_BASE_URL} and {@code PARLEY_TEST_ADMIN_KEY} point the tests at a server you already run instead.
 */
final class LiveServer {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static LiveServer instance;

    final String baseUrl;
    final String adminKey;
    final Parley admin;

    private LiveServer(String baseUrl, String adminKey) {
        this.baseUrl = baseUrl;
        this.adminKey = adminKey;
        this.admin = Parley.builder().apiKey(adminKey).baseUrl(baseUrl).build();
    }

    static synchronized LiveServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A client with this key against the server. */
    Parley client(String key) {
        return Parley.builder().apiKey(key).baseUrl(baseUrl).build();
    }

    /** A new workspace (store) of its own with its first live key, so tests never see each other's data. */
    Workspace newWorkspace(String... domains) {
        String suffix = Long.toString(System.currentTimeMillis(), 36) + COUNTER.incrementAndGet();
        JsonObject created = admin.stores()
                .create(Params.of(
                        "name",
                        "Java SDK test " + suffix,
                        "domains",
                        domains.length > 0 ? List.of(domains) : List.of("sdk-java-" + suffix + ".test"),
                        "platform",
                        "demo",
                        "plan",
                        "enterprise"));
        String key = created.getObject("api_key").getString("key");
        return new Workspace(created.getObject("store").getString("id"), key, client(key));
    }

    static final class Workspace {
        final String storeId;
        final String key;
        final Parley client;

        Workspace(String storeId, String key, Parley client) {
            this.storeId = storeId;
            this.key = key;
            this.client = client;
        }
    }

    /** Polls {@code probe} until it returns non-null (or fails after {@code timeout}). */
    static <T> T eventually(String what, Duration timeout, Callable<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.call();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what + (last == null ? "" : ": " + last), last);
    }

    static <T> T eventually(String what, Callable<T> probe) {
        return eventually(what, Duration.ofSeconds(60), probe);
    }

    private static LiveServer start() {
        String base = System.getenv("PARLEY_TEST_BASE_URL");
        String key = System.getenv("PARLEY_TEST_ADMIN_KEY");
        if (base != null && key != null) {
            return new LiveServer(base, key);
        }
        Path jar = Path.of(System.getProperty("parley.server.jar", "../../server/target/parley-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No server jar at " + jar.toAbsolutePath()
                    + ": build the server first (mvn -pl server package) or pass -Dparley.server.jar=...");
        }
        try {
            int port = freePort();
            Path data = Files.createTempDirectory("parley-sdk-java-");
            String adminKey = adminKey();
            String baseUrl = "http://127.0.0.1:" + port;
            File log = data.resolve("server.log").toFile();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(
                    java,
                    "--add-modules",
                    "jdk.incubator.vector",
                    "-Xmx1g",
                    "-jar",
                    jar.toAbsolutePath().toString());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            builder.environment().put("PARLEY_DATA_DIR", data.toString());
            builder.environment().put("PARLEY_BOOTSTRAP_ADMIN_KEY", adminKey);
            // Many quick calls with one key; the retry tests make their own 429s with a fake upstream.
            builder.environment().put("PARLEY_RATE_LIMITS_ENABLED", "false");
            // Webhook deliveries and the seed 000 crawl go to the tests' own loopback servers.
            builder.environment().put("PARLEY_FETCH_ALLOW", "127.0.0.1");
            builder.environment().put("PARLEY_CRAWL_DELAY", "0ms");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            System.out.println("parley-sdk java tests: starting " + jar + " on " + baseUrl + " (data " + data + ")");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, data)));
            waitForServer(baseUrl, adminKey, process, log.toPath());
            System.out.println("parley-sdk java tests: server ready");
            return new LiveServer(baseUrl, adminKey);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the server", e);
        }
    }

    private static void waitForServer(String base, String key, Process process, Path log) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The server exited (" + process.exitValue() + ") while starting:\n" + tail(log));
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    // The bootstrap admin key is stored once the application is ready, which can follow health.
                    HttpResponse<Void> stores = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/v1/stores"))
                                    .header("Authorization", "Bearer " + key)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (stores.statusCode() == 200) {
                        return;
                    }
                }
            } catch (IOException stillStarting) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            sleep(500);
        }
        throw new IllegalStateException("The server did not become ready in 300 s:\n" + tail(log));
    }

    private static void stop(Process process, Path data) {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String adminKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("sk_live_");
        for (int i = 0; i < 32; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
