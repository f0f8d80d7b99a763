package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.ApiKey;
import dev.parley.sdk.model.Params;

/** API keys: the key itself is in {@code key()} once, on create. */
public final class Keys extends Resource {
    public Keys(HttpCore http) {
        super(http);
    }

    /** {@code name}, {@code type} (secret, publishable), {@code mode}, {@code scopes}. */
    public ApiKey create(Params params, RequestOptions... options) {
        return post("/v1/api-keys", params, ApiKey::new, options);
    }

    public PageIterable<ApiKey> list(Params params, RequestOptions... options) {
        return paged("/v1/api-keys", params, ApiKey::new, options);
    }

    public ApiKey get(String keyId, RequestOptions... options) {
        return get("/v1/api-keys/" + enc(keyId), null, ApiKey::new, options);
    }

    public ApiKey revoke(String keyId, RequestOptions... options) {
        return delete("/v1/api-keys/" + enc(keyId), null, ApiKey::new, options);
    }
}
