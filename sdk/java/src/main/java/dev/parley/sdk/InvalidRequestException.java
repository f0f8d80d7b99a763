package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 400: {@code invalid_request}, {@code missing_field}, {@code blocked_target} ({@code details.field}, {@code details.reason}). */
public class InvalidRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }
}
