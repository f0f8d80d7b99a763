package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 429: {@code rate_limited}, {@code quota_exceeded}; {@link #retryAfter()} is the server's {@code Retry-After}. */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }

    /** The server's {@code Retry-After} in seconds, or null when it sent none. */
    public Long retryAfter() {
        String value = headers().firstValue("Retry-After").orElse("").trim();
        return value.matches("\\d{1,12}") ? Long.valueOf(value) : null;
    }
}
