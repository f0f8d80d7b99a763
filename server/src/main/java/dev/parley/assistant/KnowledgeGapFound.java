package dev.parley.assistant;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;

/** The assistant could not answer from the store's knowledge: a content gap for analytics (seed 000). */
public record KnowledgeGapFound(String workspaceId, Mode mode, String conversationId, String query, double confidence)
        implements PublicEvent {

    @Override
    public EventName name() {
        return EventName.KNOWLEDGE_GAP_FOUND;
    }

    @Override
    public Data data() {
        return new Data(conversationId, query, confidence);
    }

    /** The payload's {@code data}. */
    public record Data(String conversationId, String query, double confidence) {}

    @Override
    public String orderingKey() {
        return conversationId;
    }
}
