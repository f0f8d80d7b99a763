package dev.parley.knowledge;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A website crawl finished (seed 000's {@code scrape.completed}).
 *
 * @param status {@code success}, {@code partial} (some pages failed) or {@code failed} (no page could be read)
 */
public record ScrapeCompleted(
        String workspaceId,
        Mode mode,
        String jobId,
        String url,
        int pagesScraped,
        int pagesFailed,
        Duration duration,
        String status)
        implements PublicEvent {

    @Override
    public String type() {
        return EventName.SCRAPE_COMPLETED.wire();
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", jobId);
        data.put("url", url);
        data.put("status", status);
        data.put("pages_scraped", pagesScraped);
        data.put("pages_failed", pagesFailed);
        data.put("duration_seconds", duration.toSeconds());
        data.put("duration_ms", duration.toMillis());
        return data;
    }
}
