package dev.parley.live.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What travels between nodes: a conversation event as published ({@code kind} {@code event}), someone typing
 * ({@code kind} {@code typing}), or a credential that ended ({@code kind} {@code ended}: a key revoked, a console
 * session or user gone; {@code type} says which, {@code data} names it), whose connections close. Small and
 * self-contained, so it crosses Redis as one JSON message.
 *
 * @param role for typing: who types
 * @param origin the node that raised it, so a node ignores its own signals coming back from Redis
 */
record Signal(
        Kind kind,
        String workspaceId,
        Mode mode,
        String conversationId,
        String type,
        JsonNode data,
        Typist role,
        boolean typing,
        Instant at,
        String origin) {

    static Signal event(String workspaceId, Mode mode, String conversationId, String type, JsonNode data, Instant at) {
        return new Signal(Kind.EVENT, workspaceId, mode, conversationId, type, data, null, false, at, null);
    }

    static Signal typing(String workspaceId, Mode mode, String conversationId, Typist role, boolean typing) {
        return new Signal(
                Kind.TYPING,
                workspaceId,
                mode,
                conversationId,
                null,
                JsonNodeFactory.instance.objectNode(),
                role,
                typing,
                null,
                null);
    }

    /** A credential that ended, named by its id in the one field of its data. */
    static Signal ended(String workspaceId, Credential credential, String id) {
        JsonNode data = JsonNodeFactory.instance.objectNode().put(credential.field(), id);
        return new Signal(Kind.ENDED, workspaceId, null, null, credential.wire(), data, null, false, null, null);
    }

    /** A text field of the data, or {@code null} when it is absent or null. */
    String field(String name) {
        JsonNode value = data == null ? null : data.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The catalogue fact an event signal is about; empty for a name outside the catalogue (or another kind). */
    Optional<EventName> fact() {
        return kind == Kind.EVENT ? EventName.of(type) : Optional.empty();
    }

    /** Whether this is an event signal about {@code fact}. */
    boolean is(EventName fact) {
        return kind == Kind.EVENT && fact.is(type);
    }

    /** The credential an ended signal is about; empty for a word this node does not know (or another kind). */
    Optional<Credential> credential() {
        return kind == Kind.ENDED
                ? Arrays.stream(Credential.values())
                        .filter(c -> c.wire().equals(type))
                        .findFirst()
                : Optional.empty();
    }

    boolean endsACredential() {
        return kind == Kind.ENDED;
    }

    boolean aboutTyping() {
        return kind == Kind.TYPING;
    }

    Signal from(String node) {
        return new Signal(kind, workspaceId, mode, conversationId, type, data, role, typing, at, node);
    }

    /** What the signal is about; its word is what crosses Redis. */
    enum Kind {
        EVENT,
        TYPING,
        ENDED;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What ended: its word is the signal's {@code type} across Redis, and its id travels in {@code field}. */
    enum Credential {
        KEY_REVOKED("api_key.revoked", "key_id"),
        SESSION_ENDED("console_session.ended", "session_id"),
        AGENT_DEACTIVATED("agent.deactivated", "agent_id");

        private final String wire;
        private final String field;

        Credential(String wire, String field) {
            this.wire = wire;
            this.field = field;
        }

        String wire() {
            return wire;
        }

        String field() {
            return field;
        }
    }

    /** Who types: the customer, an agent, or the assistant writing its reply. */
    enum Typist {
        CUSTOMER,
        AGENT,
        ASSISTANT;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
