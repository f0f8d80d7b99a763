package dev.parley.analytics;

import dev.parley.platform.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The figures of the console's analytics page: the same numbers {@code GET /v1/analytics} reports. */
public interface AnalyticsDashboard {

    record Day(LocalDate date, long conversations, double automationRate) {}

    record Figures(
            long totalConversations,
            long totalMessages,
            double automationRate,
            double escalationRate,
            long avgResponseTimeMs,
            double csatAverage,
            long csatCount,
            List<Day> days,
            Map<String, Long> byIntent,
            Map<String, Long> bySentiment,
            Map<String, Long> actionsTaken) {}

    /**
     * The caller's workspace's figures over the last {@code days} days (UTC), one point a day.
     *
     * @throws dev.parley.platform.ApiException {@code insufficient_permissions} without {@code analytics:read}, or
     *     {@code invalid_field} for a period of more than three years
     */
    Figures lastDays(Caller caller, int days);
}
