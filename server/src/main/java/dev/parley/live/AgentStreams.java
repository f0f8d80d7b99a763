package dev.parley.live;

import dev.parley.platform.Caller;
import java.util.Locale;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events for the console: what the agents' socket carries, for a page that holds a cookie, not a key. */
public interface AgentStreams {

    /**
     * A stream of every conversation event of the caller's workspace and mode, and the customers' typing, as the
     * agents' socket sends them (unnamed events whose data is the socket's JSON frame).
     *
     * @throws dev.parley.platform.ApiException {@code insufficient_permissions} without {@code conversations:read}
     */
    SseEmitter open(Caller caller, Locale locale);

    /**
     * The agent is typing in the conversation (or stopped): the customer's widget hears it, as from the agents'
     * socket's {@code typing} frame.
     *
     * @throws dev.parley.platform.ApiException {@code not_found} for a conversation of another workspace or mode
     */
    void typing(Caller caller, String conversationId, boolean typing);
}
