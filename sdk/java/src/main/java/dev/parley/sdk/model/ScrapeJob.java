package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** A crawl: {@code job_id}, {@code status} (queued, processing, completed, failed, cancelled), progress. Any other field: {@link #get(String)}. */
public class ScrapeJob extends JsonObject {
    public ScrapeJob(Map<String, ?> values) {
        super(values);
    }

    /** {@code job_id}. */
    public String jobId() {
        return getString("job_id");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code url}. */
    public String url() {
        return getString("url");
    }

    /** {@code result}. */
    public String result() {
        return getString("result");
    }

    /** {@code estimated_pages}. */
    public Integer estimatedPages() {
        return getInt("estimated_pages");
    }

    /** {@code progress}. */
    public JsonObject progress() {
        return getObject("progress");
    }

    /** {@code errors}. */
    public List<JsonObject> errors() {
        return getObjects("errors");
    }

    /** {@code started_at}. */
    public String startedAt() {
        return getString("started_at");
    }

    /** {@code finished_at}. */
    public String finishedAt() {
        return getString("finished_at");
    }
}
