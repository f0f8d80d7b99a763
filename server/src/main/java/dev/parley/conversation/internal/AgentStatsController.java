package dev.parley.conversation.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Agents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's agent statistics over whole UTC days {@code from} to {@code to} (both included; the last 30 days by
 * default), in the caller's mode. Chats are conversations given to the agent in the period; response time runs from
 * an assignment to the agent's first reply in it; resolution time from an assignment to its resolution; CSAT is the
 * feedback given to conversations the agent held.
 */
@RestController
class AgentStatsController {

    static final int MAX_DAYS = 366;

    private final InboxStore inbox;
    private final Agents agents;
    private final Clock clock;

    AgentStatsController(InboxStore inbox, Agents agents, Clock clock) {
        this.inbox = inbox;
        this.agents = agents;
        this.clock = clock;
    }

    record Period(LocalDate from, LocalDate to) {}

    record Stats(
            long totalChats,
            long resolvedChats,
            Long avgResponseTimeSeconds,
            Long avgResolutionTimeMinutes,
            Double csatScore,
            long csatResponses) {}

    record AgentStats(String agentId, Period period, Stats stats) {}

    @GetMapping("/v1/agents/{agent_id}/stats")
    @RequiresScope(Scope.ANALYTICS_READ)
    AgentStats stats(
            Caller caller,
            @PathVariable("agent_id") String agentId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        agents.find(caller.workspaceId(), agentId).orElseThrow(() -> ApiException.notFound("agent", agentId));
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : date("to", to);
        LocalDate first = from == null ? last.minusDays(29) : date("from", from);
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "out_of_range");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ApiException.invalidField("to", "out_of_range");
        }
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<InboxStore.Assignment> assignments =
                inbox.assignments(caller.workspaceId(), caller.mode(), agentId, start, end);
        Set<String> chats = new HashSet<>();
        Set<String> resolved = new HashSet<>();
        long responses = 0;
        long responseSeconds = 0;
        long resolutions = 0;
        long resolutionSeconds = 0;
        for (InboxStore.Assignment a : assignments) {
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
        return new AgentStats(
                agentId,
                new Period(first, last),
                new Stats(
                        chats.size(),
                        resolved.size(),
                        responses == 0 ? null : Math.round((double) responseSeconds / responses),
                        resolutions == 0 ? null : Math.round((double) resolutionSeconds / resolutions / 60.0),
                        csat,
                        ratings.size()));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADay) {
            try {
                return LocalDate.ofInstant(Instant.parse(value), ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField(field, "invalid_format");
            }
        }
    }
}
