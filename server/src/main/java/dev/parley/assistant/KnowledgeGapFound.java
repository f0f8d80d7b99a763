package dev.parley.assistant;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The assistant could not answer from the store's knowledge: a content gap for analytics (seed 000). */
public record KnowledgeGapFound(String workspaceId, Mode mode, String conversationId, String query, double confidence)
        implements PublicEvent {

    @Override
    public String type() {
        return EventName.KNOWLEDGE_GAP_FOUND.wire();
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation_id", conversationId);
        data.put("query", query);
        data.put("confidence", confidence);
        return data;
    }

    @Override
    public String orderingKey() {
        return conversationId;
    }
}
