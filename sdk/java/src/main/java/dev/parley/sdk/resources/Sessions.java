package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.Session;

/** Seed 004's sessions: a conversation with a short-lived token for the live and voice sockets. */
public final class Sessions extends Resource {
    public Sessions(HttpCore http) {
        super(http);
    }

    /** {@code userId}, {@code metadata}. */
    public Session create(Params params, RequestOptions... options) {
        return post("/v1/sessions", params, Session::new, options);
    }

    /** The session's status ({@code active}, {@code expired}, {@code ended}) and messages. */
    public Session get(String sessionId, RequestOptions... options) {
        return get("/v1/sessions/" + enc(sessionId), null, Session::new, options);
    }

    /** Ends the session: {@code message}, {@code duration_seconds}. */
    public JsonObject end(String sessionId, RequestOptions... options) {
        return delete("/v1/sessions/" + enc(sessionId), null, JsonObject::new, options);
    }
}
