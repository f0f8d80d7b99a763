package dev.parley.analytics.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.analytics.internal.AnalyticsRows.Count;
import dev.parley.analytics.internal.AnalyticsRows.Stored;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.EventName;
import dev.parley.platform.Ids;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What visitors do around their conversations: clients' own events (seed 004's {@code POST /v1/analytics/events}),
 * each session's analytics, and seed 000's intelligence report (journey, content gaps, peak usage, conversion funnel
 * and insights drawn from them).
 */
@Service
class Journeys {

    static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    static final int MAX_DATA = 8_000;
    /** The funnel's stages, in order; a session reaches a stage when it sent that event. */
    static final List<String> FUNNEL = List.of("page_view", "product_view", "add_to_cart", "checkout", "purchase");

    private final AnalyticsRows analyticsRows;
    private final Reports reports;
    private final JsonMapper json;
    private final java.time.Clock clock;

    Journeys(AnalyticsRows analyticsRows, Reports reports, JsonMapper json, java.time.Clock clock) {
        this.analyticsRows = analyticsRows;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    // ---- seed 004 --------------------------------------------------------------------------------------------

    record Recorded(String eventId, Instant timestamp) {}

    Recorded record(Caller caller, String sessionId, String eventType, Map<String, Object> data) {
        if (sessionId == null || sessionId.isBlank()) {
            throw ApiException.missingField("session_id");
        }
        if (sessionId.length() > 200) {
            throw ApiException.invalidField("session_id", "too_long");
        }
        if (eventType == null || eventType.isBlank()) {
            throw ApiException.missingField("event_type");
        }
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            throw ApiException.invalidField("event_type", "invalid_value");
        }
        Map<String, Object> payload = data == null ? Map.of() : data;
        if (json.writeValueAsString(payload).length() > MAX_DATA) {
            throw ApiException.invalidField("data", "too_long");
        }
        Instant now = clock.instant();
        String id = Ids.next("evt");
        String domain = domainOf(payload);
        Object visitor = payload.get("visitor_id");
        analyticsRows.clientEvent(
                caller.workspaceId(),
                caller.mode(),
                new AnalyticsRows.ClientEvent(
                        id,
                        eventType,
                        amount(eventType, payload),
                        now,
                        sessionId,
                        clip(step(eventType, payload)),
                        visitor == null ? null : clip(visitor.toString()),
                        domain == null ? null : clip(domain.toLowerCase(Locale.ROOT)),
                        payload));
        return new Recorded(id, now);
    }

    /** The money an event moves: a cart line's price times quantity, or a purchase's value. */
    private static Double amount(String type, Map<String, Object> data) {
        return switch (type) {
            case "add_to_cart" -> number(data.get("price")) * Math.max(1, number(data.getOrDefault("quantity", 1)));
            case "remove_from_cart" ->
                -number(data.get("price")) * Math.max(1, number(data.getOrDefault("quantity", 1)));
            case "purchase" -> number(data.getOrDefault("value", data.get("total")));
            case "tool_execution" -> number(data.get("duration_ms"));
            default -> null;
        };
    }

    record SessionMetrics(
            long durationSeconds, long messagesCount, long toolsExecuted, long productsViewed, double cartValue) {}

    record SessionReport(String sessionId, SessionMetrics metrics, Map<String, Long> toolUsage, List<String> intents) {}

    SessionReport session(Caller caller, String sessionId) {
        var conversation = analyticsRows.conversationOfSession(caller.workspaceId(), caller.mode(), sessionId);
        List<Stored> events = analyticsRows.sessionEvents(
                caller.workspaceId(),
                caller.mode(),
                sessionId,
                conversation.map(AnalyticsRows.ConversationRow::conversationId).orElse(null));
        if (events.isEmpty() && conversation.isEmpty()) {
            throw ApiException.notFound("session", sessionId);
        }
        Map<String, Long> tools = new LinkedHashMap<>();
        Set<String> intents = new LinkedHashSet<>();
        Set<String> products = new LinkedHashSet<>();
        double cart = 0;
        Long ended = null;
        Instant first =
                conversation.map(AnalyticsRows.ConversationRow::createdAt).orElse(null);
        Instant last = first;
        for (Stored e : events) {
            first = first == null || e.at().isBefore(first) ? e.at() : first;
            last = last == null || e.at().isAfter(last) ? e.at() : last;
            switch (e.type()) {
                case EventType.Kind.CLIENT -> {
                    switch (e.name()) {
                        case "tool_execution" -> tools.merge(text(e.data().get("tool_name"), "unknown"), 1L, Long::sum);
                        case "product_view" -> products.add(text(e.data().get("product_id"), "unknown"));
                        case "add_to_cart", "remove_from_cart" -> cart += e.amount() == null ? 0 : e.amount();
                        default -> {}
                    }
                }
                case EventType.Kind.ACTION -> {
                    Object tool = e.data().get("tool");
                    if (tool != null && "executed".equals(e.data().get("status"))) {
                        tools.merge(tool.toString(), 1L, Long::sum);
                    }
                }
                case EventType.Kind.TURN -> {
                    if (e.name() != null) {
                        intents.add(e.name());
                    }
                }
                case EventType.Fact(EventName name)
                when name == EventName.CHAT_SESSION_ENDED -> {
                    if (e.data().get("duration_seconds") instanceof Number n) {
                        ended = n.longValue();
                    }
                }
                case EventType.Fact other -> {}
                case EventType.Unrecognized old -> {}
            }
        }
        long duration = ended != null
                ? ended
                : first == null ? 0 : java.time.Duration.between(first, last).toSeconds();
        long executed = tools.values().stream().mapToLong(Long::longValue).sum();
        return new SessionReport(
                sessionId,
                new SessionMetrics(
                        duration,
                        conversation
                                .map(AnalyticsRows.ConversationRow::messages)
                                .orElse(0),
                        executed,
                        products.size(),
                        Reports.round(Math.max(0, cart), 2)),
                tools,
                List.copyOf(intents));
    }

    // ---- seed 000's intelligence ----------------------------------------------------------------------------

    static final Set<String> METRICS = Set.of("journey", "content-gaps", "peak-usage", "conversion-funnel", "all");

    record Path(List<String> path, long count, double conversionRate) {}

    record Journey(double conversionRate, double avgSessionsBeforeConversion, List<Path> commonPaths) {}

    record Gap(String query, long frequency, double avgConfidence) {}

    record Peak(List<Long> byHour, Map<String, Long> byWeekday, Integer busiestHour, String busiestDay) {}

    record Stage(String stage, long sessions, double conversionRate) {}

    record Funnel(List<Stage> stages, double overallConversionRate) {}

    record Insight(String type, String metric, String message, String priority) {}

    record InsightSummary(int totalInsights, int criticalCount, List<Insight> insights) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Intelligence(
            Reports.PeriodView timeRange,
            Journey customerJourney,
            List<Gap> contentGaps,
            Peak peakUsage,
            Funnel conversionFunnel,
            InsightSummary summary) {}

    Intelligence intelligence(Caller caller, Period period, String metric, String domain) {
        String wanted = metric == null || metric.isBlank() ? "all" : metric.strip();
        if (!METRICS.contains(wanted)) {
            throw ApiException.invalidField("metric", "invalid_value");
        }
        boolean all = wanted.equals("all");
        List<Visit> sessions = all || wanted.equals("journey") || wanted.equals("conversion-funnel")
                ? analyticsRows.visits(caller.workspaceId(), caller.mode(), period.start(), period.end(), domain)
                : List.of();
        Journey journey = all || wanted.equals("journey") ? journey(sessions) : null;
        List<Gap> gaps = all || wanted.equals("content-gaps")
                ? reports.contentGaps(caller, period).stream()
                        .map(Journeys::gap)
                        .toList()
                : null;
        Peak peak = all || wanted.equals("peak-usage") ? peak(caller, period) : null;
        Funnel funnel = all || wanted.equals("conversion-funnel") ? funnel(sessions) : null;
        return new Intelligence(
                new Reports.PeriodView(
                        period.start(), period.end(), period.zone().getId()),
                journey,
                gaps,
                peak,
                funnel,
                insights(journey, gaps, funnel, caller, period));
    }

    private static Gap gap(Count c) {
        return new Gap(c.key(), c.count(), Reports.round(c.average(), 2));
    }

    private Journey journey(Collection<Visit> sessions) {
        Map<List<String>, long[]> paths = new HashMap<>();
        long converted = 0;
        Map<String, List<Instant>> visitorSessions = new HashMap<>();
        Map<String, Instant> visitorConverted = new HashMap<>();
        for (Visit visit : sessions) {
            if (visit.visitor() != null) {
                visitorSessions
                        .computeIfAbsent(visit.visitor(), k -> new ArrayList<>())
                        .add(visit.firstAt());
                if (visit.converted() != null) {
                    visitorConverted.merge(visit.visitor(), visit.converted(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            long[] counts = paths.computeIfAbsent(visit.path(), k -> new long[2]);
            counts[0]++;
            if (visit.purchase()) {
                counts[1]++;
                converted++;
            }
        }
        double before = visitorConverted.entrySet().stream()
                .mapToLong(v -> visitorSessions.getOrDefault(v.getKey(), List.of()).stream()
                        .filter(start -> !start.isAfter(v.getValue()))
                        .count())
                .average()
                .orElse(0);
        List<Path> common = paths.entrySet().stream()
                .sorted(Map.Entry.<List<String>, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0]))
                        .thenComparing(e -> String.join(">", e.getKey())))
                .limit(5)
                .map(e -> new Path(e.getKey(), e.getValue()[0], Reports.ratio(e.getValue()[1], e.getValue()[0])))
                .toList();
        return new Journey(Reports.ratio(converted, sessions.size()), Reports.round(before, 2), common);
    }

    /** A step of a visitor's path: a page view's page type (or path), else the event's own name. */
    private static String step(String type, Map<String, Object> data) {
        if (type.equals("page_view")) {
            Object pageType = data.get("page_type");
            if (pageType != null) {
                return pageType.toString();
            }
            Object path = data.getOrDefault("path", data.get("url"));
            return path == null ? "page" : pathOf(path.toString());
        }
        return type;
    }

    private static String clip(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "page";
        }
    }

    private static String domainOf(Map<String, Object> data) {
        Object domain = data.get("domain");
        if (domain != null) {
            return domain.toString();
        }
        Object url = data.get("url");
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url.toString()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Funnel funnel(Collection<Visit> sessions) {
        List<Stage> stages = new ArrayList<>();
        long previous = sessions.size();
        long first = 0;
        long reached = 0;
        for (int i = 0; i < FUNNEL.size(); i++) {
            String stage = FUNNEL.get(i);
            int index = i;
            reached = sessions.stream().filter(visit -> visit.reached(index)).count();
            if (i == 0) {
                first = reached;
            }
            stages.add(new Stage(stage, reached, Reports.ratio(reached, i == 0 ? sessions.size() : previous)));
            previous = reached;
        }
        return new Funnel(stages, Reports.ratio(reached, first));
    }

    private Peak peak(Caller caller, Period period) {
        long[] hours = new long[24];
        Map<String, Long> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().toLowerCase(Locale.ROOT), 0L);
        }
        for (AnalyticsRows.SlotCount slot : analyticsRows.eventSlots(
                caller.workspaceId(),
                caller.mode(),
                new EventType.Fact(EventName.MESSAGE_RECEIVED),
                period.start(),
                period.end())) {
            ZonedDateTime local = Instant.ofEpochSecond(slot.slot() * AnalyticsRows.SLOT_SECONDS)
                    .atZone(period.zone());
            hours[local.getHour()] += slot.count();
            days.merge(local.getDayOfWeek().name().toLowerCase(Locale.ROOT), slot.count(), Long::sum);
        }
        Integer busiestHour = null;
        for (int h = 0; h < 24; h++) {
            if (hours[h] > 0 && (busiestHour == null || hours[h] > hours[busiestHour])) {
                busiestHour = h;
            }
        }
        String busiestDay = days.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey)
                .orElse(null);
        return new Peak(java.util.Arrays.stream(hours).boxed().toList(), days, busiestHour, busiestDay);
    }

    /** Rules over the numbers, most urgent first: each names its metric and why it matters. */
    private InsightSummary insights(Journey journey, List<Gap> gaps, Funnel funnel, Caller caller, Period period) {
        List<Insight> insights = new ArrayList<>();
        if (gaps != null) {
            for (Gap gap : gaps) {
                if (gap.frequency() >= 10) {
                    insights.add(new Insight(
                            "critical",
                            "content_gap",
                            "Customers asked \"%s\" %d times and the knowledge base could not answer well (average confidence %.2f). Add an article."
                                    .formatted(gap.query(), gap.frequency(), gap.avgConfidence()),
                            "critical"));
                } else if (gap.frequency() >= 3) {
                    insights.add(new Insight(
                            "warning",
                            "content_gap",
                            "\"%s\" was asked %d times without a confident answer."
                                    .formatted(gap.query(), gap.frequency()),
                            "medium"));
                }
            }
        }
        if (journey != null && !journey.commonPaths().isEmpty() && journey.conversionRate() < 0.3) {
            insights.add(new Insight(
                    "warning",
                    "conversion",
                    "Low conversion rate (%d%%). Consider optimizing user flow."
                            .formatted(Math.round(journey.conversionRate() * 100)),
                    "high"));
        }
        if (funnel != null && funnel.stages().get(2).sessions() > 0) {
            double checkout = funnel.stages().get(3).conversionRate();
            if (checkout < 0.5) {
                insights.add(new Insight(
                        "warning",
                        "cart_abandonment",
                        "Only %d%% of carts reach checkout.".formatted(Math.round(checkout * 100)),
                        "high"));
            }
        }
        AnalyticsRows.Totals totals =
                analyticsRows.totals(caller.workspaceId(), caller.mode(), period.start(), period.end());
        if (totals.conversations() >= 10 && Reports.ratio(totals.escalated(), totals.conversations()) > 0.3) {
            insights.add(new Insight(
                    "warning",
                    "escalation",
                    "%d%% of conversations needed a human."
                            .formatted(Math.round(100.0 * totals.escalated() / totals.conversations())),
                    "medium"));
        }
        if (totals.csatCount() >= 5 && Reports.average(totals.csatSum(), totals.csatCount()) < 3.5) {
            insights.add(new Insight(
                    "warning",
                    "satisfaction",
                    "Average CSAT is %.1f out of 5.".formatted(Reports.average(totals.csatSum(), totals.csatCount())),
                    "high"));
        }
        List<String> order = List.of("critical", "high", "medium", "low");
        insights.sort(java.util.Comparator.comparingInt(i -> order.indexOf(i.priority())));
        int critical = (int)
                insights.stream().filter(i -> i.priority().equals("critical")).count();
        return new InsightSummary(insights.size(), critical, insights);
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}
