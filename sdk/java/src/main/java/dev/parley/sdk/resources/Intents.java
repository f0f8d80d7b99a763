package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Intent;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;

/** The intents the assistant recognises, built-in and the workspace's own. */
public final class Intents extends Resource {
    public Intents(HttpCore http) {
        super(http);
    }

    public PageIterable<Intent> list(Params params, RequestOptions... options) {
        return paged("/v1/intents", params, Intent::new, options);
    }

    public Intent get(String name, RequestOptions... options) {
        return get("/v1/intents/" + enc(name), null, Intent::new, options);
    }

    /** {@code name}, {@code description}, {@code examples} (five or more). */
    public Intent create(Params params, RequestOptions... options) {
        return post("/v1/intents", params, Intent::new, options);
    }

    /** {@code description}, {@code examples}, {@code addExamples}, {@code removeExamples}. */
    public Intent update(String name, Params params, RequestOptions... options) {
        return patch("/v1/intents/" + enc(name), params, Intent::new, options);
    }

    public JsonObject delete(String name, RequestOptions... options) {
        return delete("/v1/intents/" + enc(name), null, JsonObject::new, options);
    }
}
