package dev.parley.assistant.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's language model: {@code GET/PUT/DELETE /v1/assistant/model}. The API key is write-only: responses
 * say whether one is set, never what it is.
 */
@RestController
class ModelController {

    private final ModelSettingsService models;

    ModelController(ModelSettingsService models) {
        this.models = models;
    }

    record ModelRequest(
            String provider, String baseUrl, String model, String apiKey, Double temperature, Double timeoutSeconds) {}

    record ModelResponse(
            String provider,
            String baseUrl,
            String model,
            boolean apiKeySet,
            Double temperature,
            double timeoutSeconds,
            Instant updatedAt) {

        static ModelResponse of(ModelSettings s) {
            return new ModelResponse(
                    s.provider(),
                    s.baseUrl(),
                    s.model(),
                    s.sealedApiKey() != null,
                    s.temperature(),
                    s.timeout().toMillis() / 1000.0,
                    s.updatedAt());
        }

        static ModelResponse none(double timeoutSeconds) {
            return new ModelResponse(ModelSettings.NONE, null, null, false, null, timeoutSeconds, null);
        }
    }

    @GetMapping("/v1/assistant/model")
    @RequiresScope(Scope.SETTINGS_READ)
    ModelResponse get(Caller caller) {
        return models.get(caller.workspaceId()).map(ModelResponse::of).orElseGet(this::none);
    }

    @PutMapping("/v1/assistant/model")
    @RequiresScope(Scope.SETTINGS_WRITE)
    ModelResponse put(Caller caller, @RequestBody ModelRequest request) {
        return ModelResponse.of(models.put(
                caller,
                new ModelSettingsService.Draft(
                        request.provider(),
                        request.baseUrl(),
                        request.model(),
                        request.apiKey(),
                        request.temperature(),
                        request.timeoutSeconds())));
    }

    /** Back to the offline engine. */
    @DeleteMapping("/v1/assistant/model")
    @RequiresScope(Scope.SETTINGS_WRITE)
    ModelResponse delete(Caller caller) {
        models.delete(caller);
        return none();
    }

    private ModelResponse none() {
        return ModelResponse.none(models.defaultTimeout().toMillis() / 1000.0);
    }
}
