package dev.parley.platform;

/**
 * A fact other systems may hear about, named as in the webhook catalogue ({@code conversation.created},
 * {@code message.received}, ...). Modules publish these records with Spring's event publisher inside the transaction
 * that made the change; a listener that must see only committed facts (live sockets, analytics) listens after commit,
 * and the webhook outbox writes its row in the same transaction, so a fact is delivered once it is committed and never
 * before.
 */
public interface PublicEvent {

    String workspaceId();

    Mode mode();

    /** The fact's entry in the catalogue, e.g. {@link EventName#CONVERSATION_ESCALATED}. */
    EventName name();

    /**
     * The name receivers read where the fact leaves the process as JSON (webhook payloads, live signals): the
     * catalogue's wire name, e.g. {@code conversation.escalated}. Only a fact relayed under a name from outside the
     * catalogue (the webhook tests publish such made-up facts) gives its own; inside the process, facts are told
     * apart by {@link #name()}.
     */
    default String wireName() {
        return name().wire();
    }

    /**
     * The payload's {@code data} object as a receiver gets it: a record of the event's own, whose components are the
     * object's fields in order (snake_case on the wire, nulls kept).
     */
    Object data();

    /**
     * Facts with the same key are delivered in the order they happened (a conversation's id, typically); {@code null}
     * when order does not matter.
     */
    default String orderingKey() {
        return null;
    }
}
