package dev.parley.voice.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's voice defaults: {@code GET/PUT /v1/voice/settings}. An engine must be one this node can run; the
 * response lists the node's engines, so a console can offer them.
 */
@RestController
class VoiceSettingsController {

    private final VoiceSettingsRows voiceSettingsRows;
    private final Engines engines;
    private final Clock clock;

    VoiceSettingsController(VoiceSettingsRows voiceSettingsRows, Engines engines, Clock clock) {
        this.voiceSettingsRows = voiceSettingsRows;
        this.engines = engines;
        this.clock = clock;
    }

    record VoiceSettingsRequest(String speechToText, String textToSpeech, String audioFormat) {}

    record Available(List<String> speechToText, List<String> textToSpeech, List<String> audioFormat) {}

    record VoiceSettingsResponse(
            String speechToText, String textToSpeech, String audioFormat, Available available, Instant updatedAt) {}

    @GetMapping("/v1/voice/settings")
    @RequiresScope(Scope.SETTINGS_READ)
    VoiceSettingsResponse get(Caller caller) {
        return response(voiceSettingsRows.find(caller.workspaceId()).orElse(VoiceSettings.DEFAULTS));
    }

    /**
     * Replaces the settings; an absent engine means the node's first available one. One set per workspace, so a test
     * key may not change them.
     */
    @PutMapping("/v1/voice/settings")
    @RequiresScope(Scope.SETTINGS_WRITE)
    VoiceSettingsResponse put(Caller caller, @RequestBody VoiceSettingsRequest request) {
        caller.requireLiveMode();
        String stt = blankToNull(request.speechToText());
        String tts = blankToNull(request.textToSpeech());
        String format = blankToNull(request.audioFormat());
        if (stt != null && engines.recogniser(stt).isEmpty()) {
            throw unavailable("speech_to_text", stt);
        }
        if (tts != null && engines.voice(tts).isEmpty()) {
            throw unavailable("text_to_speech", tts);
        }
        if (format != null && !VoiceSettings.AUDIO_FORMATS.contains(format)) {
            throw ApiException.invalidField("audio_format", "invalid_value");
        }
        VoiceSettings settings = new VoiceSettings(stt, tts, format == null ? "wav" : format, clock.instant());
        voiceSettingsRows.save(caller.workspaceId(), settings);
        return response(settings);
    }

    private VoiceSettingsResponse response(VoiceSettings s) {
        return new VoiceSettingsResponse(
                s.speechToText(),
                s.textToSpeech(),
                s.audioFormat(),
                new Available(
                        engines.recognisers().stream()
                                .map(dev.parley.voice.SpeechToText::name)
                                .toList(),
                        engines.voices().stream()
                                .map(dev.parley.voice.TextToSpeech::name)
                                .toList(),
                        VoiceSettings.AUDIO_FORMATS),
                s.updatedAt());
    }

    private static ApiException unavailable(String field, String engine) {
        return new ApiException(
                dev.parley.platform.ErrorCode.INVALID_REQUEST,
                "voice.settings.unavailable_engine",
                java.util.Map.of("field", field, "reason", "unavailable_engine", "engine", engine),
                field,
                engine);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
