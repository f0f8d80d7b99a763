package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 413: {@code payload_too_large} ({@code details.max_bytes}). */
public class PayloadTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }
}
