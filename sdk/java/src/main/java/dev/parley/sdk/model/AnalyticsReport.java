package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** Seed 001/002's report. Any other field: {@link #get(String)}. */
public class AnalyticsReport extends JsonObject {
    public AnalyticsReport(Map<String, ?> values) {
        super(values);
    }

    /** {@code period}. */
    public JsonObject period() {
        return getObject("period");
    }

    /** {@code summary}. */
    public JsonObject summary() {
        return getObject("summary");
    }

    /** {@code by_intent}. */
    public JsonObject byIntent() {
        return getObject("by_intent");
    }

    /** {@code by_sentiment}. */
    public JsonObject bySentiment() {
        return getObject("by_sentiment");
    }

    /** {@code time_series}. */
    public List<JsonObject> timeSeries() {
        return getObjects("time_series");
    }

    /** {@code actions_taken}. */
    public JsonObject actionsTaken() {
        return getObject("actions_taken");
    }
}
