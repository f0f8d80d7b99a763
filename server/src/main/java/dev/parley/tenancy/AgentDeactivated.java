package dev.parley.tenancy;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code agent.deactivated}: a console user was removed from the team. Published inside the transaction that
 * deactivated them, so the conversations they held are released in that same transaction.
 */
public record AgentDeactivated(String workspaceId, String agentId) implements PublicEvent {

    /** Console users belong to the workspace, not to a mode; the team is live data. */
    @Override
    public Mode mode() {
        return Mode.LIVE;
    }

    @Override
    public String type() {
        return EventName.AGENT_DEACTIVATED.wire();
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agent_id", agentId);
        return data;
    }

    @Override
    public String orderingKey() {
        return agentId;
    }
}
