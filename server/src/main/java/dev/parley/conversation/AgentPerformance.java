package dev.parley.conversation;

import dev.parley.platform.Caller;
import java.time.Instant;

/**
 * How an agent's conversations went over a period, one definition for every report that shows it (seed 003's agent
 * stats and agent performance): chats are conversations given to the agent in the period; response time runs from an
 * assignment to the agent's first reply in it; resolution time from an assignment to its resolution; CSAT is the
 * feedback given to conversations the agent held.
 */
public interface AgentPerformance {

    Stats of(Caller caller, String agentId, Instant start, Instant end);

    /** Averages are {@code null} when nothing was measured. */
    record Stats(
            long totalChats,
            long resolvedChats,
            Long avgResponseTimeSeconds,
            Long avgResolutionTimeMinutes,
            Double csatScore,
            long csatResponses) {}
}
