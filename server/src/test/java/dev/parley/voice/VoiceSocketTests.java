package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.FakeOpenAiAudioServer;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Seed 004's voice socket with the OpenAI-compatible engines, against a fake audio API on loopback (the real
 * client code, through the guarded fetcher): the protocol, the assistant's turn, and every client mistake answered
 * with an error frame on a socket that stays usable.
 */
@ApiTest
@Tag("database")
class VoiceSocketTests {

    static final Map<String, Object> OPENAI = Map.of("speech_to_text", "openai", "text_to_speech", "openai");

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    Api api;
    FakeOpenAiAudioServer audio;

    @BeforeEach
    void setUp() {
        api = Api.at(port).withKey(fixtures.workspace().liveKey());
        audio = FakeOpenAiAudioServer.fresh();
    }

    @AfterEach
    void tearDown() {
        TestClock.shared().resume();
    }

    private JsonNode session() {
        Api.Response created = api.post("/v1/sessions", Map.of("user_id", "caller-1"));
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    @Test
    void answersSpeechWithTranscriptionTheAssistantsReplyAndAudio() throws Exception {
        // given
        JsonNode session = session();
        String sessionId = session.path("session_id").asString();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.send(Map.of(
                    "type",
                    "session.start",
                    "data",
                    Map.of("session_id", sessionId, "context", Map.of("preferences", OPENAI))));
            JsonNode ready = client.next("session.ready");
            assertThat(ready.path("session_id").asString()).isEqualTo(sessionId);
            assertThat(ready.path("speech_to_text").asString()).isEqualTo("openai");
            // seed 004's fields are all there; without LiveKit configured, the room and its token are null
            assertThat(ready.has("room")).isTrue();
            assertThat(ready.path("room").isNull()).as("no LiveKit configured").isTrue();
            assertThat(ready.has("token")).isTrue();
            assertThat(ready.path("token").isNull()).isTrue();

            // when: a second of "speech", then a pause that ends the utterance
            client.audio(VoiceClient.toneThenSilence(1000, 1000), false);

            // then
            JsonNode heard = client.next("transcription");
            assertThat(heard.path("text").asString()).isEqualTo("where is my order");
            assertThat(heard.path("is_final").asBoolean()).isTrue();
            JsonNode answer = client.next("agent.response");
            assertThat(answer.path("text").asString()).isNotBlank();
            assertThat(answer.path("intent").asString()).isNotBlank();
            JsonNode spoken = client.next("audio.output");
            assertThat(spoken.path("format").asString()).isEqualTo("wav");
            byte[] wav = Base64.getDecoder().decode(spoken.path("audio").asString());
            assertWavOfDuration(wav, 24_000, spoken.path("duration_ms").asLong());

            FakeOpenAiAudioServer.Request transcription = audio.requests().getFirst();
            assertThat(transcription.path()).isEqualTo("/v1/audio/transcriptions");
            assertThat(transcription.authorization()).isEqualTo("Bearer " + FakeOpenAiAudioServer.API_KEY);
            FakeOpenAiAudioServer.Request speech = audio.requests().get(1);
            JsonNode speechRequest = VoiceClient.JSON.readTree(speech.body());
            assertThat(speechRequest.path("input").asString())
                    .isEqualTo(answer.path("text").asString());
            assertThat(speechRequest.path("response_format").asString()).isEqualTo("wav");

            // the turn is stored in the session's conversation, with the tools the socket reported
            JsonNode stored = api.get("/v1/sessions/" + sessionId).json().path("messages");
            assertThat(stored.valueStream().map(m -> m.path("content").asString()))
                    .containsExactly("where is my order", answer.path("text").asString());
            assertThat(answer.path("tools_used")).isEqualTo(stored.get(1).path("tools_used"));

            client.send(Map.of("type", "session.end"));
            assertThat(client.closeCode()).isEqualTo(1000);
        }
        // and session analytics count the voice turn, in this workspace only
        JsonNode report = eventually(
                () -> api.get("/v1/analytics/sessions/" + sessionId),
                r -> r.at("/metrics/messages_count").asLong() == 2);
        assertThat(report.path("intents").valueStream().map(JsonNode::asString)).isNotEmpty();
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(other.get("/v1/analytics/sessions/" + sessionId).status()).isEqualTo(404);
        assertThat(other.get("/v1/sessions/" + sessionId).status()).isEqualTo(404);
    }

    @Test
    void speaksPcm16WhenAskedAndEndsAnUtteranceWhenTheClientSaysSo() {
        JsonNode session = session();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.start(Map.of("speech_to_text", "openai", "text_to_speech", "openai", "audio_format", "pcm16"));
            client.next("session.ready");

            client.audio(VoiceClient.toneThenSilence(600, 0), true);

            client.next("transcription");
            client.next("agent.response");
            JsonNode spoken = client.next("audio.output");
            assertThat(spoken.path("format").asString()).isEqualTo("pcm16");
            byte[] pcm = Base64.getDecoder().decode(spoken.path("audio").asString());
            assertThat(pcm.length * 1000L / (spoken.path("sample_rate").asLong() * 2))
                    .isEqualTo(spoken.path("duration_ms").asLong());
            assertThat(spoken.path("duration_ms").asLong()).isPositive();
        }
    }

    @Test
    void servesSeed004sOwnPathWithTheTokenInTheQueryOrAnAuthorizationHeader() {
        JsonNode inHeader = session();
        try (VoiceClient client = VoiceClient.connectAtSeedPathWithHeader(
                port, inHeader.path("token").asString())) {
            client.send(Map.of(
                    "type",
                    "session.start",
                    "data",
                    Map.of(
                            "session_id",
                            inHeader.path("session_id").asString(),
                            "context",
                            Map.of("preferences", OPENAI))));
            JsonNode ready = client.next("session.ready");
            assertThat(ready.path("session_id").asString())
                    .isEqualTo(inHeader.path("session_id").asString());
            assertThat(ready.has("room")).isTrue();
            assertThat(ready.has("token")).isTrue();
            client.send(Map.of("type", "session.end"));
            assertThat(client.closeCode()).isEqualTo(1000);
        }
        JsonNode inQuery = session();
        try (VoiceClient client =
                VoiceClient.connectAtSeedPath(port, inQuery.path("token").asString())) {
            client.send(Map.of("type", "session.start", "data", Map.of("context", Map.of("preferences", OPENAI))));
            assertThat(client.next("session.ready").path("session_id").asString())
                    .isEqualTo(inQuery.path("session_id").asString());
            client.send(Map.of("type", "session.end"));
            assertThat(client.closeCode()).isEqualTo(1000);
        }
        try (VoiceClient client = VoiceClient.connectAtSeedPathWithHeader(port, "st_not-a-real-token")) {
            assertThat(client.next("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void refusesAWrongOrMissingTokenWithAnErrorAndCloses() {
        try (VoiceClient client = VoiceClient.connect(port, "st_not-a-real-token")) {
            assertThat(client.next("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
        try (VoiceClient client = VoiceClient.connect(port, null)) {
            assertThat(client.next("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void refusesAnExpiredOrEndedSessionsToken() {
        JsonNode ended = session();
        assertThat(api.delete("/v1/sessions/" + ended.path("session_id").asString())
                        .status())
                .isEqualTo(200);
        try (VoiceClient client = VoiceClient.connect(port, ended.path("token").asString())) {
            assertThat(client.next("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
        JsonNode expiring = session();
        TestClock.shared().freeze();
        TestClock.shared().advance(Duration.ofHours(2));
        try (VoiceClient client =
                VoiceClient.connect(port, expiring.path("token").asString())) {
            assertThat(client.next("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void answersEveryMistakeWithAnErrorFrameAndKeepsTheSocket() {
        JsonNode session = session();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.audio(new byte[320], false);
            assertReason(client, "VALIDATION_ERROR", "session_not_started");
            client.sendText("{not json");
            assertReason(client, "VALIDATION_ERROR", "malformed_json");
            client.send(Map.of("type", "dance"));
            assertReason(client, "VALIDATION_ERROR", "unknown_type");
            client.start(Map.of("speech_to_text", "no-such-engine"));
            assertReason(client, "VALIDATION_ERROR", "unknown_engine");
            client.start(Map.of("speech_to_text", "openai", "audio_format", "ogg"));
            assertReason(client, "VALIDATION_ERROR", "unsupported_output_format");
            client.start(OPENAI);
            client.next("session.ready");
            client.start(OPENAI);
            assertReason(client, "VALIDATION_ERROR", "already_started");

            client.send(audioFrame("%%% not base64 %%%", "pcm16", 16000));
            assertReason(client, "VALIDATION_ERROR", "invalid_base64");
            // a lenient (MIME) decoder would skip the spaces and the "!" and hear 10 bytes of audio
            client.send(audioFrame("not base64 at all!", "pcm16", 16000));
            assertReason(client, "VALIDATION_ERROR", "invalid_base64");
            client.send(audioFrame("AAAA\r\nAAAA", "pcm16", 16000));
            assertReason(client, "VALIDATION_ERROR", "invalid_base64");
            client.send(audioFrame(Base64.getEncoder().encodeToString(new byte[640]), "pcm16", 44100));
            assertReason(client, "VALIDATION_ERROR", "unsupported_sample_rate");
            client.send(audioFrame(Base64.getEncoder().encodeToString(new byte[640]), "mp3", 16000));
            assertReason(client, "VALIDATION_ERROR", "unsupported_format");
            client.send(audioFrame(
                    Base64.getEncoder().encodeToString(FakeOpenAiAudioServer.wav(new byte[640], 8000)), "wav", null));
            assertReason(client, "VALIDATION_ERROR", "unsupported_sample_rate");
            client.send(audioFrame(Base64.getEncoder().encodeToString("RIFF....".getBytes()), "wav", null));
            assertReason(client, "VALIDATION_ERROR", "invalid_wav");
            client.sendBinary(new byte[] {1, 2, 3});
            assertReason(client, "VALIDATION_ERROR", "binary_frame");

            // silence only: nothing is buffered, and ending the utterance finds no speech
            client.audio(new byte[32_000 * 3], true);
            assertReason(client, "AUDIO_PROCESSING_ERROR", "no_speech");

            // far more speech than one utterance may hold (20 s in the tests): dropped, the socket kept
            byte[] tenSeconds = VoiceClient.toneThenSilence(10_000, 0);
            for (int i = 0; i < 3; i++) {
                client.audio(tenSeconds, false);
            }
            assertReason(client, "AUDIO_PROCESSING_ERROR", "audio_too_long");
            client.audio(new byte[32_000], false);

            // a recogniser that fails is an error frame too
            audio.answerTranscriptionsWith(500);
            client.audio(VoiceClient.toneThenSilence(500, 0), true);
            assertReason(client, "AUDIO_PROCESSING_ERROR", "speech_to_text_failed");

            // and the socket still works
            audio.answerTranscriptionsWith(200);
            client.audio(VoiceClient.toneThenSilence(500, 800), false);
            assertThat(client.next("transcription").path("text").asString()).isEqualTo("where is my order");
            client.next("agent.response");
            client.next("audio.output");
        }
        assertThat(api.get("/health").json().at("/checks").toString()).contains("speech_to_text.");
    }

    @Test
    void closesASessionTheClientLeftIdle() {
        JsonNode session = session();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.start(OPENAI);
            client.next("session.ready");
            TestClock.shared().freeze();

            TestClock.shared().advance(Duration.ofMinutes(3));

            assertThat(client.next("error").path("code").asString()).isEqualTo("SESSION_TIMEOUT");
            assertThat(client.closeCode()).isEqualTo(1000);
        }
    }

    @Test
    void reportsTheActiveEnginesInHealth() {
        JsonNode checks = api.get("/health").json().path("checks");
        List<String> names = checks.propertyNames().stream().toList();
        assertThat(names)
                .anySatisfy(n -> assertThat(n).startsWith("speech_to_text.").contains("sphinx4+openai"));
        assertThat(names)
                .anySatisfy(n -> assertThat(n).startsWith("text_to_speech.").contains("freetts+openai"));
    }

    @Test
    void speaksMp3WithFreeTtsWhenAsked() {
        JsonNode session = session();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.start(Map.of("speech_to_text", "openai", "text_to_speech", "freetts", "audio_format", "mp3"));
            JsonNode ready = client.next("session.ready");
            assertThat(ready.path("text_to_speech").asString()).isEqualTo("freetts");
            assertThat(ready.path("audio_format").asString()).isEqualTo("mp3");

            client.audio(VoiceClient.toneThenSilence(600, 0), true);

            client.next("transcription");
            assertThat(client.next("agent.response").path("text").asString()).isNotBlank();
            JsonNode spoken = client.next("audio.output");
            assertThat(spoken.path("format").asString()).isEqualTo("mp3");
            byte[] mp3 = Base64.getDecoder().decode(spoken.path("audio").asString());
            Mp3Frames frames = Mp3Frames.read(mp3);
            assertThat(frames.sampleRate()).isEqualTo(16_000);
            assertThat(frames.mono()).isTrue();
            long stated = spoken.path("duration_ms").asLong();
            assertThat(stated).isGreaterThan(500);
            // LAME adds its encoder delay and pads the last frame: at most a few 36-ms frames beyond the speech
            assertThat(frames.durationMs()).isBetween(stated, stated + 250);
        }
    }

    @Test
    void refusesMoreThanTheSeedsMessagesPerMinuteAndKeepsTheSocket() {
        JsonNode session = session();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            TestClock.shared().freeze();
            client.start(OPENAI);
            client.next("session.ready");
            // 99 more frames make 100 in this minute: silence, which the server answers with nothing
            for (int i = 0; i < 99; i++) {
                client.audio(new byte[640], false);
            }

            client.audio(new byte[640], false);

            JsonNode refused = client.next("error");
            assertThat(refused.path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(refused.at("/details/reason").asString()).isEqualTo("rate_limited");
            assertThat(refused.path("message").asString()).contains("100");

            // a minute later the socket is heard again
            TestClock.shared().advance(Duration.ofSeconds(61));
            client.audio(VoiceClient.toneThenSilence(500, 0), true);
            assertThat(client.next("transcription").path("text").asString()).isEqualTo("where is my order");
        }
    }

    @Test
    void answersInTheClientsLanguage() {
        try (VoiceClient client = VoiceClient.connect(port, "st_not-a-real-token", "uz-UZ,uz;q=0.9")) {
            JsonNode error = client.next("error");
            assertThat(error.path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(error.path("message").asString()).contains("tokeni");
            assertThat(error.path("message_en").asString()).isEqualTo("Invalid, expired or missing session token.");
        }
        JsonNode session = session();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.send(Map.of("type", "dance"));
            JsonNode english = client.next("error");
            assertThat(english.path("message").asString()).isEqualTo("Unknown message type.");
            assertThat(english.has("message_en")).isFalse();

            client.start(Map.of("speech_to_text", "openai", "language", "uz"));
            client.next("session.ready");
            client.send(audioFrame("%%% not base64 %%%", "pcm16", 16000));
            JsonNode uzbek = client.next("error");
            assertThat(uzbek.at("/details/reason").asString()).isEqualTo("invalid_base64");
            assertThat(uzbek.path("message").asString()).isEqualTo("audio base64 emas.");
            assertThat(uzbek.path("message_en").asString()).isEqualTo("audio is not base64.");
        }
    }

    @Test
    void dropsTenMinutesOfSpeechAndStaysHealthy() {
        JsonNode session = session();
        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.start(OPENAI);
            client.next("session.ready");

            // ten minutes of uninterrupted "speech" in 10-second frames, as a stuck microphone would send it
            byte[] tenSeconds = VoiceClient.toneThenSilence(10_000, 0);
            for (int i = 0; i < 60; i++) {
                client.audio(tenSeconds, false);
            }
            client.audio(new byte[32_000], false);

            assertReason(client, "AUDIO_PROCESSING_ERROR", "audio_too_long");
            // one error for the whole run of speech, then the next utterance is answered as usual
            client.audio(VoiceClient.toneThenSilence(500, 0), true);
            JsonNode next = client.next();
            assertThat(next.path("type").asString()).isEqualTo("transcription");
            client.next("agent.response");
            client.next("audio.output");
        }
        Api.Response health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
    }

    private static Map<String, Object> audioFrame(String audio, String format, Integer rate) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("audio", audio);
        data.put("format", format);
        if (rate != null) {
            data.put("sample_rate", rate);
        }
        return Map.of("type", "audio.input", "data", data);
    }

    private static void assertReason(VoiceClient client, String code, String reason) {
        JsonNode error = client.next("error");
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.at("/details/reason").asString()).isEqualTo(reason);
        assertThat(error.path("message").asString()).isNotBlank();
    }

    static void assertWavOfDuration(byte[] wav, int expectedRate, long durationMs) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(b.getShort(20)).as("pcm").isEqualTo((short) 1);
        assertThat(b.getShort(22)).as("mono").isEqualTo((short) 1);
        int rate = b.getInt(24);
        assertThat(rate).isEqualTo(expectedRate);
        assertThat(b.getShort(34)).as("16-bit").isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4)).isEqualTo("data");
        int dataBytes = b.getInt(40);
        assertThat(dataBytes).isEqualTo(wav.length - 44);
        assertThat(dataBytes * 1000L / (rate * 2L)).isEqualTo(durationMs);
        assertThat(durationMs).isPositive();
    }

    static JsonNode eventually(
            java.util.function.Supplier<Api.Response> call, java.util.function.Predicate<JsonNode> done) {
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            Api.Response response = call.get();
            assertThat(response.status()).isEqualTo(200);
            last = response.json();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("never reached: " + last);
    }
}
