package dev.parley.sdk.core;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/** A successful answer: status, headers, the body as text and as parsed JSON. */
public final class ApiResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    ApiResponse(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The request's id, {@code X-Request-Id}. */
    public String requestId() {
        return headers.firstValue("X-Request-Id").orElse(null);
    }

    public byte[] bytes() {
        return body.clone();
    }

    public String text() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON, or null when empty (204). */
    public Object json() {
        String text = text();
        return text.isBlank() ? null : Json.parse(text);
    }

    /** The body as a JSON object; an empty one for an empty body, and a {@code {"data": [...]}} one for an array. */
    @SuppressWarnings("unchecked")
    public JsonObject object() {
        Object value = json();
        if (value instanceof Map) {
            return new JsonObject((Map<String, Object>) value);
        }
        if (value instanceof List) {
            return new JsonObject(Map.of("data", value));
        }
        return new JsonObject(null);
    }
}
