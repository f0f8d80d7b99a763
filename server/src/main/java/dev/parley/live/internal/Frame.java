package dev.parley.live.internal;

/**
 * One frame on its way to a client: its JSON text, and for server-sent events its event name and id (a message's id,
 * so {@code Last-Event-ID} says where a reconnecting client stopped).
 */
record Frame(String type, String id, String json) {

    /** Not a frame: the keep-alive a connection sends when idle (a WebSocket ping, an SSE comment). */
    static final Frame PING = new Frame("ping", null, "");

    /** Not a frame: where a connection closes after what was queued before it. */
    static final Frame CLOSE = new Frame("close", null, "");
}
