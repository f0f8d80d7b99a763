package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** Seed 000's intelligence report ({@code time_range}, {@code summary}, and the metrics asked for). Any other field: {@link #get(String)}. */
public class Intelligence extends JsonObject {
    public Intelligence(Map<String, ?> values) {
        super(values);
    }

    /** {@code time_range}. */
    public JsonObject timeRange() {
        return getObject("time_range");
    }

    /** {@code customer_journey}. */
    public JsonObject customerJourney() {
        return getObject("customer_journey");
    }

    /** {@code content_gaps}. */
    public List<JsonObject> contentGaps() {
        return getObjects("content_gaps");
    }

    /** {@code peak_usage}. */
    public JsonObject peakUsage() {
        return getObject("peak_usage");
    }

    /** {@code conversion_funnel}. */
    public JsonObject conversionFunnel() {
        return getObject("conversion_funnel");
    }

    /** {@code summary}. */
    public JsonObject summary() {
        return getObject("summary");
    }
}
