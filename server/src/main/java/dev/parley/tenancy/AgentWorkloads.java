package dev.parley.tenancy;

import java.util.Map;

/**
 * What agents hold, told to tenancy by the module that owns conversations (it implements this), so the agent list can
 * show each agent's load without tenancy knowing conversations.
 */
public interface AgentWorkloads {

    /**
     * @param active conversations the agent holds now (status {@code assigned})
     * @param total conversations ever given to the agent
     */
    record Workload(int active, long total) {}

    /** The workloads of the workspace's agents, by agent id; an agent with none may be missing. */
    Map<String, Workload> of(String workspaceId);
}
