package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;

/** 404: {@code not_found} (also another workspace's ids). */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(status, body, envelope, headers);
    }
}
