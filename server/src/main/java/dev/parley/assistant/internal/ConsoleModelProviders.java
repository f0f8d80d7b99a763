package dev.parley.assistant.internal;

import dev.parley.assistant.ModelProviders;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import org.springframework.stereotype.Component;

@Component
class ConsoleModelProviders implements ModelProviders {

    private final ModelSettingsService models;

    ConsoleModelProviders(ModelSettingsService models) {
        this.models = models;
    }

    @Override
    public ModelChoice current(Caller caller) {
        caller.require(Scope.SETTINGS_READ);
        return models.get(caller.workspaceId())
                .map(ConsoleModelProviders::choice)
                .orElse(new ModelChoice(ModelSettings.NONE, null, null, false, null, null));
    }

    @Override
    public ModelChoice choose(
            Caller caller, String provider, String baseUrl, String model, String apiKey, Double temperature) {
        caller.require(Scope.SETTINGS_WRITE);
        return choice(models.put(
                caller, new ModelSettingsService.Draft(provider, baseUrl, model, apiKey, temperature, null)));
    }

    @Override
    public void offline(Caller caller) {
        caller.require(Scope.SETTINGS_WRITE);
        models.delete(caller);
    }

    private static ModelChoice choice(ModelSettings s) {
        return new ModelChoice(
                s.provider(), s.baseUrl(), s.model(), s.sealedApiKey() != null, s.temperature(), s.updatedAt());
    }
}
