package dev.parley.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of public facts: the wire name of each {@link PublicEvent} record, in one place. Webhook payloads,
 * the analytics event store and live frames carry these names; the records name their fact by constant, and the
 * webhook catalogue lists them from here. Every name is past tense: the fact has happened.
 */
public enum EventName {
    CONVERSATION_CREATED("conversation.created"),
    CONVERSATION_ASSIGNED("conversation.assigned"),
    CONVERSATION_ESCALATED("conversation.escalated"),
    CONVERSATION_RESOLVED("conversation.resolved"),
    CONVERSATION_CLOSED("conversation.closed"),
    MESSAGE_RECEIVED("message.received"),
    MESSAGE_SENT("message.sent"),
    FEEDBACK_SUBMITTED("feedback.submitted"),
    CHAT_SESSION_STARTED("chat.session.started"),
    CHAT_SESSION_ENDED("chat.session.ended"),
    SCRAPE_COMPLETED("scrape.completed"),
    KNOWLEDGE_GAP_FOUND("knowledge.gap_found"),
    AGENT_DEACTIVATED("agent.deactivated");

    private final String wire;

    EventName(String wire) {
        this.wire = wire;
    }

    /** The name as receivers see it, e.g. {@code conversation.escalated}. */
    public String wire() {
        return wire;
    }

    /** Whether {@code wire} (a published or relayed event's type) is this fact. */
    public boolean is(String wire) {
        return this.wire.equals(wire);
    }

    /** The catalogue entry for a wire name; empty for names outside the catalogue. */
    public static Optional<EventName> of(String wire) {
        return Arrays.stream(values()).filter(name -> name.is(wire)).findFirst();
    }
}
