package dev.parley.analytics.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.platform.WidgetAccess;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Every analytics endpoint of the seeds, at Parley's paths and the seeds' own where they differ. */
@RestController
class AnalyticsController {

    private final Reports reports;
    private final Journeys journeys;
    private final Clock clock;

    AnalyticsController(Reports reports, Journeys journeys, Clock clock) {
        this.reports = reports;
        this.journeys = journeys;
        this.clock = clock;
    }

    /** Seed 001's analytics, with seed 002's {@code metrics} and {@code daily_breakdown} blocks. */
    @GetMapping({"/v1/analytics", "/api/v1/analytics"})
    @RequiresScope(Scope.ANALYTICS_READ)
    Reports.Analytics analytics(
            Caller caller,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(required = false) String granularity,
            @RequestParam(name = "group_by", required = false) String groupBy,
            @RequestParam(required = false) String metrics,
            @RequestParam(required = false) String timezone) {
        ZoneId zone = Period.zone(timezone, "timezone");
        Period period = Period.between(start, "start_date", end, "end_date", zone);
        Period.Granularity by = granularity != null
                ? Period.Granularity.of(granularity, "granularity")
                : Period.Granularity.of(groupBy, "group_by");
        return reports.analytics(caller, period, by, metrics(metrics));
    }

    private static Set<String> metrics(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            String metric = name.strip();
            if (!Reports.METRICS_002.contains(metric)) {
                throw ApiException.invalidField("metrics", "unknown_metric");
            }
            names.add(metric);
        }
        return names;
    }

    /** Seed 003's overview; without dates, the last 30 days. */
    @GetMapping("/v1/analytics/overview")
    @RequiresScope(Scope.ANALYTICS_READ)
    Reports.Overview overview(
            Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "workspace_id", required = false) String workspaceId,
            @RequestParam(required = false) String timezone) {
        if (workspaceId != null && !workspaceId.equals(caller.workspaceId())) {
            throw ApiException.notFound("workspace", workspaceId);
        }
        return reports.overview(caller, fromTo(from, to, timezone));
    }

    record AgentList(List<Reports.AgentRow> data) {}

    /** Seed 003's agent performance. */
    @GetMapping("/v1/analytics/agents")
    @RequiresScope(Scope.ANALYTICS_READ)
    AgentList agents(
            Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "sort_by", required = false) String sortBy,
            @RequestParam(required = false) String timezone) {
        return new AgentList(reports.agents(caller, fromTo(from, to, timezone), sortBy));
    }

    private Period fromTo(String from, String to, String timezone) {
        ZoneId zone = Period.zone(timezone, "timezone");
        if (from == null && to == null) {
            return Period.lastDays(30, zone, clock.instant());
        }
        return Period.between(from, "from", to, "to", zone);
    }

    /** Seed 000's dashboard overview. */
    @GetMapping({"/v1/dashboard/overview", "/api/dashboard/overview"})
    @RequiresScope(Scope.ANALYTICS_READ)
    Reports.Dashboard dashboard(
            Caller caller,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String timezone) {
        ZoneId zone = Period.zone(timezone, "timezone");
        String name = period == null || period.isBlank() ? "week" : period.strip();
        int days = switch (name) {
            case "today" -> 1;
            case "week" -> 7;
            case "month" -> 30;
            case "year" -> 365;
            default -> throw ApiException.invalidField("period", "invalid_value");
        };
        return reports.dashboard(caller, name, Period.lastDays(days, zone, clock.instant()));
    }

    /** Seed 000's intelligence: a date range, or the last {@code days} days (7 by default). */
    @GetMapping({"/v1/analytics/intelligence", "/api/analytics/intelligence"})
    @RequiresScope(Scope.ANALYTICS_READ)
    Journeys.Intelligence intelligence(
            Caller caller,
            @RequestParam(required = false) String metric,
            @RequestParam(required = false) String domain,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "startDate", required = false) String startDateCamel,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "endDate", required = false) String endDateCamel,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String timezone) {
        ZoneId zone = Period.zone(timezone, "timezone");
        String start = startDate != null ? startDate : startDateCamel;
        String end = endDate != null ? endDate : endDateCamel;
        Period period;
        if (start != null || end != null) {
            period = Period.between(start, "start_date", end, "end_date", zone);
        } else {
            period = Period.lastDays(days == null ? 7 : integer(days, "days"), zone, clock.instant());
        }
        return journeys.intelligence(caller, period, metric, domain);
    }

    record ClientEvent(String sessionId, String eventType, Map<String, Object> data) {}

    /** Seed 004: a client's own event (a page view, a tool run, a cart change) for a session. */
    @PostMapping({"/v1/analytics/events", "/api/analytics/events"})
    @ResponseStatus(HttpStatus.CREATED)
    @WidgetAccess
    Journeys.Recorded event(Caller caller, @RequestBody ClientEvent event) {
        if (!caller.has(Scope.ANALYTICS_WRITE) && !caller.has(Scope.WIDGET)) {
            throw ApiException.forbidden(Scope.ANALYTICS_WRITE.value());
        }
        return journeys.record(caller, event.sessionId(), event.eventType(), event.data());
    }

    /** Seed 004's analytics of one session. */
    @GetMapping({"/v1/analytics/sessions/{session_id}", "/api/analytics/sessions/{session_id}"})
    @RequiresScope(Scope.ANALYTICS_READ)
    Journeys.SessionReport session(Caller caller, @PathVariable("session_id") String sessionId) {
        return journeys.session(caller, sessionId);
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "invalid_number");
        }
    }
}
