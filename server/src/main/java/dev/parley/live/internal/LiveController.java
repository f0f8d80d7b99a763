package dev.parley.live.internal;

import dev.parley.conversation.LiveConversations;
import dev.parley.conversation.LiveConversations.ConversationState;
import dev.parley.conversation.LiveConversations.LiveMessage;
import dev.parley.conversation.MessageRole;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Languages;
import dev.parley.platform.Scope;
import dev.parley.platform.WidgetAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The REST side of live delivery: a conversation's messages after a given one (what a client that was away missed),
 * and server-sent events for clients that cannot hold a WebSocket, replaying from {@code Last-Event-ID}. Both take a
 * key with {@code conversations:read}, or a publishable widget key for the conversations it opened (its visitor
 * token).
 */
@RestController
class LiveController {

    static final int MAX_LIMIT = 200;
    /** A stream ends after this long; the client reconnects with {@code Last-Event-ID} and misses nothing. */
    static final long STREAM_MILLIS = 30 * 60 * 1000L;

    private final LiveConversations conversations;
    private final Hub hub;
    private final Frames frames;
    private final LiveProperties properties;

    LiveController(LiveConversations conversations, Hub hub, Frames frames, LiveProperties properties) {
        this.conversations = conversations;
        this.hub = hub;
        this.frames = frames;
        this.properties = properties;
    }

    record MessageView(String id, MessageRole role, String content, Instant createdAt) {}

    record MessagesAfter(List<MessageView> data, boolean hasMore) {}

    @GetMapping("/v1/conversations/{conversation_id}/messages")
    @WidgetAccess
    MessagesAfter messages(
            Caller caller,
            @PathVariable("conversation_id") String id,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "out_of_range");
        }
        access(caller, id);
        List<LiveMessage> found = conversations.messagesAfter(caller, id, blankToNull(after), size + 1);
        return new MessagesAfter(
                found.stream()
                        .limit(size)
                        .map(m -> new MessageView(m.id(), m.role(), m.content(), m.createdAt()))
                        .toList(),
                found.size() > size);
    }

    @GetMapping("/v1/conversations/{conversation_id}/events")
    @WidgetAccess
    SseEmitter events(
            Caller caller,
            @PathVariable("conversation_id") String id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request) {
        access(caller, id);
        String after = blankToNull(lastEventId);
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        SseConnection connection = new SseConnection(
                Connection.Kind.CUSTOMER,
                Languages.preferred(request.getHeader("Accept-Language")),
                emitter,
                hub.writers(),
                properties.sendQueue());
        connection.caller = caller;
        Runnable gone = () -> {
            connection.markClosed();
            hub.remove(connection);
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(failure -> gone.run());
        // Follow first and replay second, holding live frames back meanwhile: nothing stored in between is missed,
        // and release() drops what both carried.
        connection.hold();
        hub.add(connection);
        hub.follow(connection, id);
        List<Frame> replay = List.of();
        if (after != null) {
            try {
                replay = conversations.messagesAfter(caller, id, after, properties.replayLimit()).stream()
                        .map(m -> frames.message(m.id(), m.role(), m.content(), m.createdAt()))
                        .toList();
            } catch (ApiException unknownEvent) {
                gone.run();
                throw unknownEvent;
            }
        }
        connection.release(replay);
        return emitter;
    }

    /** The conversation, if the caller may follow it: any with {@code conversations:read}, its own with a widget key. */
    private ConversationState access(Caller caller, String id) {
        if (!caller.has(Scope.CONVERSATIONS_READ) && !caller.has(Scope.WIDGET)) {
            throw ApiException.forbidden(Scope.CONVERSATIONS_READ.value());
        }
        return conversations.find(caller, id).orElseThrow(() -> ApiException.notFound("conversation", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
