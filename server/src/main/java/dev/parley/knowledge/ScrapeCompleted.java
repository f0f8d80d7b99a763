package dev.parley.knowledge;

import java.time.Duration;

/**
 * A website crawl finished (seed 000's {@code scrape.completed}).
 *
 * @param status {@code success}, {@code partial} (some pages failed) or {@code failed} (no page could be read)
 */
public record ScrapeCompleted(
        String workspaceId,
        String jobId,
        String url,
        int pagesScraped,
        int pagesFailed,
        Duration duration,
        String status) {}
