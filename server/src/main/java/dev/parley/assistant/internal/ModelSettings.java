package dev.parley.assistant.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The language model a workspace's assistant uses.
 *
 * @param provider openai, openai_compatible, azure_openai, anthropic, or none
 * @param baseUrl where the provider answers; {@code null} for the provider's public endpoint
 * @param sealedApiKey the provider's API key as {@link dev.parley.platform.SecretBox} sealed it, or {@code null}
 * @param temperature the sampling temperature, or {@code null} for the provider's default
 */
record ModelSettings(
        String provider,
        String baseUrl,
        String model,
        String sealedApiKey,
        Double temperature,
        Duration timeout,
        Instant updatedAt) {

    static final String OPENAI = "openai";
    static final String OPENAI_COMPATIBLE = "openai_compatible";
    static final String AZURE_OPENAI = "azure_openai";
    static final String ANTHROPIC = "anthropic";
    static final String NONE = "none";
    static final Set<String> PROVIDERS = Set.of(OPENAI, OPENAI_COMPATIBLE, AZURE_OPENAI, ANTHROPIC, NONE);

    boolean enabled() {
        return !provider.equals(NONE);
    }

    /** The URL requests go to: the configured one, or the provider's public endpoint. */
    String effectiveBaseUrl() {
        if (baseUrl != null) {
            return baseUrl;
        }
        return switch (provider) {
            case OPENAI -> "https://api.openai.com/v1";
            case ANTHROPIC -> "https://api.anthropic.com/v1";
            default -> throw new IllegalStateException(provider + " needs a base URL");
        };
    }
}
