package dev.parley.sdk.core;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.model.Params;

/** One call to the API: method, path, query, JSON or raw body, and the call's options. */
public final class ApiRequest {
    final String method;
    final String path;
    Params query;
    Object body;
    byte[] rawBody;
    String contentType;
    boolean anonymous;
    RequestOptions options;

    private ApiRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path);
    }

    public static ApiRequest post(String path) {
        return new ApiRequest("POST", path);
    }

    public static ApiRequest put(String path) {
        return new ApiRequest("PUT", path);
    }

    public static ApiRequest patch(String path) {
        return new ApiRequest("PATCH", path);
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path);
    }

    /** Any method: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}. */
    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method.toUpperCase(java.util.Locale.ROOT), path);
    }

    /** Query parameters (keys to snake_case; lists joined with commas). */
    public ApiRequest query(Params query) {
        this.query = query;
        return this;
    }

    /** A JSON body: {@link Params}, a {@code Map}, a {@code List}, or any value the JSON writer takes. */
    public ApiRequest body(Object body) {
        this.body = body;
        return this;
    }

    /** A body sent as these bytes, with its content type. */
    public ApiRequest rawBody(byte[] bytes, String contentType) {
        this.rawBody = bytes;
        this.contentType = contentType;
        return this;
    }

    /** Sends no {@code Authorization} header (signed links carry their own permission). */
    public ApiRequest anonymous() {
        this.anonymous = true;
        return this;
    }

    public ApiRequest options(RequestOptions options) {
        this.options = options;
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
