package dev.parley.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A fake of OpenAI's audio API on 127.0.0.2 and a port the system chose: {@code POST /v1/audio/transcriptions}
 * answers {@code {"text": "where is my order"}} for a multipart request with a WAV {@code file} and a {@code model};
 * {@code POST /v1/audio/speech} answers a WAV of silence a tenth of a second per input word, at 24 kHz as OpenAI's
 * is. It records each request.
 *
 * <p>One per JVM, never stopped: {@link Initializer} points the test contexts' OpenAI-compatible voice engine at it
 * before they start, and a test takes it {@link #fresh()}. A free port rather than a fixed one, so test JVMs running
 * side by side never share a fake; one server for the JVM's life, so no kept-alive connection of the server under
 * test ever points at a fake that has gone.
 */
public final class FakeOpenAiAudioServer {

    public record Request(String path, String authorization, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    public static final String API_KEY = "sk-fake-voice-key";
    public static final String TRANSCRIPT = "where is my order";
    private static FakeOpenAiAudioServer shared;

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int transcriptionStatus = 200;
    private final HttpServer server;

    private FakeOpenAiAudioServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        server.createContext("/v1/audio/transcriptions", exchange -> {
            Request request = record(exchange, "/v1/audio/transcriptions");
            String text = request.text();
            boolean wellFormed = request.contentType() != null
                    && request.contentType().startsWith("multipart/form-data; boundary=")
                    && text.contains("name=\"model\"")
                    && text.contains("name=\"file\"; filename=")
                    && text.contains("RIFF")
                    && text.contains("WAVE");
            int status = wellFormed ? transcriptionStatus : 400;
            respond(exchange, status, "application/json", ("{\"text\":\"" + TRANSCRIPT + "\"}").getBytes());
        });
        server.createContext("/v1/audio/speech", exchange -> {
            Request request = record(exchange, "/v1/audio/speech");
            int words = request.text().split(" ").length;
            respond(exchange, 200, "audio/wav", wav(new byte[24_000 * 2 * words / 10], 24_000));
        });
        server.start();
    }

    /** The JVM's fake, started on first use. */
    public static synchronized FakeOpenAiAudioServer shared() {
        if (shared == null) {
            try {
                shared = new FakeOpenAiAudioServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The shared fake with no requests recorded and transcriptions answered again. */
    public static FakeOpenAiAudioServer fresh() {
        FakeOpenAiAudioServer fake = shared();
        fake.requests.clear();
        fake.transcriptionStatus = 200;
        return fake;
    }

    /** Where an OpenAI-compatible client should send requests: {@code http://127.0.0.2:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.2:" + server.getAddress().getPort() + "/v1";
    }

    /** The requests received since {@link #fresh()}, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Transcriptions answer this status from now on (200 answers the transcript). */
    public void answerTranscriptionsWith(int status) {
        transcriptionStatus = status;
    }

    public static byte[] wav(byte[] pcm, int rate) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVEfmt ".getBytes());
        b.putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
        b.putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes())
                .putInt(pcm.length)
                .put(pcm);
        return b.array();
    }

    private Request record(HttpExchange exchange, String path) throws IOException {
        Request request = new Request(
                path,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestBody().readAllBytes());
        requests.add(request);
        return request;
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Points a test context's OpenAI-compatible voice engine at the JVM's fake. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "fake-openai-audio",
                            Map.of(
                                    "parley.voice.openai.base-url",
                                    shared().baseUrl(),
                                    "parley.voice.openai.api-key",
                                    API_KEY)));
        }
    }
}
