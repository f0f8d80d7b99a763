package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 5xx: {@code internal_error}, {@code integration_error} (502), {@code service_unavailable} (503). */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ServerException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }
}
