package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 415: {@code unsupported_media_type}. */
public class UnsupportedMediaTypeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }
}
