package dev.parley.analytics.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.analytics.internal.AnalyticsRows.Count;
import dev.parley.analytics.internal.AnalyticsRows.Slot;
import dev.parley.analytics.internal.AnalyticsRows.Totals;
import dev.parley.analytics.internal.Period.Granularity;
import dev.parley.conversation.AgentPerformance;
import dev.parley.platform.Caller;
import dev.parley.tenancy.Agents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The conversation reports of seeds 001, 002 and 003, and seed 000's dashboard, all from the per-conversation rows:
 * a conversation belongs to the period it started in, with everything that happened in it (docs/analytics.md).
 */
@Service
class Reports {

    static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative", "frustrated");

    private final AnalyticsRows analyticsRows;
    private final Agents team;
    private final AgentPerformance performance;

    Reports(AnalyticsRows analyticsRows, Agents team, AgentPerformance performance) {
        this.analyticsRows = analyticsRows;
        this.team = team;
        this.performance = performance;
    }

    // ---- seed 001 (with seed 002's blocks) ---------------------------------------------------------------

    record PeriodView(Instant start, Instant end, String timezone) {}

    record Summary(
            long totalConversations,
            long totalMessages,
            double automationRate,
            double escalationRate,
            long avgResponseTimeMs,
            long avgResolutionTimeSeconds,
            double csatAverage,
            long csatCount) {}

    record IntentRow(long count, double percentage, double automationRate) {}

    record Point(LocalDate date, long conversations, double automationRate, long avgResponseTimeMs) {}

    record DailyRow(LocalDate date, long conversations, double resolutionRate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metrics002(
            Long totalConversations,
            Long aiResolved,
            Long escalated,
            Double resolutionRate,
            Double avgResponseTime,
            Double customerSatisfaction) {}

    record Analytics(
            PeriodView period,
            String granularity,
            Summary summary,
            Map<String, IntentRow> byIntent,
            Map<String, Long> bySentiment,
            List<Point> timeSeries,
            Map<String, Long> actionsTaken,
            Metrics002 metrics,
            List<DailyRow> dailyBreakdown) {}

    static final Set<String> METRICS_002 = Set.of(
            "conversations",
            "total_conversations",
            "ai_resolved",
            "escalated",
            "resolution_rate",
            "avg_response_time",
            "customer_satisfaction");

    Analytics analytics(Caller caller, Period period, Granularity granularity, Set<String> metrics) {
        List<Slot> slots = analyticsRows.slots(caller.workspaceId(), caller.mode(), period.start(), period.end());
        Map<LocalDate, Totals> buckets = new LinkedHashMap<>();
        for (LocalDate bucket : period.buckets(granularity)) {
            buckets.put(bucket, Totals.NONE);
        }
        Totals all = Totals.NONE;
        for (Slot slot : slots) {
            buckets.merge(granularity.bucketOf(period.dayOf(slot.slot())), slot.totals(), Totals::plus);
            all = all.plus(slot.totals());
        }
        // One pass over the period's conversations gives both tables: counted per intent and sentiment together.
        Map<String, long[]> intents = new LinkedHashMap<>();
        Map<String, Long> bySentiment = new LinkedHashMap<>();
        SENTIMENTS.forEach(s -> bySentiment.put(s, 0L));
        for (AnalyticsRows.Mix mix :
                analyticsRows.mix(caller.workspaceId(), caller.mode(), period.start(), period.end())) {
            long[] counts = intents.computeIfAbsent(key(mix.intent()), k -> new long[2]);
            counts[0] += mix.conversations();
            counts[1] += mix.automated();
            bySentiment.merge(key(mix.sentiment()), mix.conversations(), Long::sum);
        }
        long total = all.conversations();
        Map<String, IntentRow> byIntent = new LinkedHashMap<>();
        intents.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> byIntent.put(
                        e.getKey(),
                        new IntentRow(
                                e.getValue()[0],
                                ratio(e.getValue()[0], total),
                                ratio(e.getValue()[1], e.getValue()[0]))));
        Map<String, Long> actions = new TreeMap<>();
        analyticsRows
                .named(caller.workspaceId(), caller.mode(), EventType.Kind.ACTION, period.start(), period.end(), 1000)
                .forEach(c -> actions.put(c.key(), c.count()));
        List<Point> series = buckets.entrySet().stream()
                .map(e -> new Point(
                        e.getKey(),
                        e.getValue().conversations(),
                        ratio(e.getValue().automated(), e.getValue().conversations()),
                        responseMillis(e.getValue())))
                .toList();
        List<DailyRow> daily = buckets.entrySet().stream()
                .map(e -> new DailyRow(
                        e.getKey(),
                        e.getValue().conversations(),
                        ratio(e.getValue().resolved(), e.getValue().conversations())))
                .toList();
        return new Analytics(
                new PeriodView(period.start(), period.end(), period.zone().getId()),
                granularity.name().toLowerCase(java.util.Locale.ROOT),
                new Summary(
                        all.conversations(),
                        all.messages(),
                        ratio(all.automated(), all.conversations()),
                        ratio(all.escalated(), all.conversations()),
                        responseMillis(all),
                        Math.round(average(all.resolutionSeconds(), all.resolved())),
                        round(average(all.csatSum(), all.csatCount()), 2),
                        all.csatCount()),
                byIntent,
                bySentiment,
                series,
                actions,
                metrics002(all, metrics),
                daily);
    }

    private static Metrics002 metrics002(Totals all, Set<String> wanted) {
        boolean every = wanted.isEmpty();
        return new Metrics002(
                every || wanted.contains("conversations") || wanted.contains("total_conversations")
                        ? all.conversations()
                        : null,
                every || wanted.contains("ai_resolved") ? all.aiResolved() : null,
                every || wanted.contains("escalated") ? all.escalated() : null,
                every || wanted.contains("resolution_rate") ? ratio(all.resolved(), all.conversations()) : null,
                every || wanted.contains("avg_response_time") ? round(responseMillis(all) / 1000.0, 2) : null,
                every || wanted.contains("customer_satisfaction")
                        ? round(average(all.csatSum(), all.csatCount()), 2)
                        : null);
    }

    // ---- seed 003 --------------------------------------------------------------------------------------------

    record DatePeriod(LocalDate from, LocalDate to, String timezone) {}

    record OverviewMetrics(
            long totalChats,
            long avgResponseTimeSeconds,
            double avgResolutionTimeMinutes,
            double csatScore,
            long csatResponses,
            double firstContactResolutionRate) {}

    record Trends(Double chatsChangePercent, Double responseTimeChangePercent) {}

    record Overview(DatePeriod period, OverviewMetrics metrics, Trends trends) {}

    Overview overview(Caller caller, Period period) {
        Totals now = analyticsRows.totals(caller.workspaceId(), caller.mode(), period.start(), period.end());
        Period before = period.previous();
        Totals then = analyticsRows.totals(caller.workspaceId(), caller.mode(), before.start(), before.end());
        return new Overview(
                new DatePeriod(
                        period.firstDay(), period.lastDay(), period.zone().getId()),
                new OverviewMetrics(
                        now.conversations(),
                        Math.round(average(now.agentResponseSeconds(), now.agentResponses())),
                        round(average(now.resolutionSeconds(), now.resolved()) / 60.0, 1),
                        round(average(now.csatSum(), now.csatCount()), 2),
                        now.csatCount(),
                        ratio(now.firstContact(), now.resolved())),
                new Trends(
                        change(now.conversations(), then.conversations()),
                        change(
                                average(now.agentResponseSeconds(), now.agentResponses()),
                                average(then.agentResponseSeconds(), then.agentResponses()))));
    }

    record AgentRow(
            String agentId,
            String name,
            long totalChats,
            long resolvedChats,
            Long avgResponseTimeSeconds,
            Double csatScore,
            long csatResponses) {}

    /**
     * Seed 003's agent performance: every agent still on the team, and any other who held chats in the period, by
     * {@link AgentPerformance}'s definitions (the same numbers as each agent's own stats).
     */
    List<AgentRow> agents(Caller caller, Period period, String sortBy) {
        Comparator<AgentRow> order = switch (sortBy == null ? "total_chats" : sortBy) {
            case "total_chats" -> Comparator.comparingLong(AgentRow::totalChats).reversed();
            case "csat_score" ->
                Comparator.comparing(AgentRow::csatScore, Comparator.nullsLast(Comparator.reverseOrder()));
            case "response_time" ->
                Comparator.comparing(AgentRow::avgResponseTimeSeconds, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> throw dev.parley.platform.ApiException.invalidField("sort_by", "invalid_value");
        };
        return team.all(caller.workspaceId()).stream()
                .map(agent -> {
                    AgentPerformance.Stats stats = performance.of(caller, agent.id(), period.start(), period.end());
                    return agent.active() || stats.totalChats() > 0
                            ? new AgentRow(
                                    agent.id(),
                                    agent.name(),
                                    stats.totalChats(),
                                    stats.resolvedChats(),
                                    stats.avgResponseTimeSeconds(),
                                    stats.csatScore(),
                                    stats.csatResponses())
                            : null;
                })
                .filter(java.util.Objects::nonNull)
                .sorted(order.thenComparing(AgentRow::agentId))
                .toList();
    }

    // ---- seed 000's dashboard -------------------------------------------------------------------------------

    record DashboardMetrics(
            long totalConversations, long activeUsers, double avgResponseTime, double satisfactionScore) {}

    record Growth(Double conversationsGrowth, Double usersGrowth) {}

    record Query(String query, long count) {}

    record Dashboard(
            String period,
            String timezone,
            PeriodView timeRange,
            DashboardMetrics metrics,
            Growth trends,
            List<Query> topQueries) {}

    Dashboard dashboard(Caller caller, String name, Period period) {
        Totals now = analyticsRows
                .totals(caller.workspaceId(), caller.mode(), period.start(), period.end())
                .withCustomers(
                        analyticsRows.customers(caller.workspaceId(), caller.mode(), period.start(), period.end()));
        Period before = period.previous();
        Totals then = analyticsRows
                .totals(caller.workspaceId(), caller.mode(), before.start(), before.end())
                .withCustomers(
                        analyticsRows.customers(caller.workspaceId(), caller.mode(), before.start(), before.end()));
        List<Query> top =
                analyticsRows.topQueries(caller.workspaceId(), caller.mode(), period.start(), period.end(), 10).stream()
                        .map(c -> new Query(c.key(), c.count()))
                        .toList();
        return new Dashboard(
                name,
                period.zone().getId(),
                new PeriodView(period.start(), period.end(), period.zone().getId()),
                new DashboardMetrics(
                        now.conversations(),
                        now.customers(),
                        round(responseMillis(now) / 1000.0, 2),
                        round(average(now.csatSum(), now.csatCount()), 2)),
                new Growth(
                        growth(now.conversations(), then.conversations()), growth(now.customers(), then.customers())),
                top);
    }

    List<Count> contentGaps(Caller caller, Period period) {
        return analyticsRows.named(
                caller.workspaceId(), caller.mode(), EventType.GAP, period.start(), period.end(), 20);
    }

    // ---- arithmetic ----------------------------------------------------------------------------------------

    private static String key(String value) {
        return value == null ? "unknown" : value;
    }

    static long responseMillis(Totals t) {
        return Math.round(average(t.turnMillis(), t.turns()));
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : round((double) part / whole, 4);
    }

    static double average(double sum, long count) {
        return count == 0 ? 0.0 : sum / count;
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** Percent change from the previous period; none when there was nothing to compare with. */
    static Double change(double now, double before) {
        return before == 0 ? null : round((now - before) / before * 100.0, 1);
    }

    /** Growth as a fraction (0.15 = 15 %); none when the previous period was empty. */
    static Double growth(double now, double before) {
        return before == 0 ? null : round((now - before) / before, 4);
    }
}
