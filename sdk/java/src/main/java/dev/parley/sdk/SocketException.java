package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;

/** The live socket failed, closed, or the server refused it with an {@code error} frame ({@link #code()}). */
public class SocketException extends ParleyException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient JsonObject details;

    public SocketException(String code, String message, JsonObject details) {
        super(message);
        this.code = code;
        this.details = details == null ? new JsonObject(null) : details;
    }

    @Override
    public String code() {
        return code;
    }

    public JsonObject details() {
        return details;
    }
}
