package dev.parley.knowledge;

import dev.parley.platform.Caller;

/** Website crawls for the console: what {@code POST /v1/scrape} starts and {@code /v1/scrape/status} reports. */
public interface Crawls {

    /** @param status queued, processing, completed, failed or cancelled */
    record CrawlStatus(
            String jobId,
            String url,
            String status,
            int pagesScraped,
            int pagesFailed,
            int totalPages,
            int percentComplete,
            boolean finished) {}

    /**
     * Starts a crawl of the site at {@code url}, following links, up to {@code maxPages} pages.
     *
     * @throws dev.parley.platform.ApiException {@code invalid_field} for a URL that is not http(s) or a page count out
     *     of range
     */
    CrawlStatus start(Caller caller, String url, int maxPages);

    /**
     * @throws dev.parley.platform.ApiException {@code not_found} for another workspace's job
     */
    CrawlStatus status(Caller caller, String jobId);
}
