package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;

/** Console sign-in. */
public final class Auth extends Resource {
    public Auth(HttpCore http) {
        super(http);
    }

    /** {@code email}, {@code password}: a {@code ct_...} {@code token} that authenticates like a key. */
    public JsonObject login(String email, String password, RequestOptions... options) {
        return post("/v1/auth/login", Params.of("email", email, "password", password), JsonObject::new, options);
    }

    public JsonObject logout(RequestOptions... options) {
        return post("/v1/auth/logout", null, JsonObject::new, options);
    }
}
