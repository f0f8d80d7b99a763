package dev.parley.assistant;

import dev.parley.platform.Caller;
import java.time.Instant;

/** The workspace's language model, for the console: what {@code /v1/assistant/model} serves. */
public interface ModelProviders {

    /**
     * @param provider openai, openai_compatible, azure_openai, anthropic, or none (the offline engine)
     * @param apiKeySet whether an API key is stored; the key itself never comes out
     */
    record ModelChoice(
            String provider, String baseUrl, String model, boolean apiKeySet, Double temperature, Instant updatedAt) {}

    ModelChoice current(Caller caller);

    /**
     * Chooses the model, checked like {@code PUT /v1/assistant/model}; a {@code null} API key keeps the stored one
     * while provider and base URL stay the same.
     *
     * @throws dev.parley.platform.ApiException {@code missing_field} or {@code invalid_field} naming what is wrong
     */
    ModelChoice choose(Caller caller, String provider, String baseUrl, String model, String apiKey, Double temperature);

    /** Back to the offline engine. */
    void offline(Caller caller);
}
