package dev.parley.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parley.sdk.Parley;
import dev.parley.sdk.PermissionDeniedException;
import dev.parley.sdk.examples.QuickStart;
import dev.parley.sdk.examples.ReadmeSnippets;
import dev.parley.sdk.model.Conversation;
import dev.parley.sdk.model.Message;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.ScrapeJob;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's examples: every Java block of the module README (and of the root README's SDK section) is code that
 * compiles in {@code dev.parley.sdk.examples}, and the tests run it against the live server. The quick start runs as
 * its own process, with the environment variables a user would set.
 */
class ReadmeExamplesTest {
    private static final Path EXAMPLES = Path.of("src/test/java/dev/parley/sdk/examples");

    @Test
    void everyJavaBlockOfTheReadmesIsCompiledExampleCode() throws IOException {
        String sources;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            sources = files.map(ReadmeExamplesTest::read)
                    .map(ReadmeExamplesTest::squeeze)
                    .collect(Collectors.joining());
        }
        List<String> blocks = new ArrayList<>(javaBlocks(Path.of("README.md")));
        assertTrue(blocks.size() >= 5, "the module README has its examples: " + blocks.size());
        List<String> root = javaBlocks(Path.of("../../README.md"));
        assertFalse(root.isEmpty(), "the root README lists the Java SDK with an example");
        blocks.addAll(root);
        for (String block : blocks) {
            // Whitespace aside (the formatter may wrap lines differently), each block is in the examples' sources.
            assertTrue(sources.contains(squeeze(block)), "README block not in the compiled examples:\n" + block);
        }
    }

    @Test
    void theQuickStartRunsAsWrittenAgainstTheServer() throws Exception {
        LiveServer server = LiveServer.get();
        LiveServer.Workspace workspace = server.newWorkspace("example.com");
        HttpServer site = site();
        try {
            String siteUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
            String out = runQuickStart(workspace.key, server.baseUrl, siteUrl);
            String[] lines = out.split("\n");
            assertFalse(lines[0].isBlank(), out);
            assertFalse(lines[1].isBlank(), out);
            double confidence = Double.parseDouble(line(out, ".* \\(confidence ([0-9.E-]+)\\)"));
            assertTrue(confidence >= 0 && confidence <= 1, out);
            String conversationId = line(out, "Conversation: (conv_\\w+)");
            Conversation conversation =
                    workspace.client.conversations().get(conversationId, Params.of("includeMessages", true));
            assertEquals("widget", conversation.channel());
            assertEquals("customer@example.com", conversation.customer().getString("email"));
            assertEquals(
                    List.of("Where is order #1234?", "When will it arrive?"),
                    conversation.messages().stream()
                            .filter(m -> m.role().equals("customer") || m.role().equals("user"))
                            .map(Message::content)
                            .collect(Collectors.toList()));
            assertEquals(
                    lines[0],
                    conversation.messages().stream()
                            .filter(m -> m.role().equals("assistant"))
                            .findFirst()
                            .get()
                            .content());
            String chatId = line(out, "Chat: (conv_\\w+) .+");
            assertEquals(chatId, workspace.client.conversations().get(chatId).id());
            assertTrue(out.matches("(?s).*Insights: \\d+\n.*"), out);
            String sessionToken = line(out, "Session: \\S+ (st_\\S+)");
            assertFalse(sessionToken.isEmpty());
            String jobId = line(out, "Scrape job: (\\S+) queued");
            ScrapeJob status = workspace.client.scraping().waitFor(jobId, Duration.ofSeconds(180));
            assertEquals("completed", status.status(), status.toJson());
            assertTrue(status.progress().getLong("pages_scraped") >= 2, status.toJson());
        } finally {
            site.stop(0);
        }
        // Without the store's domain in X-Domain's place the same calls are refused: the builder's domain lets it in.
        LiveServer.Workspace other = server.newWorkspace();
        assertThrows(
                PermissionDeniedException.class,
                () -> Parley.builder()
                        .apiKey(other.key)
                        .baseUrl(server.baseUrl)
                        .domain("example.com")
                        .build()
                        .chat()
                        .send(Params.of("message", "hi")));
    }

    @Test
    void theErrorsRetriesPaginationAndWebhooksExamplesRun() {
        LiveServer server = LiveServer.get();
        LiveServer.Workspace workspace = server.newWorkspace();
        Parley parley = workspace.client;
        assertEquals("not_found", ReadmeSnippets.errors(parley));

        List<String> ids = ReadmeSnippets.retries(workspace.key, server.baseUrl, "1001");
        assertEquals(ids.get(0), ids.get(1), "the idempotency key made the second call a replay");

        assertEquals(parley.conversations().list().toList().size(), ReadmeSnippets.pagination(parley));
        assertEquals(1, ReadmeSnippets.pagination(parley), "the one conversation the retries example made");

        String conversationId = parley.conversations().list().toList().get(0).id();
        assertTrue(ReadmeSnippets.live(parley, conversationId).startsWith("msg_"));
        assertTrue(parley.conversations().get(conversationId, Params.of("includeMessages", true)).messages().stream()
                .anyMatch(m -> "Hello".equals(m.content())));

        String secret = "whsec_readme_example_secret_0001";
        String body =
                "{\"id\":\"evt_readme\",\"event\":\"conversation.escalated\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                        + "\"data\":{\"conversation_id\":\"conv_1\"}}";
        Map<String, List<String>> headers =
                parley.webhooks().generateTestHeaders(body, secret, "sha256_prefixed").entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        assertEquals(204, ReadmeSnippets.webhooks(parley, body.getBytes(StandardCharsets.UTF_8), headers, secret));
        assertEquals(
                401,
                ReadmeSnippets.webhooks(
                        parley, body.replace("conv_1", "conv_2").getBytes(StandardCharsets.UTF_8), headers, secret));
    }

    private static String runQuickStart(String key, String baseUrl, String site) throws Exception {
        String classpath = Stream.of(QuickStart.class, Parley.class)
                .map(type -> {
                    try {
                        return Path.of(type.getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI())
                                .toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, QuickStart.class.getName());
        builder.environment().put("PARLEY_API_KEY", key);
        builder.environment().put("PARLEY_BASE_URL", baseUrl);
        builder.environment().put("PARLEY_EXAMPLE_SITE", site);
        Path output = Files.createTempFile("parley-quickstart-", ".out");
        try {
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the quick start did not finish in 240 s:\n" + Files.readString(output));
            }
            String out = Files.readString(output);
            assertEquals(0, process.exitValue(), out);
            return out;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** A small shop site on loopback for the crawl (nothing outside this machine is contacted). */
    private static HttpServer site() throws IOException {
        Map<String, String> pages = Map.of(
                "/",
                "<html><head><title>Shop</title></head><body><h1>Our shop</h1><p>We sell hiking boots.</p>"
                        + "<a href=\"/faq\">FAQ</a></body></html>",
                "/faq",
                "<html><head><title>FAQ</title></head><body><h2>Do you ship abroad?</h2>"
                        + "<p>Yes, to 40 countries within ten days.</p></body></html>");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static String line(String out, String regex) {
        Matcher matcher = Pattern.compile("^" + regex + "$", Pattern.MULTILINE).matcher(out);
        assertTrue(matcher.find(), "no line like " + regex + " in:\n" + out);
        return matcher.group(1);
    }

    private static List<String> javaBlocks(Path markdown) throws IOException {
        Matcher matcher = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(markdown));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", "");
    }
}
