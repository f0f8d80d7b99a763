package dev.parley.live.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.conversation.MessageRole;
import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.EventName;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frames of the sockets and of server-sent events: seed 001's widget protocol ({@code message}, {@code typing},
 * {@code escalated}, {@code error}, and Parley's {@code message_received} acknowledging the client's own message and
 * {@code message.delta} carrying the assistant's reply as it is written) and the agents' stream ({@code event},
 * {@code typing}). Error messages are in the client's language (the upgrade request's {@code Accept-Language}), as
 * REST errors are.
 */
@Component
class Frames {

    /** The message roles a customer's client is sent. */
    private static final Set<MessageRole> CUSTOMER_ROLES =
            Set.of(MessageRole.ASSISTANT, MessageRole.AGENT, MessageRole.SYSTEM);

    private final JsonMapper json;
    private final MessageSource messages;

    Frames(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** A message for the customer's client: the customer's own, or a reply to it. */
    record MessageFrame(String type, String messageId, MessageRole role, String content, String timestamp) {}

    /** A piece of the assistant's reply to the client's message {@code replyTo}. */
    record DeltaFrame(String type, String replyTo, MessageRole role, String content) {}

    /** The acknowledgement of the client's own message; its own id for it only when it gave one. */
    record ReceivedFrame(
            String type,
            String messageId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String clientMessageId,
            String timestamp) {}

    record TypingFrame(
            String type, @JsonProperty("is_typing") boolean isTyping) {}

    record AuthenticatedFrame(
            String type,
            String conversationId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sessionId) {}

    record ConversationFrame(
            String type,
            String conversationId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String visitorToken) {}

    record EscalatedFrame(String type, String message, String ticketId) {}

    record ErrorFrame(
            String type,
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> details) {}

    /** A conversation event as an agent's stream gets it: its data as webhooks get it. */
    record EventFrame(String type, String event, String conversationId, JsonNode data, String timestamp) {}

    /** Someone typing in a conversation, for the agents: {@code role} is {@code customer}, {@code agent} or {@code assistant}. */
    record AgentTypingFrame(
            String type,
            String conversationId,
            Signal.Typist role,
            @JsonProperty("is_typing") boolean isTyping) {}

    Frame message(String messageId, MessageRole role, String content, Instant timestamp) {
        return frame("message", messageId, new MessageFrame("message", messageId, role, content, text(timestamp)));
    }

    /**
     * A piece of the assistant's reply to the client's message {@code replyTo}, as it is written: sent only to a client
     * that asked for them ({@code stream: true} in its auth frame). The reply's {@code message} frame follows and is
     * what counts: it replaces the pieces.
     */
    Frame delta(String replyTo, String content) {
        return frame("message.delta", null, new DeltaFrame("message.delta", replyTo, MessageRole.ASSISTANT, content));
    }

    /**
     * The acknowledgement of the client's own message, stored as {@code messageId}: not a {@code message}, which seed
     * 001's clients show as a reply. {@code clientMessageId} is the client's id for it, if it gave one.
     */
    Frame received(String messageId, String clientMessageId, Instant timestamp) {
        String own = clientMessageId == null || clientMessageId.isEmpty() ? null : clientMessageId;
        return frame(
                "message_received", messageId, new ReceivedFrame("message_received", messageId, own, text(timestamp)));
    }

    Frame typing(boolean typing) {
        return frame("typing", null, new TypingFrame("typing", typing));
    }

    Frame authenticated(String conversationId, String sessionId) {
        return frame("authenticated", null, new AuthenticatedFrame("authenticated", conversationId, sessionId));
    }

    /** The conversation the socket just opened; {@code visitorToken} (a publishable key's) is sent this once. */
    Frame conversation(String conversationId, String visitorToken) {
        return frame("conversation", null, new ConversationFrame("conversation", conversationId, visitorToken));
    }

    Frame escalated(String ticketId, Locale locale) {
        return frame(
                "escalated",
                null,
                new EscalatedFrame("escalated", messages.getMessage("live.escalated", null, locale), ticketId));
    }

    /** An error frame: {@code code} is one of the socket's codes, {@code key} a key of the message catalogues. */
    Frame error(String code, String key, Locale locale, Object... args) {
        return frame("error", null, new ErrorFrame("error", code, messages.getMessage(key, args, locale), null));
    }

    /** A REST failure as an error frame: the same message, under the socket's code for it. */
    Frame error(ApiException failure, Locale locale) {
        return frame(
                "error",
                null,
                new ErrorFrame(
                        "error",
                        code(failure.code()),
                        messages.getMessage(failure.messageKey(), failure.messageArgs(), locale),
                        failure.details()));
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
        EventName name = event.fact().orElse(null);
        if (name == null) {
            return null;
        }
        return switch (name) {
            case MESSAGE_RECEIVED ->
                message(event.field("message_id"), MessageRole.USER, event.field("content"), event.at());
            case MESSAGE_SENT -> {
                MessageRole role = MessageRole.fromWire(event.field("role")).orElse(null);
                yield role != null && CUSTOMER_ROLES.contains(role)
                        ? message(event.field("message_id"), role, event.field("content"), event.at())
                        : null;
            }
            case CONVERSATION_ESCALATED -> escalated(event.field("ticket_id"), locale);
            case CONVERSATION_CLOSED -> error("conversation_closed", "error.conversation_closed", locale);
            default -> null;
        };
    }

    /** What an agent's stream is sent for a conversation event: all of it, as webhooks get it. */
    Frame forAgent(Signal event) {
        return frame(
                event.type(),
                null,
                new EventFrame("event", event.type(), event.conversationId(), event.data(), text(event.at())));
    }

    Frame agentTyping(Signal typing) {
        return frame(
                "typing",
                null,
                new AgentTypingFrame("typing", typing.conversationId(), typing.role(), typing.typing()));
    }

    private Frame frame(String type, String id, Record body) {
        return new Frame(type, id, json.writeValueAsString(body));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
