package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.FakeOpenAiAudioServer;
import dev.parley.support.SeedDocument;
import dev.parley.support.Shapes;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 004's voice socket as its document writes it: the connection URL (block 2) and its wscat example (block 22),
 * the client frames of block 3 (the example session id replaced by the real one), and every server frame of block 4
 * compared by {@link Shapes} with the documented one, in the lifecycle of block 17. Speech is heard and spoken by the
 * OpenAI-compatible engines pointed at {@link FakeOpenAiAudioServer}.
 */
@ApiTest
@Tag("database")
class SeedVoiceConformanceTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Test
    void framesAsSeed004DocumentsThem() {
        FakeOpenAiAudioServer.fresh();
        SeedDocument seed = SeedDocument.read("004");
        Map<String, JsonNode> documented = new HashMap<>();
        for (JsonNode frame : seed.block(4).jsonValues()) {
            documented.put(frame.path("type").asString(), frame);
        }
        List<JsonNode> client = seed.block(3).jsonValues();
        assertThat(seed.block(2).text()).contains("/ws/voice/session?token=");
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());
        // block 18: client.createSession(), then connectVoice(session.token)
        JsonNode session = api.post("/api/sessions", Map.of()).json();
        String sessionId = session.path("session_id").asString();

        try (VoiceClient socket =
                VoiceClient.connectAtSeedPath(port, session.path("token").asString())) {
            ObjectNode start = (ObjectNode) client.get(0).deepCopy();
            ((ObjectNode) start.path("data")).put("session_id", sessionId);
            ((ObjectNode) start.at("/data/context"))
                    .set("preferences", VoiceClient.JSON.valueToTree(VoiceSocketTests.OPENAI));
            socket.sendText(start.toString());
            JsonNode ready = socket.next();
            assertThat(Shapes.differences(
                            documented.get("session.ready"),
                            ready,
                            Map.of(
                                    "/data/room",
                                    "no LiveKit configured here",
                                    "/data/token",
                                    "no LiveKit configured here")))
                    .isEmpty();

            // the error frame: a frame of a type the protocol does not have
            socket.sendText("{\"type\":\"session.pause\"}");
            JsonNode error = socket.next();
            assertThat(Shapes.differences(documented.get("error"), error)).isEmpty();
            assertThat(error.at("/data/code").asString()).isEqualTo("VALIDATION_ERROR");

            // speech: transcription, agent.response, audio.output
            socket.audio(VoiceClient.toneThenSilence(1000, 1000), false);
            for (String type : List.of("transcription", "agent.response", "audio.output")) {
                JsonNode frame = socket.next();
                assertThat(frame.path("type").asString()).as(frame.toString()).isEqualTo(type);
                assertThat(Shapes.differences(
                                documented.get(type),
                                frame,
                                Map.of("/data/confidence", "null from an OpenAI-compatible engine, which gives none")))
                        .as(type)
                        .isEmpty();
            }
            // block 3's audio.input and session.end, verbatim: "base64-encoded-audio" decodes to a few bytes, which
            // session.end finishes as an utterance; whatever comes back before the close is a documented frame
            socket.sendText(client.get(1).toString());
            socket.sendText(client.get(2).toString());
            assertThat(socket.closeCode()).isEqualTo(1000);
            for (JsonNode frame : socket.remaining()) {
                JsonNode expected = documented.get(frame.path("type").asString());
                assertThat(expected).as(frame.toString()).isNotNull();
                assertThat(Shapes.differences(
                                expected,
                                frame,
                                Map.of("/data/confidence", "null from an OpenAI-compatible engine, which gives none")))
                        .as(frame.toString())
                        .isEmpty();
            }
        }

        // block 22: wscat with the token in an Authorization header
        JsonNode another = api.post("/api/sessions", Map.of()).json();
        try (VoiceClient socket = VoiceClient.connectAtSeedPathWithHeader(
                port, another.path("token").asString())) {
            socket.send(Map.of("type", "session.start", "data", Map.of()));
            assertThat(socket.next().path("type").asString()).isEqualTo("session.ready");
        }
    }
}
