package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 409: {@code conflict}, {@code conversation_closed}, {@code idempotency_key_reused}, {@code idempotency_request_in_progress}. */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }
}
