package dev.parley.knowledge;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.time.Duration;

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
    public Data data() {
        return new Data(jobId, url, status, pagesScraped, pagesFailed, duration.toSeconds(), duration.toMillis());
    }

    /** The payload's {@code data}. */
    public record Data(
            String jobId,
            String url,
            String status,
            int pagesScraped,
            int pagesFailed,
            long durationSeconds,
            long durationMs) {}
}
