package dev.parley.assistant.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.FetchException;
import dev.parley.platform.OutboundTargets;
import dev.parley.platform.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Keeps each workspace's model settings: validates them, seals the API key before it is stored, and refuses base
 * URLs that lead where the guarded fetcher would not go.
 */
@Service
class ModelSettingsService {

    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    private final ModelSettingsRows modelSettingsRows;
    private final SecretBox box;
    private final OutboundTargets targets;
    private final AssistantProperties properties;
    private final Clock clock;

    ModelSettingsService(
            ModelSettingsRows modelSettingsRows,
            SecretBox box,
            OutboundTargets targets,
            AssistantProperties properties,
            Clock clock) {
        this.modelSettingsRows = modelSettingsRows;
        this.box = box;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a caller asks for; {@code apiKey} {@code null} keeps the stored key where that is safe. */
    record Draft(
            String provider, String baseUrl, String model, String apiKey, Double temperature, Double timeoutSeconds) {}

    Optional<ModelSettings> get(String workspaceId) {
        return modelSettingsRows.find(workspaceId);
    }

    /** Replaces the workspace's model; one per workspace, so a test key may not (its change would serve live). */
    ModelSettings put(Caller caller, Draft draft) {
        caller.requireLiveMode();
        String workspaceId = caller.workspaceId();
        if (draft.provider() == null) {
            throw ApiException.missingField("provider");
        }
        if (!ModelSettings.PROVIDERS.contains(draft.provider())) {
            throw ApiException.invalidField("provider", "invalid_value");
        }
        String provider = draft.provider();
        boolean none = provider.equals(ModelSettings.NONE);
        String baseUrl = blankToNull(draft.baseUrl());
        if (baseUrl != null) {
            baseUrl = checkedBaseUrl(baseUrl);
        } else if (provider.equals(ModelSettings.OPENAI_COMPATIBLE) || provider.equals(ModelSettings.AZURE_OPENAI)) {
            throw ApiException.missingField("base_url");
        }
        String model = blankToNull(draft.model());
        if (model == null && !none) {
            throw ApiException.missingField("model");
        }
        if (model != null && model.length() > 200) {
            throw ApiException.invalidField("model", "too_long");
        }
        Double temperature = draft.temperature();
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw ApiException.invalidField("temperature", "out_of_range");
        }
        Duration timeout = properties.modelTimeout();
        if (draft.timeoutSeconds() != null) {
            double seconds = draft.timeoutSeconds();
            if (!(seconds >= 1 && seconds <= MAX_TIMEOUT.toSeconds())) {
                throw ApiException.invalidField("timeout_seconds", "out_of_range");
            }
            timeout = Duration.ofMillis(Math.round(seconds * 1000));
        }
        String sealed;
        String url = baseUrl;
        String apiKey = blankToNull(draft.apiKey());
        if (apiKey != null) {
            if (apiKey.length() > 4000) {
                throw ApiException.invalidField("api_key", "too_long");
            }
            sealed = box.seal(apiKey, workspaceId);
        } else {
            // A stored key goes on only to where it went before: a new provider or URL needs the key given again,
            // or a caller who may write settings but never read the key could send it to a server of their own.
            sealed = modelSettingsRows
                    .find(workspaceId)
                    .filter(old -> old.provider().equals(provider) && Objects.equals(old.baseUrl(), url))
                    .map(ModelSettings::sealedApiKey)
                    .orElse(null);
        }
        if (sealed == null
                && (provider.equals(ModelSettings.OPENAI)
                        || provider.equals(ModelSettings.AZURE_OPENAI)
                        || provider.equals(ModelSettings.ANTHROPIC))) {
            throw ApiException.missingField("api_key");
        }
        ModelSettings settings =
                new ModelSettings(provider, baseUrl, model, sealed, temperature, timeout, clock.instant());
        modelSettingsRows.save(workspaceId, settings);
        return settings;
    }

    Duration defaultTimeout() {
        return properties.modelTimeout();
    }

    boolean delete(Caller caller) {
        caller.requireLiveMode();
        return modelSettingsRows.delete(caller.workspaceId());
    }

    private String checkedBaseUrl(String baseUrl) {
        if (baseUrl.length() > 2000) {
            throw ApiException.invalidField("base_url", "too_long");
        }
        try {
            return targets.check(baseUrl).toString();
        } catch (FetchException e) {
            return switch (e.reason()) {
                // Not resolvable now may be resolvable later; it is checked again before every use.
                case UNRESOLVABLE_HOST -> baseUrl;
                case BLOCKED_ADDRESS -> throw ApiException.invalidField("base_url", "blocked_target");
                default -> throw ApiException.invalidField("base_url", "invalid_format");
            };
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
