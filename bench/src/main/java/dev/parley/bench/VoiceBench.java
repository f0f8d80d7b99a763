package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code voice}: spoken turns through the real server's voice socket, per pair of engines ({@code --engines}, by
 * default the local processes {@code pocketsphinx+festival}, which must be installed, then the in-process
 * {@code sphinx4+freetts}). Festival speaks a shopper's question once; each round opens a session that asks for the
 * pair, sends the speech in one {@code audio.input} frame that ends the utterance, and times, from that frame (the end
 * of speech), the transcription, the assistant's response and the first audio out. One client at a time: the
 * engines are CPU-bound. A warm-up round per pair (which loads Sphinx4's model) is not counted. All traffic goes to
 * 127.0.0.1.
 */
final class VoiceBench {

    static final String QUESTION = "do you have running shoes in size ten";

    private VoiceBench() {}

    static void run(Map<String, String> options) throws Exception {
        int rounds = Integer.parseInt(options.getOrDefault("rounds", options.containsKey("quick") ? "3" : "8"));
        List<String> pairs = List.of(options.getOrDefault("engines", "pocketsphinx+festival,sphinx4+freetts")
                .split(","));
        byte[] pcm = spoken(QUESTION);
        int port = Bench.freePort();
        Path data = Files.createTempDirectory("parley-bench-voice");
        // Sphinx4's en-us model takes about half a gigabyte of heap once loaded.
        Process server = Bench.startServer(options.get("server-jar"), port, data, Map.of(), List.of("-Xmx1536m"));
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newHttpClient();
            // A shared, loaded machine can take longer than one health wait to start the server.
            for (int attempt = 1; ; attempt++) {
                try {
                    Bench.awaitHealthy(client, base, server);
                    break;
                } catch (IllegalStateException slow) {
                    if (!server.isAlive() || attempt == 4) {
                        throw slow;
                    }
                }
            }
            Bench.storeId(client, base);
            String audio = Base64.getEncoder().encodeToString(pcm);
            for (String pair : pairs) {
                String[] engines = pair.split("\\+");
                if (engines.length != 2) {
                    throw new IllegalArgumentException("--engines takes speech_to_text+text_to_speech pairs: " + pair);
                }
                List<double[]> samples = new ArrayList<>();
                for (int i = 0; i <= rounds; i++) {
                    double[] t = round(client, port, base, audio, engines[0], engines[1]);
                    if (i == 0) {
                        Bench.progress("%s warm-up round: first audio after %.2f s", pair, t[2]);
                        continue;
                    }
                    Bench.progress(
                            "%s round %d: transcription %.2f s, response %.2f s, first audio %.2f s",
                            pair, i, t[0], t[1], t[2]);
                    samples.add(t);
                }
                System.out.printf(
                        java.util.Locale.ROOT,
                        "{\"scenario\":\"voice\",\"engines\":\"%s\",\"speech_seconds\":%.2f,\"rounds\":%d,"
                                + "\"transcription_median_s\":%.2f,\"response_median_s\":%.2f,"
                                + "\"first_audio_median_s\":%.2f,\"first_audio_max_s\":%.2f}%n",
                        pair,
                        pcm.length / 32000.0,
                        samples.size(),
                        median(samples, 0),
                        median(samples, 1),
                        median(samples, 2),
                        samples.stream().mapToDouble(s -> s[2]).max().orElse(0));
            }
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Seconds from the end of speech to the transcription, the agent's response and the audio output. */
    private static double[] round(HttpClient client, int port, String base, String audio, String stt, String tts)
            throws Exception {
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/sessions"))
                        .header("Authorization", "Bearer " + Bench.KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\":\"(st_[^\"]+)\"").matcher(created.body());
        if (!token.find()) {
            throw new IllegalStateException("No session: " + created.body());
        }
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = client.newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/v1/ws/voice/session?token=" + token.group(1)),
                        new WebSocket.Listener() {
                            private final StringBuilder partial = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence chunk, boolean last) {
                                partial.append(chunk);
                                if (last) {
                                    frames.add(partial.toString());
                                    partial.setLength(0);
                                }
                                ws.request(1);
                                return null;
                            }
                        })
                .join();
        try {
            socket.sendText(
                            "{\"type\":\"session.start\",\"data\":{\"context\":{\"preferences\":{\"speech_to_text\":\""
                                    + stt + "\",\"text_to_speech\":\"" + tts + "\"}}}}",
                            true)
                    .join();
            expect(frames, "session.ready");
            socket.sendText(
                            "{\"type\":\"audio.input\",\"data\":{\"audio\":\"" + audio
                                    + "\",\"format\":\"pcm16\",\"sample_rate\":16000,\"end_of_utterance\":true}}",
                            true)
                    .join();
            long end = System.nanoTime();
            String transcription = expect(frames, "transcription");
            double heard = Bench.seconds(end);
            Matcher text = Pattern.compile("\"text\":\"([^\"]*)\"").matcher(transcription);
            Bench.progress("%s heard \"%s\"", stt, text.find() ? text.group(1) : "?");
            expect(frames, "agent.response");
            double answered = Bench.seconds(end);
            expect(frames, "audio.output");
            return new double[] {heard, answered, Bench.seconds(end)};
        } finally {
            socket.abort();
        }
    }

    private static String expect(LinkedBlockingQueue<String> frames, String type) throws InterruptedException {
        String frame = frames.poll(120, TimeUnit.SECONDS);
        if (frame == null || !frame.contains("\"type\":\"" + type + "\"")) {
            throw new IllegalStateException("Expected " + type + " but got " + frame);
        }
        return frame;
    }

    private static double median(List<double[]> samples, int index) {
        double[] values = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    private static byte[] spoken(String text) throws Exception {
        Path in = Files.createTempFile("question", ".txt");
        Path out = Files.createTempFile("question", ".wav");
        try {
            Files.writeString(in, text);
            Process p = new ProcessBuilder(
                            "text2wave",
                            "-eval",
                            "(voice_cmu_us_slt_arctic_hts)",
                            "-F",
                            "16000",
                            "-o",
                            out.toString(),
                            in.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("text2wave failed: install festival and festvox-us-slt-hts");
            }
            byte[] wav = Files.readAllBytes(out);
            return Arrays.copyOfRange(wav, 44, wav.length);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
