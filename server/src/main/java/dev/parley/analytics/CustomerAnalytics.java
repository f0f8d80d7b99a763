package dev.parley.analytics;

import dev.parley.platform.Mode;
import java.util.List;
import java.util.Map;

/** What analytics recorded about some conversations, for a customer's data export. */
public interface CustomerAnalytics {

    /**
     * The per-conversation rows and the events of these conversations (and of their sessions), as JSON-ready maps
     * with snake_case keys: {@code conversations} and {@code events}.
     */
    Map<String, Object> export(String workspaceId, Mode mode, List<String> conversationIds);
}
