package dev.parley.voice;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of OpenAI's audio API on 127.0.0.2:18934 (where the test configuration points): {@code POST
 * /v1/audio/transcriptions} answers {@code {"text": ...}} for a multipart request with a WAV {@code file} and a
 * {@code model}; {@code POST /v1/audio/speech} answers a WAV of silence a tenth of a second per input word, at
 * 24 kHz as OpenAI's is. It records each request.
 */
final class FakeOpenAiAudioServer implements AutoCloseable {

    record Request(String path, String authorization, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static final int PORT = 18934;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile String transcript = "where is my order";
    volatile int transcriptionStatus = 200;
    private final HttpServer server;

    FakeOpenAiAudioServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), PORT), 0);
        server.createContext("/v1/audio/transcriptions", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(
                    "/v1/audio/transcriptions",
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body);
            requests.add(request);
            String text = request.text();
            boolean wellFormed = request.contentType().startsWith("multipart/form-data; boundary=")
                    && text.contains("name=\"model\"")
                    && text.contains("name=\"file\"; filename=")
                    && text.contains("RIFF")
                    && text.contains("WAVE");
            int status = wellFormed ? transcriptionStatus : 400;
            respond(exchange, status, "application/json", ("{\"text\":\"" + transcript + "\"}").getBytes());
        });
        server.createContext("/v1/audio/speech", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(
                    "/v1/audio/speech",
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body);
            requests.add(request);
            int words = request.text().split(" ").length;
            respond(exchange, 200, "audio/wav", wav(new byte[24_000 * 2 * words / 10], 24_000));
        });
        server.start();
    }

    static byte[] wav(byte[] pcm, int rate) {
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

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
