package dev.parley.conversation.internal;

import dev.parley.conversation.AgentPerformance;
import dev.parley.platform.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** {@link AgentPerformance} from the assignments the inbox keeps. */
@Service
class AgentPerformanceFromAssignments implements AgentPerformance {

    private final InboxRows inbox;

    AgentPerformanceFromAssignments(InboxRows inbox) {
        this.inbox = inbox;
    }

    @Override
    public Stats of(Caller caller, String agentId, Instant start, Instant end) {
        List<InboxRows.Assignment> assignments =
                inbox.assignments(caller.workspaceId(), caller.mode(), agentId, start, end);
        Set<String> chats = new HashSet<>();
        Set<String> resolved = new HashSet<>();
        long responses = 0;
        long responseSeconds = 0;
        long resolutions = 0;
        long resolutionSeconds = 0;
        for (InboxRows.Assignment a : assignments) {
            boolean began = !a.assignedAt().isBefore(start) && a.assignedAt().isBefore(end);
            if (began) {
                chats.add(a.conversationId());
                if (a.firstResponseAt() != null) {
                    responses++;
                    responseSeconds += Duration.between(a.assignedAt(), a.firstResponseAt())
                            .toSeconds();
                }
            }
            if (a.resolvedAt() != null
                    && !a.resolvedAt().isBefore(start)
                    && a.resolvedAt().isBefore(end)) {
                resolved.add(a.conversationId());
                resolutions++;
                resolutionSeconds +=
                        Duration.between(a.assignedAt(), a.resolvedAt()).toSeconds();
            }
        }
        List<Integer> ratings = inbox.ratings(caller.workspaceId(), caller.mode(), agentId, start, end);
        Double csat = ratings.isEmpty()
                ? null
                : Math.round(ratings.stream()
                                        .mapToInt(Integer::intValue)
                                        .average()
                                        .orElseThrow()
                                * 10)
                        / 10.0;
        return new Stats(
                chats.size(),
                resolved.size(),
                responses == 0 ? null : Math.round((double) responseSeconds / responses),
                resolutions == 0 ? null : Math.round((double) resolutionSeconds / resolutions / 60.0),
                csat,
                ratings.size());
    }
}
