package dev.parley.voice.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.platform.FetchException;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchResponse;
import dev.parley.platform.GuardedFetcher;
import dev.parley.voice.SpeechException;
import dev.parley.voice.SpeechToText;
import dev.parley.voice.TextToSpeech;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible audio API (OpenAI, or a local server such as faster-whisper-server or openedai-speech):
 * {@code POST {base}/audio/transcriptions} (multipart: {@code file}, {@code model}, {@code response_format=json})
 * and {@code POST {base}/audio/speech} (JSON: {@code model}, {@code input}, {@code voice}, {@code
 * response_format=wav}), both through the guarded fetcher.
 */
final class OpenAiAudio {

    private static final long MAX_AUDIO = 16L * 1024 * 1024;

    private final VoiceProperties.OpenAi settings;
    private final GuardedFetcher fetcher;
    private final JsonMapper json;

    OpenAiAudio(VoiceProperties.OpenAi settings, GuardedFetcher fetcher, JsonMapper json) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.json = json;
    }

    SpeechToText transcription() {
        return new SpeechToText() {
            @Override
            public String name() {
                return "openai";
            }

            @Override
            public Transcript transcribe(byte[] pcm16) {
                return OpenAiAudio.this.transcribe(pcm16);
            }
        };
    }

    TextToSpeech speech() {
        return new TextToSpeech() {
            @Override
            public String name() {
                return "openai";
            }

            @Override
            public byte[] synthesize(String text) {
                return OpenAiAudio.this.synthesize(text);
            }
        };
    }

    SpeechToText.Transcript transcribe(byte[] pcm16) {
        String boundary = "parley-" + java.util.UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "model", settings.transcriptionModel());
        field(body, boundary, "response_format", "json");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"speech.wav\""
                        + "\r\nContent-Type: audio/wav\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Wav.write(pcm16, Utterances.SAMPLE_RATE));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        FetchResponse response = post(
                "/audio/transcriptions", "multipart/form-data; boundary=" + boundary, body.toByteArray(), 1024 * 1024);
        try {
            JsonNode answer = json.readTree(response.text());
            JsonNode text = answer.get("text");
            if (text == null || !text.isString()) {
                throw new SpeechException("transcription answer without text");
            }
            return new SpeechToText.Transcript(text.asString().strip(), null);
        } catch (tools.jackson.core.JacksonException e) {
            throw new SpeechException("transcription answer is not JSON", e);
        }
    }

    byte[] synthesize(String text) {
        SpeechRequest request = new SpeechRequest(settings.speechModel(), text, settings.voice(), "wav");
        FetchResponse response = post("/audio/speech", "application/json", json.writeValueAsBytes(request), MAX_AUDIO);
        return response.body();
    }

    /** OpenAI's {@code POST /audio/speech} body. */
    record SpeechRequest(
            String model,
            String input,
            String voice,
            @JsonProperty("response_format") String responseFormat) {}

    private FetchResponse post(String path, String contentType, byte[] body, long maxBytes) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        FetchRequest request = FetchRequest.post(URI.create(base + path), contentType, body)
                .withTimeout(settings.timeout())
                .withMaxBytes(maxBytes)
                .withMaxRedirects(0);
        if (!settings.apiKey().isBlank()) {
            request = request.withHeader("Authorization", "Bearer " + settings.apiKey());
        }
        FetchResponse response;
        try {
            response = fetcher.fetch(request);
        } catch (FetchException e) {
            throw new SpeechException("audio API unreachable: " + e.getMessage(), e);
        }
        if (!response.successful()) {
            throw new SpeechException("audio API answered " + response.status());
        }
        return response;
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
