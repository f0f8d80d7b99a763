package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.FakeOpenAiAudioServer;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT /v1/voice/settings}: a workspace's engines and output format, validated and used by its sessions. */
@ApiTest
@Tag("database")
class VoiceSettingsTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @BeforeEach
    void setUp() {
        FakeOpenAiAudioServer.fresh();
    }

    @Test
    void startsWithTheNodesDefaultsAndListsItsEngines() {
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());

        JsonNode settings = api.get("/v1/voice/settings").json();

        assertThat(settings.path("speech_to_text").isNull()).isTrue();
        assertThat(settings.path("text_to_speech").isNull()).isTrue();
        assertThat(settings.path("audio_format").asString()).isEqualTo("wav");
        assertThat(settings.at("/available/speech_to_text").toString()).contains("sphinx4", "openai");
        assertThat(settings.at("/available/text_to_speech").toString()).contains("freetts", "openai");
        assertThat(settings.at("/available/audio_format").toString()).contains("mp3");
    }

    @Test
    void refusesEnginesThisServerDoesNotHaveAndUnknownFormats() {
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());

        Api.Response engine = api.send("PUT", "/v1/voice/settings", Map.of("speech_to_text", "dragon"));
        Api.Response voice = api.send("PUT", "/v1/voice/settings", Map.of("text_to_speech", "pocketsphinx"));
        Api.Response format = api.send("PUT", "/v1/voice/settings", Map.of("audio_format", "ogg"));
        Api.Response unknownField = api.send("PUT", "/v1/voice/settings", Map.of("voice", "alloy"));

        assertThat(engine.status()).isEqualTo(400);
        assertThat(engine.json().at("/error/code").asString()).isEqualTo("invalid_request");
        assertThat(engine.json().at("/error/details/reason").asString()).isEqualTo("unavailable_engine");
        assertThat(engine.json().at("/error/message").asString()).contains("dragon");
        assertThat(voice.status()).isEqualTo(400);
        assertThat(voice.json().at("/error/details/field").asString()).isEqualTo("text_to_speech");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().at("/error/details/field").asString()).isEqualTo("audio_format");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(api.get("/v1/voice/settings").json().path("audio_format").asString())
                .isEqualTo("wav");
    }

    @Test
    void aSessionWithoutPreferencesUsesItsWorkspacesSettings() {
        TenancyFixtures.TestWorkspace workspace = fixtures.workspace();
        Api api = Api.at(port).withKey(workspace.liveKey());
        Api.Response saved = api.send(
                "PUT",
                "/v1/voice/settings",
                Map.of("speech_to_text", "openai", "text_to_speech", "openai", "audio_format", "pcm16"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("updated_at").asString()).isNotBlank();
        JsonNode session = api.post("/v1/sessions", Map.of()).json();

        try (VoiceClient client =
                VoiceClient.connect(port, session.path("token").asString())) {
            client.start(Map.of());
            JsonNode ready = client.next("session.ready");
            assertThat(ready.path("speech_to_text").asString()).isEqualTo("openai");
            assertThat(ready.path("text_to_speech").asString()).isEqualTo("openai");
            assertThat(ready.path("audio_format").asString()).isEqualTo("pcm16");

            client.audio(VoiceClient.toneThenSilence(500, 0), true);

            assertThat(client.next("transcription").path("text").asString()).isEqualTo("where is my order");
            client.next("agent.response");
            JsonNode spoken = client.next("audio.output");
            assertThat(spoken.path("format").asString()).isEqualTo("pcm16");
            byte[] pcm = Base64.getDecoder().decode(spoken.path("audio").asString());
            assertThat(new String(pcm, 0, 4)).as("raw samples, no WAV header").isNotEqualTo("RIFF");
        }

        // a session's own preferences still win
        JsonNode other = api.post("/v1/sessions", Map.of()).json();
        try (VoiceClient client = VoiceClient.connect(port, other.path("token").asString())) {
            client.start(Map.of("text_to_speech", "freetts", "audio_format", "wav"));
            JsonNode ready = client.next("session.ready");
            assertThat(ready.path("speech_to_text").asString()).isEqualTo("openai");
            assertThat(ready.path("text_to_speech").asString()).isEqualTo("freetts");
            assertThat(ready.path("audio_format").asString()).isEqualTo("wav");
        }
    }

    @Test
    void anotherWorkspaceNeitherSeesNorChangesTheSettings() {
        TenancyFixtures.TestWorkspace mine = fixtures.workspace();
        TenancyFixtures.TestWorkspace theirs = fixtures.workspace();
        Api me = Api.at(port).withKey(mine.liveKey());
        Api them = Api.at(port).withKey(theirs.liveKey());
        assertThat(me.send("PUT", "/v1/voice/settings", Map.of("audio_format", "mp3"))
                        .status())
                .isEqualTo(200);

        assertThat(them.get("/v1/voice/settings").json().path("audio_format").asString())
                .isEqualTo("wav");
        assertThat(them.send("PUT", "/v1/voice/settings", Map.of("audio_format", "pcm16"))
                        .status())
                .isEqualTo(200);
        assertThat(me.get("/v1/voice/settings").json().path("audio_format").asString())
                .isEqualTo("mp3");
    }

    @Test
    void needsTheSettingsScopes() {
        TenancyFixtures.TestWorkspace workspace = fixtures.workspace();
        Api reader = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.SETTINGS_READ));
        Api nobody = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ));

        assertThat(reader.get("/v1/voice/settings").status()).isEqualTo(200);
        assertThat(reader.send("PUT", "/v1/voice/settings", Map.of("audio_format", "mp3"))
                        .status())
                .isEqualTo(403);
        assertThat(nobody.get("/v1/voice/settings").status()).isEqualTo(403);
    }
}
