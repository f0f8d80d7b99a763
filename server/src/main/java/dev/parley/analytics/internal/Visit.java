package dev.parley.analytics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A visitor's session as the journey and funnel reports read it: its path (page types or event names in order,
 * repeats collapsed, the first eight), whether it bought, its visitor (the first named), when that visitor first
 * bought in it, when it began and the funnel stages it reached (bit i for {@link Journeys#FUNNEL} stage i).
 */
record Visit(
        String sessionId,
        List<String> path,
        boolean purchase,
        String visitor,
        Instant converted,
        Instant firstAt,
        int stages,
        long firstSlot,
        long lastSlot) {

    /** The visit of a session's steps, given in the order they were recorded. */
    static Visit of(String sessionId, List<AnalyticsRows.Step> steps) {
        List<String> path = new ArrayList<>();
        boolean purchase = false;
        String visitor = null;
        Instant converted = null;
        int stages = 0;
        for (AnalyticsRows.Step e : steps) {
            String step = e.step() == null ? e.name() : e.step();
            if (path.isEmpty() || !path.getLast().equals(step)) {
                if (path.size() < 8) {
                    path.add(step);
                }
            }
            boolean bought = e.name().equals("purchase");
            purchase |= bought;
            if (visitor == null && e.visitorId() != null) {
                visitor = e.visitorId();
            }
            if (visitor != null && bought && (converted == null || e.at().isBefore(converted))) {
                converted = e.at();
            }
            int stage = Journeys.FUNNEL.indexOf(e.name());
            if (stage >= 0) {
                stages |= 1 << stage;
            }
        }
        return new Visit(
                sessionId,
                List.copyOf(path),
                purchase,
                visitor,
                converted,
                steps.getFirst().at(),
                stages,
                AnalyticsRows.slot(steps.getFirst().at()),
                AnalyticsRows.slot(steps.getLast().at()));
    }

    boolean reached(int stage) {
        return (stages & (1 << stage)) != 0;
    }
}
