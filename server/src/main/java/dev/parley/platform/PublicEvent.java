package dev.parley.platform;

import java.util.Map;

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

    /** The catalogue name, e.g. {@code conversation.escalated}. */
    String type();

    /** The payload's {@code data} object, with snake_case keys, as a receiver gets it. */
    Map<String, Object> data();

    /**
     * Facts with the same key are delivered in the order they happened (a conversation's id, typically); {@code null}
     * when order does not matter.
     */
    default String orderingKey() {
        return null;
    }
}
