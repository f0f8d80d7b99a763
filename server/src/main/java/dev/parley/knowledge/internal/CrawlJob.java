package dev.parley.knowledge.internal;

import dev.parley.knowledge.ScrapeCompleted;
import java.util.List;

/** What a crawl job is queued with and what it saves as it goes, as the job's JSON payload and state. */
final class CrawlJob {

    private CrawlJob() {}

    /**
     * The payload. The crawl's own defaults apply to an option left out.
     *
     * @param maxPages at most this many pages, 100 when absent
     */
    record Request(String url, Integer maxPages, Boolean followLinks, Boolean extractProducts, Boolean extractFaqs) {}

    /**
     * The saved progress; a finished crawl adds its {@code result} ({@code success}, {@code partial} or
     * {@code failed}) and when it finished.
     *
     * @param totalPages what the crawl expects to read in all, from what it has read and what it has queued
     */
    record State(
            boolean started,
            List<String> queue,
            List<String> seen,
            List<String> hashes,
            List<String> kept,
            List<Crawler.PageProblem> failures,
            List<Crawler.PageProblem> skipped,
            int pagesScraped,
            int pagesFailed,
            Integer totalPages,
            String startedAt,
            ScrapeCompleted.Result result,
            String finishedAt) {

        State {
            queue = queue == null ? List.of() : List.copyOf(queue);
            seen = seen == null ? List.of() : List.copyOf(seen);
            hashes = hashes == null ? List.of() : List.copyOf(hashes);
            kept = kept == null ? List.of() : List.copyOf(kept);
            failures = failures == null ? List.of() : List.copyOf(failures);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        /** Before the first attempt saved anything. */
        static final State NONE = new State(false, null, null, null, null, null, null, 0, 0, null, null, null, null);

        State finished(ScrapeCompleted.Result result, String finishedAt) {
            return new State(
                    started,
                    queue,
                    seen,
                    hashes,
                    kept,
                    failures,
                    skipped,
                    pagesScraped,
                    pagesFailed,
                    totalPages,
                    startedAt,
                    result,
                    finishedAt);
        }
    }
}
