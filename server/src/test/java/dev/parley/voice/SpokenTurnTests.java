package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * End to end with the local engines (Debian's pocketsphinx and Festival with the slt HTS voice, which CI installs):
 * Festival speaks a question, the socket hears it through pocketsphinx, the assistant searches the demo store's
 * catalogue and answers, and Festival speaks the answer back.
 */
@ApiTest
class SpokenTurnTests {

    static final String QUESTION = "do you have running shoes in size ten";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Test
    void hearsASpokenQuestionAnswersItAndSpeaksTheAnswer() throws Exception {
        // given: the question as Festival's slt voice says it, 16 kHz mono pcm16
        byte[] pcm = spoken(QUESTION);
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"))
                        .status())
                .isEqualTo(200);
        JsonNode session = api.post("/v1/sessions", Map.of()).json();
        String sessionId = session.path("session_id").asString();

        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.start(Map.of());
            JsonNode ready = client.next("session.ready");
            assertThat(ready.path("speech_to_text").asString()).isEqualTo("pocketsphinx");
            assertThat(ready.path("text_to_speech").asString()).isEqualTo("festival");

            // when: streamed in 200 ms chunks, as a microphone would, followed by a pause
            byte[] withPause = Arrays.copyOf(pcm, pcm.length + 32_000);
            for (int at = 0; at < withPause.length; at += 6400) {
                client.audio(Arrays.copyOfRange(withPause, at, Math.min(withPause.length, at + 6400)), false);
            }

            // then
            JsonNode heard = client.next("transcription");
            String text = heard.path("text").asString();
            double wer = wordErrorRate(QUESTION, text);
            System.out.printf("voice e2e: heard \"%s\", WER %.3f%n", text, wer);
            assertThat(text).contains("running shoes");
            assertThat(wer).isLessThanOrEqualTo(0.25);
            assertThat(heard.path("confidence").asDouble()).isBetween(0.0, 1.0);
            JsonNode answer = client.next("agent.response");
            assertThat(answer.path("text").asString()).isNotBlank();
            JsonNode spoken = client.next("audio.output");
            byte[] wav = Base64.getDecoder().decode(spoken.path("audio").asString());
            VoiceSocketTests.assertWavOfDuration(
                    wav, 16_000, spoken.path("duration_ms").asLong());

            JsonNode stored = api.get("/v1/sessions/" + sessionId).json().path("messages");
            assertThat(stored.get(0).path("content").asString()).isEqualTo(text);
            assertThat(answer.path("tools_used")).isEqualTo(stored.get(1).path("tools_used"));
            assertThat(answer.path("tools_used").valueStream().map(JsonNode::asString))
                    .as("the demo store's catalogue was searched")
                    .contains("search_products");
        }
    }

    /** Festival's text2wave, run here independently of the server's engine class. */
    static byte[] spoken(String text) throws Exception {
        Path in = Files.createTempFile("question", ".txt");
        Path out = Files.createTempFile("question", ".wav");
        try {
            Files.writeString(in, text);
            Process p = new ProcessBuilder(List.of(
                            "text2wave",
                            "-eval",
                            "(voice_cmu_us_slt_arctic_hts)",
                            "-F",
                            "16000",
                            "-o",
                            out.toString(),
                            in.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            byte[] wav = Files.readAllBytes(out);
            return Arrays.copyOfRange(wav, 44, wav.length);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /** Word error rate: word-level edit distance over the reference's length. */
    static double wordErrorRate(String reference, String hypothesis) {
        String[] r = reference.toLowerCase().split("\\s+");
        String[] h =
                hypothesis.isBlank() ? new String[0] : hypothesis.toLowerCase().split("\\s+");
        int[][] d = new int[r.length + 1][h.length + 1];
        for (int i = 0; i <= r.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= h.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= r.length; i++) {
            for (int j = 1; j <= h.length; j++) {
                int substitution = d[i - 1][j - 1] + (r[i - 1].equals(h[j - 1]) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return (double) d[r.length][h.length] / r.length;
    }
}
