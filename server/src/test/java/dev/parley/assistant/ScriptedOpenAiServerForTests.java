package dev.parley.assistant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake language model for tests: a local HTTP server that speaks OpenAI's chat completions format and answers
 * each request with the next step of its script (an answer, a tool call, a stream of tokens, an error status, a slow
 * answer). It listens on 127.0.0.2, the one private address the test configuration lets server-side clients reach,
 * and records every request it receives. It also speaks Anthropic's messages API, for the steps named so.
 */
public final class ScriptedOpenAiServerForTests implements AutoCloseable {

    public static final String MODEL = "scripted-model";
    /** Tokens every scripted completion reports using. */
    public static final int TOKENS_PER_COMPLETION = 60;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as the server received it. */
    public record Received(String method, String path, String query, Map<String, String> headers, JsonNode body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private interface Step {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    private ScriptedOpenAiServerForTests(HttpServer server) {
        this.server = server;
    }

    public static ScriptedOpenAiServerForTests start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
            ScriptedOpenAiServerForTests fake = new ScriptedOpenAiServerForTests(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where an OpenAI client should send requests: {@code http://127.0.0.2:<port>/v1}. */
    /** The body of {@code PUT /v1/assistant/model} that makes a workspace's assistant ask this server. */
    public Map<String, Object> modelSettings() {
        return Map.of("provider", "openai_compatible", "base_url", baseUrl(), "model", MODEL, "api_key", "sk-scripted");
    }

    public String baseUrl() {
        return origin() + "/v1";
    }

    public String origin() {
        return "http://127.0.0.2:" + server.getAddress().getPort();
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The next request gets this text as the assistant's answer. */
    public ScriptedOpenAiServerForTests answers(String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", text);
        script.add(exchange -> json(exchange, 200, completion(message, "stop")));
        return this;
    }

    /** The next request gets a call of {@code tool} with these raw arguments (JSON, or deliberately not). */
    public ScriptedOpenAiServerForTests callsTool(String tool, String rawArguments) {
        return callsToolTimes(tool, rawArguments, 1);
    }

    /** The next request gets {@code times} calls of {@code tool} at once (parallel tool calls), all with these arguments. */
    public ScriptedOpenAiServerForTests callsToolTimes(String tool, String rawArguments, int times) {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(Map.of(
                    "id",
                    "call_" + (received.size() + script.size()) + "_" + i,
                    "type",
                    "function",
                    "function",
                    Map.of("name", tool, "arguments", rawArguments)));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", calls);
        script.add(exchange -> json(exchange, 200, completion(message, "tool_calls")));
        return this;
    }

    /** The next request gets these tokens as server-sent events, in order, then {@code [DONE]}. */
    public ScriptedOpenAiServerForTests streams(String... tokens) {
        script.add(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String token : tokens) {
                    event(out, chunk(Map.of("role", "assistant", "content", token), null));
                    Thread.sleep(20);
                }
                event(out, chunk(Map.of(), "stop"));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
        return this;
    }

    /** The next request gets this text as an answer in Anthropic's messages format. */
    public ScriptedOpenAiServerForTests answersAsAnthropic(String text) {
        script.add(exchange ->
                json(exchange, 200, anthropicMessage(List.of(Map.of("type", "text", "text", text)), "end_turn")));
        return this;
    }

    /** The next request gets a {@code tool_use} of {@code tool} with this input, in Anthropic's messages format. */
    public ScriptedOpenAiServerForTests callsToolAsAnthropic(String tool, Map<String, Object> input) {
        script.add(exchange -> json(
                exchange,
                200,
                anthropicMessage(
                        List.of(Map.of(
                                "type", "tool_use", "id", "toolu_" + received.size(), "name", tool, "input", input)),
                        "tool_use")));
        return this;
    }

    private static Map<String, Object> anthropicMessage(List<Map<String, Object>> content, String stopReason) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", "msg_scripted");
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", MODEL);
        message.put("content", content);
        message.put("stop_reason", stopReason);
        message.put("stop_sequence", null);
        message.put("usage", Map.of("input_tokens", 50, "output_tokens", 10));
        return message;
    }

    /** The next request gets this HTTP status and an OpenAI error body. */
    public ScriptedOpenAiServerForTests fails(int status) {
        script.add(exchange -> json(
                exchange,
                status,
                Map.of("error", Map.of("message", "scripted failure", "type", "server_error", "code", "boom"))));
        return this;
    }

    /**
     * The next request waits until {@code release} is counted down (at most a minute, so a failing test ends), then
     * answers: a turn held as long as a test needs, with no clock in it.
     */
    public ScriptedOpenAiServerForTests answersWhenReleased(java.util.concurrent.CountDownLatch release, String text) {
        Map<String, Object> message = Map.of("role", "assistant", "content", text);
        script.add(exchange -> {
            release.await(1, java.util.concurrent.TimeUnit.MINUTES);
            json(exchange, 200, completion(message, "stop"));
        });
        return this;
    }

    /** The next request waits this long, then answers (if anyone is still listening). */
    public ScriptedOpenAiServerForTests answersAfter(Duration delay, String text) {
        Map<String, Object> message = Map.of("role", "assistant", "content", text);
        script.add(exchange -> {
            Thread.sleep(delay.toMillis());
            json(exchange, 200, completion(message, "stop"));
        });
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(),
                    headers,
                    body.length == 0 ? null : JSON.readTree(body)));
            Step step = script.poll();
            if (step == null) {
                json(exchange, 500, Map.of("error", Map.of("message", "the script has no more steps")));
                return;
            }
            step.answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // a client that timed out closed the connection
        }
    }

    private static Map<String, Object> completion(Map<String, Object> message, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", finishReason);
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("id", "chatcmpl-scripted");
        completion.put("object", "chat.completion");
        completion.put("created", 1_700_000_000);
        completion.put("model", MODEL);
        completion.put("choices", List.of(choice));
        completion.put(
                "usage", Map.of("prompt_tokens", 50, "completion_tokens", 10, "total_tokens", TOKENS_PER_COMPLETION));
        return completion;
    }

    private static Map<String, Object> chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return Map.of(
                "id",
                "chatcmpl-scripted",
                "object",
                "chat.completion.chunk",
                "created",
                1_700_000_000,
                "model",
                MODEL,
                "choices",
                List.of(choice));
    }

    private static void event(OutputStream out, Object data) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
