package dev.parley.voice.internal;

import java.time.Instant;
import java.util.List;

/**
 * A workspace's voice defaults: the engines and output format of its sessions when their preferences name none.
 *
 * @param speechToText an engine name, or {@code null} for the node's first available one
 * @param textToSpeech an engine name, or {@code null} for the node's first available one
 * @param updatedAt {@code null} while the workspace has never set them
 */
record VoiceSettings(String speechToText, String textToSpeech, String audioFormat, Instant updatedAt) {

    static final List<String> SPEECH_TO_TEXT = List.of("pocketsphinx", "sphinx4", "openai");
    static final List<String> TEXT_TO_SPEECH = List.of("festival", "freetts", "openai");
    static final List<String> AUDIO_FORMATS = List.of("wav", "pcm16", "mp3");

    static final VoiceSettings DEFAULTS = new VoiceSettings(null, null, "wav", null);
}
