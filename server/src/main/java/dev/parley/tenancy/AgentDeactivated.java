package dev.parley.tenancy;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;

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
    public EventName name() {
        return EventName.AGENT_DEACTIVATED;
    }

    @Override
    public Data data() {
        return new Data(agentId);
    }

    /** The payload's {@code data}. */
    public record Data(String agentId) {}

    @Override
    public String orderingKey() {
        return agentId;
    }
}
