package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.AnalyticsReport;
import dev.parley.sdk.model.Intelligence;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;

/** Every analytics report, client events and request metrics. */
public final class Analytics extends Resource {
    public Analytics(HttpCore http) {
        super(http);
    }

    /** Seed 000's intelligence report ({@code metric}: journey, content-gaps, peak-usage, conversion-funnel, all). */
    public Intelligence getIntelligence(Params params, RequestOptions... options) {
        return get("/v1/analytics/intelligence", params, Intelligence::new, options);
    }

    /** Seed 001/002's report ({@code startDate}, {@code endDate}, {@code granularity}, {@code metrics}). */
    public AnalyticsReport report(Params params, RequestOptions... options) {
        return get("/v1/analytics", params, AnalyticsReport::new, options);
    }

    /** Seed 003's overview ({@code from}, {@code to}, {@code timezone}). */
    public JsonObject overview(Params params, RequestOptions... options) {
        return get("/v1/analytics/overview", params, JsonObject::new, options);
    }

    /** Seed 003's per-agent table ({@code data}). */
    public JsonObject agents(Params params, RequestOptions... options) {
        return get("/v1/analytics/agents", params, JsonObject::new, options);
    }

    /** Seed 000's dashboard ({@code period}: today, week, month, year). */
    public JsonObject dashboard(Params params, RequestOptions... options) {
        return get("/v1/dashboard/overview", params, JsonObject::new, options);
    }

    /** Seed 004's client event ({@code sessionId}, {@code eventType}, {@code data}). */
    public JsonObject trackEvent(Params params, RequestOptions... options) {
        return post("/v1/analytics/events", params, JsonObject::new, options);
    }

    /** Seed 004's session metrics. */
    public JsonObject session(String sessionId, RequestOptions... options) {
        return get("/v1/analytics/sessions/" + enc(sessionId), null, JsonObject::new, options);
    }

    /** Seed 003's stats of one agent ({@code from}, {@code to}). */
    public JsonObject agentStats(String agentId, Params params, RequestOptions... options) {
        return get("/v1/agents/" + enc(agentId) + "/stats", params, JsonObject::new, options);
    }

    /** Request timings as JSON ({@code operations}). */
    public JsonObject metrics(Params params, RequestOptions... options) {
        return get("/v1/monitoring/metrics", params, JsonObject::new, options);
    }

    /** Request timings in Prometheus' text format. */
    public String prometheusMetrics(RequestOptions... options) {
        return http.send(ApiRequest.get("/v1/monitoring/metrics")
                        .query(Params.of("format", "prometheus"))
                        .options(opts(options)))
                .text();
    }
}
