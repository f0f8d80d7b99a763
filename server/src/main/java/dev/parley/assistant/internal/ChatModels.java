package dev.parley.assistant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.parley.platform.OutboundTargets;
import dev.parley.platform.SecretBox;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds LangChain4j clients from a workspace's settings, one per settings version. OpenAI, OpenAI-compatible
 * servers (vLLM, llama.cpp, Ollama's {@code /v1}) and Azure OpenAI share the OpenAI client; Azure's differences are
 * its {@code api-key} header and {@code api-version} parameter. LangChain4j connects with its own HTTP client, so
 * the base URL is checked against the guarded fetcher's policy before every use, and no client retries on its own.
 */
@Component
class ChatModels {

    static final String AZURE_API_VERSION = "2024-10-21";

    /** Both kinds of client for one settings version. */
    record Clients(ChatModel chat, StreamingChatModel streaming) {}

    private final OutboundTargets targets;
    private final SecretBox box;
    private final Cache<Key, Clients> clients = Caffeine.newBuilder()
            .maximumSize(500)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    private record Key(String workspaceId, ModelSettings settings) {}

    ChatModels(OutboundTargets targets, SecretBox box) {
        this.targets = targets;
        this.box = box;
    }

    /**
     * @throws dev.parley.platform.FetchException when the base URL leads where Parley may not connect
     * @throws IllegalStateException when the stored API key does not open with this server's key
     */
    Clients clients(String workspaceId, ModelSettings settings) {
        targets.check(settings.effectiveBaseUrl());
        return clients.get(new Key(workspaceId, settings), key -> build(workspaceId, settings));
    }

    private Clients build(String workspaceId, ModelSettings s) {
        String apiKey = s.sealedApiKey() == null ? null : box.open(s.sealedApiKey(), workspaceId);
        return switch (s.provider()) {
            case ModelSettings.ANTHROPIC ->
                new Clients(
                        AnthropicChatModel.builder()
                                .baseUrl(s.effectiveBaseUrl())
                                .apiKey(apiKey)
                                .modelName(s.model())
                                .temperature(s.temperature())
                                .timeout(s.timeout())
                                .maxRetries(0)
                                .build(),
                        AnthropicStreamingChatModel.builder()
                                .baseUrl(s.effectiveBaseUrl())
                                .apiKey(apiKey)
                                .modelName(s.model())
                                .temperature(s.temperature())
                                .timeout(s.timeout())
                                .build());
            case ModelSettings.AZURE_OPENAI -> azure(s, apiKey);
            default ->
                new Clients(
                        OpenAiChatModel.builder()
                                .baseUrl(s.effectiveBaseUrl())
                                .apiKey(apiKey)
                                .modelName(s.model())
                                .temperature(s.temperature())
                                .timeout(s.timeout())
                                .maxRetries(0)
                                .build(),
                        OpenAiStreamingChatModel.builder()
                                .baseUrl(s.effectiveBaseUrl())
                                .apiKey(apiKey)
                                .modelName(s.model())
                                .temperature(s.temperature())
                                .timeout(s.timeout())
                                .build());
        };
    }

    /**
     * Azure OpenAI through the OpenAI client, which would otherwise pull in Microsoft's Azure SDK. The base URL is the
     * deployment's ({@code https://<resource>.openai.azure.com/openai/deployments/<deployment>}, an {@code
     * api-version} query kept as given) or the v1 endpoint ({@code .../openai/v1}); the key goes in {@code api-key}.
     */
    private static Clients azure(ModelSettings s, String apiKey) {
        URI url = URI.create(s.effectiveBaseUrl());
        Map<String, String> query = new LinkedHashMap<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(
                        java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                        parts.length > 1
                                ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8)
                                : "");
            }
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (path.contains("/deployments/")) {
            query.putIfAbsent("api-version", AZURE_API_VERSION);
        }
        String base = url.getScheme() + "://" + url.getRawAuthority() + path;
        Map<String, String> headers = apiKey == null ? Map.of() : Map.of("api-key", apiKey);
        return new Clients(
                OpenAiChatModel.builder()
                        .baseUrl(base)
                        .customHeaders(headers)
                        .customQueryParams(query)
                        .modelName(s.model())
                        .temperature(s.temperature())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .build(),
                OpenAiStreamingChatModel.builder()
                        .baseUrl(base)
                        .customHeaders(headers)
                        .customQueryParams(query)
                        .modelName(s.model())
                        .temperature(s.temperature())
                        .timeout(s.timeout())
                        .build());
    }
}
