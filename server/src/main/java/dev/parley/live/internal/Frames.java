package dev.parley.live.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frames of the sockets and of server-sent events: seed 001's widget protocol ({@code message}, {@code typing},
 * {@code escalated}, {@code error}, and Parley's {@code message_received} acknowledging the client's own message) and the agents' stream ({@code event}, {@code typing}). Error messages are in the
 * client's language (the upgrade request's {@code Accept-Language}), as REST errors are.
 */
@Component
class Frames {

    /** The message roles a customer's client is sent. */
    private static final List<String> CUSTOMER_ROLES = List.of("assistant", "agent", "system");

    private final JsonMapper json;
    private final MessageSource messages;

    Frames(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    Frame message(String messageId, String role, String content, Instant timestamp) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("message_id", messageId);
        frame.put("role", role);
        frame.put("content", content);
        frame.put("timestamp", timestamp == null ? null : timestamp.toString());
        return frame("message", messageId, frame);
    }

    /**
     * The acknowledgement of the client's own message, stored as {@code messageId}: not a {@code message}, which seed
     * 001's clients show as a reply. {@code clientMessageId} is the client's id for it, if it gave one.
     */
    Frame received(String messageId, String clientMessageId, Instant timestamp) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message_received");
        frame.put("message_id", messageId);
        if (clientMessageId != null && !clientMessageId.isEmpty()) {
            frame.put("client_message_id", clientMessageId);
        }
        frame.put("timestamp", timestamp == null ? null : timestamp.toString());
        return frame("message_received", messageId, frame);
    }

    Frame typing(boolean typing) {
        return frame("typing", null, Map.of("type", "typing", "is_typing", typing));
    }

    Frame authenticated(String conversationId, String sessionId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "authenticated");
        frame.put("conversation_id", conversationId);
        if (sessionId != null) {
            frame.put("session_id", sessionId);
        }
        return frame("authenticated", null, frame);
    }

    /** The conversation the socket just opened; {@code visitorToken} (a publishable key's) is sent this once. */
    Frame conversation(String conversationId, String visitorToken) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "conversation");
        frame.put("conversation_id", conversationId);
        if (visitorToken != null) {
            frame.put("visitor_token", visitorToken);
        }
        return frame("conversation", null, frame);
    }

    Frame escalated(String ticketId, Locale locale) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "escalated");
        frame.put("message", messages.getMessage("live.escalated", null, locale));
        frame.put("ticket_id", ticketId);
        return frame("escalated", null, frame);
    }

    /** An error frame: {@code code} is one of the socket's codes, {@code key} a key of the message catalogues. */
    Frame error(String code, String key, Locale locale, Object... args) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", messages.getMessage(key, args, locale));
        return frame("error", null, frame);
    }

    /** A REST failure as an error frame: the same message, under the socket's code for it. */
    Frame error(ApiException failure, Locale locale) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code(failure.code()));
        frame.put("message", messages.getMessage(failure.messageKey(), failure.messageArgs(), locale));
        if (!failure.details().isEmpty()) {
            frame.put("details", failure.details());
        }
        return frame("error", null, frame);
    }

    static String code(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, MISSING_FIELD, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> "invalid_message";
            case INVALID_API_KEY, INSUFFICIENT_PERMISSIONS, DOMAIN_NOT_CONFIGURED -> "unauthorized";
            default -> code.wire();
        };
    }

    /** What a customer's client is sent for a conversation event; {@code null} for events it does not see. */
    Frame forCustomer(Signal event, Locale locale) {
        Map<String, Object> data = event.data();
        return switch (event.type()) {
            case "message.received" -> message(text(data, "message_id"), "user", text(data, "content"), event.at());
            case "message.sent" ->
                CUSTOMER_ROLES.contains(text(data, "role"))
                        ? message(text(data, "message_id"), text(data, "role"), text(data, "content"), event.at())
                        : null;
            case "conversation.escalated" -> escalated(text(data, "ticket_id"), locale);
            case "conversation.closed" -> error("conversation_closed", "error.conversation_closed", locale);
            default -> null;
        };
    }

    /** What an agent's stream is sent for a conversation event: all of it, as webhooks get it. */
    Frame forAgent(Signal event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "event");
        frame.put("event", event.type());
        frame.put("conversation_id", event.conversationId());
        frame.put("data", event.data());
        frame.put("timestamp", event.at() == null ? null : event.at().toString());
        return frame(event.type(), null, frame);
    }

    Frame agentTyping(Signal typing) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "typing");
        frame.put("conversation_id", typing.conversationId());
        frame.put("role", typing.role());
        frame.put("is_typing", typing.typing());
        return frame("typing", null, frame);
    }

    private Frame frame(String type, String id, Map<String, Object> body) {
        return new Frame(type, id, json.writeValueAsString(body));
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }
}
