package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 401: {@code invalid_api_key} ({@code details.reason}: missing, invalid, revoked), {@code invalid_credentials}. */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }
}
