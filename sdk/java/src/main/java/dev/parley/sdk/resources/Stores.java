package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.Store;

/** Workspaces (stores). */
public final class Stores extends Resource {
    public Stores(HttpCore http) {
        super(http);
    }

    /**
     * Onboards a workspace ({@code platform:admin}): {@code name}, {@code domains}, {@code platform}, {@code plan}.
     * The answer has {@code store} and its first live key, {@code api_key.key}, shown once.
     */
    public JsonObject create(Params params, RequestOptions... options) {
        return post("/v1/stores", params, JsonObject::new, options);
    }

    public PageIterable<Store> list(Params params, RequestOptions... options) {
        return paged("/v1/stores", params, Store::new, options);
    }

    public Store get(String storeId, RequestOptions... options) {
        return get("/v1/stores/" + enc(storeId), null, Store::new, options);
    }

    /** {@code settings} are merged (a field sent replaces, null restores the default): {@code updated}, {@code settings}, {@code store}. */
    public JsonObject update(String storeId, Params params, RequestOptions... options) {
        return patch("/v1/stores/" + enc(storeId), params, JsonObject::new, options);
    }
}
