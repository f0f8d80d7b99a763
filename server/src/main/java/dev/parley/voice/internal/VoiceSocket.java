package dev.parley.voice.internal;

import dev.parley.conversation.VoiceConversations;
import dev.parley.conversation.VoiceConversations.VoiceReply;
import dev.parley.conversation.VoiceConversations.VoiceSession;
import dev.parley.platform.ApiException;
import dev.parley.platform.Languages;
import dev.parley.voice.SpeechException;
import dev.parley.voice.SpeechToText;
import dev.parley.voice.TextToSpeech;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;
    private final VoiceSettingsRows settings;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("voice-idle").daemon().factory());

    VoiceSocket(
            VoiceConversations conversations,
            Engines engines,
            VoiceProperties properties,
            JsonMapper json,
            Clock clock,
            MessageSource messages,
            VoiceSettingsRows settings) {
        this.conversations = conversations;
        this.messages = messages;
        this.settings = settings;
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
        Locale locale;
        Instant windowStart;
        int windowMessages;
        volatile Instant lastActive;
        final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

        Call(WebSocketSession socket, VoiceSession session, Locale locale) {
            this.socket = socket;
            this.session = session;
            this.locale = locale;
            this.lastActive = clock.instant();
            this.windowStart = lastActive;
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, 30_000, 32 * 1024 * 1024);
        Optional<VoiceSession> session = conversations.session(token(raw));
        Locale locale = Languages.preferred(raw.getHandshakeHeaders().getFirst("Accept-Language"));
        if (session.isEmpty()) {
            send(socket, error(locale, "UNAUTHORIZED", "unauthorized"));
            socket.close(UNAUTHORIZED);
            return;
        }
        calls.put(raw.getId(), new Call(socket, session.get(), locale));
    }

    /** The session token: in the query ({@code ?token=}), else in an {@code Authorization: Bearer} header. */
    private static String token(WebSocketSession raw) {
        String inQuery = raw.getUri() == null
                ? null
                : UriComponentsBuilder.fromUri(raw.getUri())
                        .build()
                        .getQueryParams()
                        .getFirst("token");
        if (inQuery != null) {
            return inQuery;
        }
        String authorization = raw.getHandshakeHeaders().getFirst("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
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
            send(call.socket, error(call, "VALIDATION_ERROR", "frame_too_large", properties.maxFrameChars()));
            return;
        }
        String text = call.frame.toString();
        call.frame.setLength(0);
        if (call.frame.capacity() > 64 * 1024) {
            call.frame.trimToSize();
        }
        if (!withinRate(call)) {
            send(call.socket, error(call, "RATE_LIMIT_EXCEEDED", "rate_limited", properties.messagesPerMinute()));
            return;
        }
        try {
            handle(call, text);
        } catch (ClientMistake mistake) {
            send(call.socket, error(call, mistake.code, mistake.reason, mistake.args));
        }
    }

    /** Seed 004's limit of messages per minute per socket, counted in fixed one-minute windows. */
    private boolean withinRate(Call call) {
        Instant now = clock.instant();
        if (!now.isBefore(call.windowStart.plusSeconds(60))) {
            call.windowStart = now;
            call.windowMessages = 0;
        }
        return ++call.windowMessages <= properties.messagesPerMinute();
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession raw, BinaryMessage message) {
        Call call = calls.get(raw.getId());
        if (call != null && message.isLast()) {
            send(call.socket, error(call, "VALIDATION_ERROR", "binary_frame"));
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
        final String reason;
        final Object[] args;

        ClientMistake(String code, String reason, Object... args) {
            super(reason, null, false, false);
            this.code = code;
            this.reason = reason;
            this.args = args;
        }
    }

    private static ClientMistake invalid(String reason) {
        return new ClientMistake("VALIDATION_ERROR", reason);
    }

    private void handle(Call call, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (RuntimeException e) {
            throw invalid("malformed_json");
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isString()) {
            throw invalid("missing_type");
        }
        if (call.ending) {
            throw invalid("session_ending");
        }
        JsonNode data = frame.path("data");
        switch (frame.path("type").asString()) {
            case "session.start" -> start(call, data);
            case "audio.input" -> audio(call, data);
            case "session.end" -> end(call);
            default -> throw invalid("unknown_type");
        }
    }

    private void start(Call call, JsonNode data) {
        if (call.started) {
            throw invalid("already_started");
        }
        String sessionId = text(data, "session_id");
        if (sessionId != null && !sessionId.equals(call.session.sessionId())) {
            throw invalid("session_mismatch");
        }
        JsonNode preferences = data.path("context").path("preferences");
        String language = text(preferences, "language");
        if (language != null) {
            call.locale = Languages.preferred(language);
        }
        String stt = text(preferences, "speech_to_text");
        String tts = text(preferences, "text_to_speech");
        String format = text(preferences, "audio_format");
        VoiceSettings defaults = settings.find(call.session.workspaceId()).orElse(VoiceSettings.DEFAULTS);
        if (format == null) {
            format = defaults.audioFormat();
        }
        if (!VoiceSettings.AUDIO_FORMATS.contains(format)) {
            throw invalid("unsupported_output_format");
        }
        // The workspace's engine may be missing on this node (another node's packages): then the node's first.
        if (stt == null && defaults.speechToText() != null) {
            stt = engines.recogniser(defaults.speechToText())
                    .map(SpeechToText::name)
                    .orElse(null);
        }
        if (tts == null && defaults.textToSpeech() != null) {
            tts = engines.voice(defaults.textToSpeech()).map(TextToSpeech::name).orElse(null);
        }
        String preferredStt = stt;
        SpeechToText recogniser = engines.recogniser(stt)
                .orElseThrow(() -> preferredStt == null
                        ? new ClientMistake("AUDIO_PROCESSING_ERROR", "no_speech_to_text")
                        : invalid("unknown_engine"));
        TextToSpeech voice = engines.voice(tts).orElse(null);
        if (tts != null && voice == null) {
            throw invalid("unknown_engine");
        }
        call.recogniser = recogniser;
        call.voice = voice;
        call.outputFormat = format;
        call.started = true;
        // Seed 004's session.ready always names its room and token: null while no LiveKit is configured.
        VoiceProperties.LiveKit livekit = properties.livekit();
        String room = livekit.configured() ? "parley-" + call.session.sessionId() : null;
        String token = room == null
                ? null
                : new LiveKitTokens(livekit.apiKey(), livekit.apiSecret(), livekit.tokenTtl(), json)
                        .token("customer-" + call.session.sessionId(), room, clock.instant());
        VoiceFrame.Ready ready = new VoiceFrame.Ready(
                call.session.sessionId(),
                call.session.conversationId(),
                recogniser.name(),
                voice == null ? null : voice.name(),
                format,
                room,
                token,
                room == null ? null : livekit.url());
        send(call.socket, VoiceFrame.of("session.ready", ready));
    }

    private void audio(Call call, JsonNode data) {
        if (!call.started) {
            throw invalid("session_not_started");
        }
        byte[] pcm = samples(data);
        Utterances.Outcome outcome = call.utterances.feed(pcm);
        if (outcome.overflowed()) {
            send(
                    call.socket,
                    error(
                            call,
                            "AUDIO_PROCESSING_ERROR",
                            "audio_too_long",
                            properties.maxUtterance().toSeconds()));
        }
        outcome.utterances().forEach(u -> submit(call, u));
        if (data.path("end_of_utterance").asBoolean(false)) {
            byte[] rest = call.utterances.flush().orElse(null);
            if (rest == null && outcome.utterances().isEmpty()) {
                throw new ClientMistake("AUDIO_PROCESSING_ERROR", "no_speech");
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
            throw invalid("audio_required");
        }
        byte[] bytes;
        try {
            // Strict: the MIME decoder skips whatever is not base64, so any text would pass as a little audio.
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw invalid("invalid_base64");
        }
        String format = Optional.ofNullable(text(data, "format")).orElse("pcm16");
        JsonNode rate = data.path("sample_rate");
        if (!rate.isMissingNode() && !rate.isNull() && (!rate.isNumber() || rate.asInt() != Utterances.SAMPLE_RATE)) {
            throw invalid("unsupported_sample_rate");
        }
        switch (format) {
            case "pcm16" -> {
                if (bytes.length % 2 != 0) {
                    throw invalid("invalid_pcm16");
                }
                return bytes;
            }
            case "wav" -> {
                Wav.Audio wav;
                try {
                    wav = Wav.read(bytes);
                } catch (IllegalArgumentException e) {
                    throw invalid("invalid_wav");
                }
                if (wav.sampleRate() != Utterances.SAMPLE_RATE || wav.channels() != 1 || wav.bitsPerSample() != 16) {
                    throw invalid("unsupported_sample_rate");
                }
                byte[] pcm = wav.pcm();
                return pcm.length % 2 == 0 ? pcm : java.util.Arrays.copyOf(pcm, pcm.length - 1);
            }
            default -> throw invalid("unsupported_format");
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
                send(call.socket, error(call, "INTERNAL_ERROR", "turn_failed"));
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
            log.warn("speech to text failed: {}", reason(e));
            send(call.socket, error(call, "AUDIO_PROCESSING_ERROR", "speech_to_text_failed"));
            return;
        }
        if (transcript.text().isBlank()) {
            send(call.socket, error(call, "AUDIO_PROCESSING_ERROR", "no_speech"));
            return;
        }
        send(
                call.socket,
                VoiceFrame.of(
                        "transcription",
                        new VoiceFrame.Transcription(transcript.text(), transcript.confidence(), true)));
        VoiceReply reply;
        try {
            reply = conversations.say(call.session, transcript.text());
        } catch (ApiException e) {
            send(
                    call.socket,
                    error(
                            call,
                            "VALIDATION_ERROR",
                            "conversation_refused",
                            e.code().name().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        if (!reply.answered()) {
            return;
        }
        send(
                call.socket,
                VoiceFrame.of(
                        "agent.response",
                        new VoiceFrame.AgentResponse(
                                reply.text(), reply.intent(), reply.toolsUsed(), reply.messageId())));
        speak(call, reply.text());
    }

    private void speak(Call call, String text) {
        if (call.voice == null) {
            send(call.socket, error(call, "AUDIO_PROCESSING_ERROR", "no_text_to_speech"));
            return;
        }
        Wav.Audio audio;
        byte[] file;
        try {
            file = call.voice.synthesize(text);
            audio = Wav.read(file);
        } catch (SpeechException | IllegalArgumentException e) {
            log.warn("text to speech failed: {}", reason(e));
            send(call.socket, error(call, "AUDIO_PROCESSING_ERROR", "text_to_speech_failed"));
            return;
        }
        byte[] encoded = switch (call.outputFormat) {
            case "wav" -> Wav.write(audio.pcm(), audio.sampleRate());
            case "mp3" -> Mp3.encode(audio.pcm(), audio.sampleRate());
            default -> audio.pcm();
        };
        send(
                call.socket,
                VoiceFrame.of(
                        "audio.output",
                        new VoiceFrame.AudioOutput(
                                Base64.getEncoder().encodeToString(encoded),
                                call.outputFormat,
                                audio.sampleRate(),
                                audio.durationMs())));
    }

    /** An engine's failure with what caused it (a refused connection, a reset, a timeout), for the log. */
    private static String reason(Exception e) {
        return e.getCause() == null ? e.getMessage() : e.getMessage() + " (" + e.getCause() + ")";
    }

    private void closeIdle() {
        Instant now = clock.instant();
        calls.values().forEach(call -> {
            if (call.busy.get() == 0
                    && call.lastActive.plus(properties.idleTimeout()).isBefore(now)) {
                send(call.socket, error(call, "SESSION_TIMEOUT", "session_timeout"));
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

    private VoiceFrame error(Call call, String code, String reason, Object... args) {
        return error(call.locale, code, reason, args);
    }

    /**
     * An error frame whose message comes from the catalogue in the client's language, with {@code message_en}
     * beside it when that is not English (as the REST envelope does); {@code details.reason} is machine-readable.
     */
    private VoiceFrame error(Locale locale, String code, String reason, Object... args) {
        return VoiceFrame.of(
                "error",
                new VoiceFrame.Error(
                        code,
                        messages.getMessage("voice.error." + reason, args, locale),
                        locale.getLanguage().equals("en")
                                ? null
                                : messages.getMessage("voice.error." + reason, args, Locale.ENGLISH),
                        new VoiceFrame.Details(reason)));
    }

    private void send(WebSocketSession socket, VoiceFrame frame) {
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
