package dev.parley.sdk.live;

import dev.parley.sdk.core.HttpCore;
import java.net.URI;

/** The live socket: {@code parley.live().connect(LiveSocket.options().conversationId(id))}. */
public final class Live {
    private final HttpCore http;

    public Live(HttpCore http) {
        this.http = http;
    }

    /** Opens the customer's socket ({@code /v1/ws}) with the client's key, or the options' session token. */
    public LiveSocket connect(LiveSocket.Options options) {
        URI uri = URI.create(http.baseUrl().replaceFirst("^http", "ws") + "/v1/ws");
        return new LiveSocket(http.httpClient(), uri, http.apiKey(), options);
    }

    /** A socket that starts a conversation with its first message. */
    public LiveSocket connect() {
        return connect(LiveSocket.options());
    }
}
