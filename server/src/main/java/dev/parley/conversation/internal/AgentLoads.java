package dev.parley.conversation.internal;

import dev.parley.tenancy.AgentWorkloads;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tells tenancy's agent list what each agent holds now and has ever been given. */
@Component
class AgentLoads implements AgentWorkloads {

    private final InboxRows inbox;

    AgentLoads(InboxRows inbox) {
        this.inbox = inbox;
    }

    @Override
    public Map<String, Workload> of(String workspaceId) {
        Map<String, Integer> active = inbox.activeLoads(workspaceId);
        Map<String, Long> totals = inbox.totals(workspaceId);
        Set<String> agents = new HashSet<>(active.keySet());
        agents.addAll(totals.keySet());
        Map<String, Workload> loads = new HashMap<>();
        for (String agent : agents) {
            loads.put(agent, new Workload(active.getOrDefault(agent, 0), totals.getOrDefault(agent, 0L)));
        }
        return loads;
    }
}
