package dev.parley.voice.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A frame the voice socket sends (seed 004): {@code {"type": ..., "data": {...}}}, the data one of the records
 * below. Their fields are in the order seed 004's examples show them.
 */
record VoiceFrame(String type, Data data) {

    /** What a frame carries. */
    sealed interface Data {}

    /**
     * {@code session.ready}: the engines chosen and, when LiveKit is configured, its room and token ({@code null}
     * otherwise: seed 004 always names them) and its address.
     */
    record Ready(
            String sessionId,
            String conversationId,
            String speechToText,
            String textToSpeech,
            String audioFormat,
            String room,
            String token,
            @JsonInclude(JsonInclude.Include.NON_NULL) String livekitUrl)
            implements Data {}

    /** {@code transcription}: what the customer said; always final (Parley transcribes whole utterances). */
    record Transcription(
            String text,
            Double confidence,
            @JsonProperty("is_final") boolean isFinal) implements Data {}

    /** {@code agent.response}: the assistant's reply as text, before it is spoken. */
    record AgentResponse(String text, String intent, List<String> toolsUsed, String messageId) implements Data {}

    /** {@code audio.output}: the reply spoken, base64-encoded in the session's format. */
    record AudioOutput(String audio, String format, int sampleRate, long durationMs) implements Data {}

    /**
     * {@code error}: the message in the client's language, {@code message_en} beside it only when that is not
     * English, and a machine-readable reason.
     */
    record Error(
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String messageEn,
            Details details) implements Data {}

    record Details(String reason) {}

    static VoiceFrame of(String type, Data data) {
        return new VoiceFrame(type, data);
    }
}
