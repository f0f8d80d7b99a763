package dev.parley.conversation.internal;

import dev.parley.conversation.AgentPerformance;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.DateRange;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Agents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's agent statistics over whole UTC days {@code from} to {@code to} (both included; the last 30 days by
 * default), in the caller's mode, as {@link AgentPerformance} defines them.
 */
@RestController
class AgentStatsController {

    static final int MAX_DAYS = 366;

    private final AgentPerformance performance;
    private final Agents agents;
    private final Clock clock;

    AgentStatsController(AgentPerformance performance, Agents agents, Clock clock) {
        this.performance = performance;
        this.agents = agents;
        this.clock = clock;
    }

    record Period(LocalDate from, LocalDate to) {}

    record AgentStats(String agentId, Period period, AgentPerformance.Stats stats) {}

    @GetMapping("/v1/agents/{agent_id}/stats")
    @RequiresScope(Scope.ANALYTICS_READ)
    AgentStats stats(
            Caller caller,
            @PathVariable("agent_id") String agentId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        agents.find(caller.workspaceId(), agentId).orElseThrow(() -> ApiException.notFound("agent", agentId));
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : DateRange.day("to", to);
        LocalDate first = from == null ? last.minusDays(29) : DateRange.day("from", from);
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "out_of_range");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ApiException.invalidField("to", "out_of_range");
        }
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new AgentStats(agentId, new Period(first, last), performance.of(caller, agentId, start, end));
    }
}
