package dev.parley.voice.internal;

import dev.parley.conversation.VoiceConversations;
import dev.parley.conversation.VoiceConversations.VoiceReply;
import dev.parley.conversation.VoiceConversations.VoiceSession;
import dev.parley.platform.ApiException;
import dev.parley.voice.SpeechException;
import dev.parley.voice.SpeechToText;
import dev.parley.voice.TextToSpeech;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 004's voice socket. The session token opens it; {@code session.start} answers {@code session.ready};
 * {@code audio.input} streams speech, cut into utterances by pauses (or by the client's {@code end_of_utterance});
 * each utterance is transcribed, answered by the assistant and spoken back, one at a time and in order. Every
 * client mistake is an {@code error} frame and the socket stays open; only a bad token closes it at once.
 */
@Component
class VoiceSocket extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(VoiceSocket.class);
    static final CloseStatus UNAUTHORIZED = CloseStatus.POLICY_VIOLATION.withReason("unauthorized");
    static final CloseStatus IDLE = CloseStatus.NORMAL.withReason("idle timeout");

    private final VoiceConversations conversations;
    private final Engines engines;
    private final VoiceProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("voice-idle").daemon().factory());

    VoiceSocket(
            VoiceConversations conversations,
            Engines engines,
            VoiceProperties properties,
            JsonMapper json,
            Clock clock) {
        this.conversations = conversations;
        this.engines = engines;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        sweeper.scheduleWithFixedDelay(this::closeIdle, 1, 1, TimeUnit.SECONDS);
    }

    /** One open socket: its session, its audio and the queue its turns run on. */
    private final class Call {
        final WebSocketSession socket;
        final VoiceSession session;
        final Utterances utterances =
                new Utterances(properties.energyThreshold(), properties.silence(), properties.maxUtterance());
        final ExecutorService turns = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("voice-turn").factory());
        final StringBuilder frame = new StringBuilder();
        boolean frameTooLarge;
        boolean started;
        boolean ending;
        SpeechToText recogniser;
        TextToSpeech voice;
        String outputFormat = "wav";
        volatile Instant lastActive;
        final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

        Call(WebSocketSession socket, VoiceSession session) {
            this.socket = socket;
            this.session = session;
            this.lastActive = clock.instant();
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, 30_000, 32 * 1024 * 1024);
        String token = raw.getUri() == null
                ? null
                : UriComponentsBuilder.fromUri(raw.getUri())
                        .build()
                        .getQueryParams()
                        .getFirst("token");
        Optional<VoiceSession> session = conversations.session(token);
        if (session.isEmpty()) {
            send(socket, error("UNAUTHORIZED", "Invalid, expired or missing session token", null));
            socket.close(UNAUTHORIZED);
            return;
        }
        calls.put(raw.getId(), new Call(socket, session.get()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        Call call = calls.get(raw.getId());
        if (call == null) {
            return;
        }
        call.lastActive = clock.instant();
        if (!call.frameTooLarge) {
            if (call.frame.length() + message.getPayloadLength() > properties.maxFrameChars()) {
                call.frameTooLarge = true;
                call.frame.setLength(0);
                call.frame.trimToSize();
            } else {
                call.frame.append(message.getPayload());
            }
        }
        if (!message.isLast()) {
            return;
        }
        if (call.frameTooLarge) {
            call.frameTooLarge = false;
            send(call.socket, error("VALIDATION_ERROR", "Frame too large", Map.of("reason", "frame_too_large")));
            return;
        }
        String text = call.frame.toString();
        call.frame.setLength(0);
        if (call.frame.capacity() > 64 * 1024) {
            call.frame.trimToSize();
        }
        try {
            handle(call, text);
        } catch (ClientMistake mistake) {
            send(call.socket, error(mistake.code, mistake.getMessage(), mistake.details));
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession raw, BinaryMessage message) {
        Call call = calls.get(raw.getId());
        if (call != null && message.isLast()) {
            send(
                    call.socket,
                    error(
                            "VALIDATION_ERROR",
                            "Send audio as base64 in audio.input text frames",
                            Map.of("reason", "binary_frame")));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Call call = calls.remove(raw.getId());
        if (call != null) {
            call.turns.shutdownNow();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession raw, Throwable exception) {
        log.debug("voice socket {} failed: {}", raw.getId(), exception.toString());
    }

    /** A client mistake, answered with an error frame; the socket stays open. */
    private static final class ClientMistake extends RuntimeException {
        final String code;
        final Map<String, Object> details;

        ClientMistake(String code, String message, String reason) {
            super(message);
            this.code = code;
            this.details = Map.of("reason", reason);
        }
    }

    private static ClientMistake invalid(String message, String reason) {
        return new ClientMistake("VALIDATION_ERROR", message, reason);
    }

    private void handle(Call call, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (RuntimeException e) {
            throw invalid("The frame is not JSON", "malformed_json");
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isString()) {
            throw invalid("A frame is a JSON object with a type", "missing_type");
        }
        if (call.ending) {
            throw invalid("The session is ending", "session_ending");
        }
        JsonNode data = frame.path("data");
        switch (frame.path("type").asString()) {
            case "session.start" -> start(call, data);
            case "audio.input" -> audio(call, data);
            case "session.end" -> end(call);
            default -> throw invalid("Unknown message type", "unknown_type");
        }
    }

    private void start(Call call, JsonNode data) {
        if (call.started) {
            throw invalid("The session has started already", "already_started");
        }
        String sessionId = text(data, "session_id");
        if (sessionId != null && !sessionId.equals(call.session.sessionId())) {
            throw invalid("session_id is not this token's session", "session_mismatch");
        }
        JsonNode preferences = data.path("context").path("preferences");
        String stt = text(preferences, "speech_to_text");
        String tts = text(preferences, "text_to_speech");
        String format = Optional.ofNullable(text(preferences, "audio_format")).orElse("wav");
        if (!format.equals("wav") && !format.equals("pcm16")) {
            throw invalid("audio_format is wav or pcm16", "unsupported_output_format");
        }
        SpeechToText recogniser = engines.recogniser(stt)
                .orElseThrow(() -> stt == null
                        ? new ClientMistake(
                                "AUDIO_PROCESSING_ERROR", "No speech-to-text engine is available", "no_speech_to_text")
                        : invalid("Unknown or unavailable speech_to_text engine", "unknown_engine"));
        TextToSpeech voice = engines.voice(tts).orElse(null);
        if (tts != null && voice == null) {
            throw invalid("Unknown or unavailable text_to_speech engine", "unknown_engine");
        }
        call.recogniser = recogniser;
        call.voice = voice;
        call.outputFormat = format;
        call.started = true;
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("session_id", call.session.sessionId());
        ready.put("conversation_id", call.session.conversationId());
        ready.put("speech_to_text", recogniser.name());
        ready.put("text_to_speech", voice == null ? null : voice.name());
        ready.put("audio_format", format);
        VoiceProperties.LiveKit livekit = properties.livekit();
        if (livekit.configured()) {
            String room = "parley-" + call.session.sessionId();
            ready.put("room", room);
            ready.put(
                    "token",
                    new LiveKitTokens(livekit.apiKey(), livekit.apiSecret(), livekit.tokenTtl(), json)
                            .token("customer-" + call.session.sessionId(), room, clock.instant()));
            ready.put("livekit_url", livekit.url());
        }
        send(call.socket, message("session.ready", ready));
    }

    private void audio(Call call, JsonNode data) {
        if (!call.started) {
            throw invalid("Send session.start first", "session_not_started");
        }
        byte[] pcm = samples(data);
        Utterances.Outcome outcome = call.utterances.feed(pcm);
        if (outcome.overflowed()) {
            send(
                    call.socket,
                    error(
                            "AUDIO_PROCESSING_ERROR",
                            "The utterance is longer than "
                                    + properties.maxUtterance().toSeconds() + " seconds; it was dropped",
                            Map.of("reason", "audio_too_long")));
        }
        outcome.utterances().forEach(u -> submit(call, u));
        if (data.path("end_of_utterance").asBoolean(false)) {
            byte[] rest = call.utterances.flush().orElse(null);
            if (rest == null && outcome.utterances().isEmpty()) {
                throw new ClientMistake("AUDIO_PROCESSING_ERROR", "No speech was heard", "no_speech");
            }
            if (rest != null) {
                submit(call, rest);
            }
        }
    }

    /** 16 kHz mono pcm16 from {@code audio.input}: raw pcm16, or a WAV file of it. */
    private static byte[] samples(JsonNode data) {
        String encoded = text(data, "audio");
        if (encoded == null) {
            throw invalid("audio is required", "audio_required");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw invalid("audio is not base64", "invalid_base64");
        }
        String format = Optional.ofNullable(text(data, "format")).orElse("pcm16");
        JsonNode rate = data.path("sample_rate");
        if (!rate.isMissingNode() && !rate.isNull() && (!rate.isNumber() || rate.asInt() != Utterances.SAMPLE_RATE)) {
            throw invalid("sample_rate must be 16000", "unsupported_sample_rate");
        }
        switch (format) {
            case "pcm16" -> {
                if (bytes.length % 2 != 0) {
                    throw invalid("pcm16 audio has an even number of bytes", "invalid_pcm16");
                }
                return bytes;
            }
            case "wav" -> {
                Wav.Audio wav;
                try {
                    wav = Wav.read(bytes);
                } catch (IllegalArgumentException e) {
                    throw invalid("audio is not a pcm WAV file", "invalid_wav");
                }
                if (wav.sampleRate() != Utterances.SAMPLE_RATE || wav.channels() != 1 || wav.bitsPerSample() != 16) {
                    throw invalid("WAV audio must be 16 kHz mono 16-bit pcm", "unsupported_sample_rate");
                }
                byte[] pcm = wav.pcm();
                return pcm.length % 2 == 0 ? pcm : java.util.Arrays.copyOf(pcm, pcm.length - 1);
            }
            default -> throw invalid("format is pcm16 or wav", "unsupported_format");
        }
    }

    private void end(Call call) {
        call.ending = true;
        call.utterances.flush().ifPresent(u -> submit(call, u));
        call.busy.incrementAndGet();
        call.turns.execute(() -> {
            try {
                call.socket.close(CloseStatus.NORMAL);
            } catch (IOException ignored) {
                // Closed already.
            }
        });
    }

    private void submit(Call call, byte[] utterance) {
        call.busy.incrementAndGet();
        call.turns.execute(() -> {
            try {
                turn(call, utterance);
            } catch (RuntimeException e) {
                log.warn("voice turn failed in session {}", call.session.sessionId(), e);
                send(call.socket, error("INTERNAL_ERROR", "The turn failed", null));
            } finally {
                call.lastActive = clock.instant();
                call.busy.decrementAndGet();
            }
        });
    }

    private void turn(Call call, byte[] utterance) {
        SpeechToText.Transcript transcript;
        try {
            transcript = call.recogniser.transcribe(utterance);
        } catch (SpeechException e) {
            log.warn("speech to text failed: {}", e.getMessage());
            send(
                    call.socket,
                    error(
                            "AUDIO_PROCESSING_ERROR",
                            "Failed to process audio input",
                            Map.of("reason", "speech_to_text_failed")));
            return;
        }
        if (transcript.text().isBlank()) {
            send(
                    call.socket,
                    error("AUDIO_PROCESSING_ERROR", "No words were recognised", Map.of("reason", "no_speech")));
            return;
        }
        Map<String, Object> heard = new LinkedHashMap<>();
        heard.put("text", transcript.text());
        heard.put("confidence", transcript.confidence());
        heard.put("is_final", true);
        send(call.socket, message("transcription", heard));
        VoiceReply reply;
        try {
            reply = conversations.say(call.session, transcript.text());
        } catch (ApiException e) {
            send(
                    call.socket,
                    error(
                            "VALIDATION_ERROR",
                            "The conversation refused the message",
                            Map.of("reason", e.code().name().toLowerCase(java.util.Locale.ROOT))));
            return;
        }
        if (!reply.answered()) {
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("text", reply.text());
        answer.put("intent", reply.intent());
        answer.put("tools_used", reply.toolsUsed());
        answer.put("message_id", reply.messageId());
        send(call.socket, message("agent.response", answer));
        speak(call, reply.text());
    }

    private void speak(Call call, String text) {
        if (call.voice == null) {
            send(
                    call.socket,
                    error(
                            "AUDIO_PROCESSING_ERROR",
                            "No text-to-speech engine is available",
                            Map.of("reason", "no_text_to_speech")));
            return;
        }
        Wav.Audio audio;
        byte[] file;
        try {
            file = call.voice.synthesize(text);
            audio = Wav.read(file);
        } catch (SpeechException | IllegalArgumentException e) {
            log.warn("text to speech failed: {}", e.getMessage());
            send(
                    call.socket,
                    error(
                            "AUDIO_PROCESSING_ERROR",
                            "Failed to synthesise the answer",
                            Map.of("reason", "text_to_speech_failed")));
            return;
        }
        boolean wav = call.outputFormat.equals("wav");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "audio",
                Base64.getEncoder().encodeToString(wav ? Wav.write(audio.pcm(), audio.sampleRate()) : audio.pcm()));
        out.put("format", call.outputFormat);
        out.put("sample_rate", audio.sampleRate());
        out.put("duration_ms", audio.durationMs());
        send(call.socket, message("audio.output", out));
    }

    private void closeIdle() {
        Instant now = clock.instant();
        calls.values().forEach(call -> {
            if (call.busy.get() == 0
                    && call.lastActive.plus(properties.idleTimeout()).isBefore(now)) {
                send(call.socket, error("SESSION_TIMEOUT", "No message for too long; the session is closed", null));
                try {
                    call.socket.close(IDLE);
                } catch (IOException | RuntimeException ignored) {
                    // Closed already.
                }
                calls.remove(call.socket.getId());
            }
        });
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        calls.values().forEach(call -> call.turns.shutdownNow());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static Map<String, Object> message(String type, Map<String, Object> data) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("data", data);
        return frame;
    }

    private static Map<String, Object> error(String code, String message, Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("message", message);
        if (details != null) {
            data.put("details", details);
        }
        return message("error", data);
    }

    private void send(WebSocketSession socket, Map<String, Object> frame) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | RuntimeException e) {
            log.debug("voice frame not sent: {}", e.toString());
        }
    }
}
