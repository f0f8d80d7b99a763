package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.ModelSettings;
import dev.parley.sdk.model.Params;

/** The workspace's language model settings ({@code /v1/assistant/model}). */
public final class AssistantModel extends Resource {
    public AssistantModel(HttpCore http) {
        super(http);
    }

    public ModelSettings get(RequestOptions... options) {
        return get("/v1/assistant/model", null, ModelSettings::new, options);
    }

    /** {@code provider}, {@code baseUrl}, {@code model}, {@code apiKey} (write-only), {@code temperature}. */
    public ModelSettings update(Params params, RequestOptions... options) {
        return put("/v1/assistant/model", params, ModelSettings::new, options);
    }

    /** Back to the offline engine. */
    public ModelSettings delete(RequestOptions... options) {
        return delete("/v1/assistant/model", null, ModelSettings::new, options);
    }
}
