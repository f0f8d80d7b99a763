package dev.parley.analytics.internal;

import dev.parley.analytics.AnalyticsDashboard;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class ConsoleDashboard implements AnalyticsDashboard {

    private final Reports reports;
    private final Clock clock;

    ConsoleDashboard(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public Figures lastDays(Caller caller, int days) {
        caller.require(Scope.ANALYTICS_READ);
        Reports.Analytics a = reports.analytics(
                caller,
                Period.lastDays(days, ZoneOffset.UTC, clock.instant()),
                Period.Granularity.DAY,
                Reports.METRICS_002);
        Map<String, Long> byIntent = new LinkedHashMap<>();
        a.byIntent().forEach((intent, row) -> byIntent.put(intent, row.count()));
        Reports.Summary s = a.summary();
        return new Figures(
                s.totalConversations(),
                s.totalMessages(),
                s.automationRate(),
                s.escalationRate(),
                s.avgResponseTimeMs(),
                s.csatAverage(),
                s.csatCount(),
                a.timeSeries().stream()
                        .map(p -> new Day(p.date(), p.conversations(), p.automationRate()))
                        .toList(),
                byIntent,
                a.bySentiment(),
                a.actionsTaken());
    }
}
