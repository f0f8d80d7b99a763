package dev.parley.voice.internal;

import dev.parley.platform.DependencyCheck;
import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.PublicPath;
import dev.parley.voice.SpeechToText;
import dev.parley.voice.TextToSpeech;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The voice socket at {@code /v1/ws/voice/session} and seed 004's {@code /ws/voice/session} (authenticated by the
 * session token in its URL, since browsers cannot set headers on a WebSocket, or in an {@code Authorization: Bearer}
 * header, as seed 004's wscat example sends it), the engines found on this node, and their lines (and LiveKit's) in {@code /health}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class VoiceConfiguration implements WebSocketConfigurer {

    static final String PATH = "/v1/ws/voice/session";
    /** Seed 004's own path for the same socket. */
    static final String SEED_PATH = "/ws/voice/session";

    private final VoiceSocket socket;

    VoiceConfiguration(VoiceSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, PATH, SEED_PATH).setAllowedOriginPatterns("*");
    }

    @Bean
    PublicPath voiceSocketPath() {
        return new PublicPath(PATH);
    }

    @Bean
    PublicPath seedVoiceSocketPath() {
        return new PublicPath(SEED_PATH);
    }

    @Bean
    static Engines voiceEngines(VoiceProperties properties, GuardedFetcher fetcher, JsonMapper json) {
        List<SpeechToText> recognisers = new ArrayList<>();
        List<TextToSpeech> voices = new ArrayList<>();
        if (Processes.installed(properties.pocketsphinx())) {
            recognisers.add(new PocketSphinx(properties.pocketsphinx(), properties.processTimeout()));
        }
        if (properties.sphinx4()) {
            recognisers.add(new Sphinx4());
        }
        if (Processes.installed(properties.text2wave())) {
            voices.add(new Festival(properties.text2wave(), properties.festivalVoice(), properties.processTimeout()));
        }
        if (properties.freetts()) {
            voices.add(new FreeTts());
        }
        if (properties.openai().configured()) {
            OpenAiAudio openai = new OpenAiAudio(properties.openai(), fetcher, json);
            recognisers.add(openai.transcription());
            voices.add(openai.speech());
        }
        return new Engines(List.copyOf(recognisers), List.copyOf(voices));
    }

    @Bean
    static DependencyCheck speechToTextCheck(Engines engines) {
        return engineCheck(
                "speech_to_text",
                engines.recognisers().stream().map(SpeechToText::name).toList());
    }

    @Bean
    static DependencyCheck textToSpeechCheck(Engines engines) {
        return engineCheck(
                "text_to_speech",
                engines.voices().stream().map(TextToSpeech::name).toList());
    }

    /**
     * Seed 004's {@code checks.livekit}: Parley only signs LiveKit tokens and never calls the server, so it is
     * {@code not_configured} without one and {@code unchecked} with one, never a {@code healthy} nobody checked.
     */
    @Bean
    static DependencyCheck livekitCheck(VoiceProperties properties) {
        DependencyCheck.Status status = properties.livekit().configured()
                ? DependencyCheck.Status.UNCHECKED
                : DependencyCheck.Status.NOT_CONFIGURED;
        return new DependencyCheck() {
            @Override
            public String name() {
                return "livekit";
            }

            @Override
            public Status check() {
                return status;
            }

            @Override
            public boolean critical() {
                return false;
            }
        };
    }

    /** {@code speech_to_text.pocketsphinx+openai: healthy}, or {@code speech_to_text.none: degraded}. */
    private static DependencyCheck engineCheck(String kind, List<String> active) {
        String name = kind + "." + (active.isEmpty() ? "none" : String.join("+", active));
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Status check() {
                return active.isEmpty() ? Status.DEGRADED : Status.HEALTHY;
            }

            @Override
            public boolean critical() {
                return false;
            }
        };
    }
}
