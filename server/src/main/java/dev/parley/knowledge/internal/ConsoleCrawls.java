package dev.parley.knowledge.internal;

import dev.parley.knowledge.Crawls;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The console's crawls go through the scrape API's own code, so both check and report alike. */
@Component
class ConsoleCrawls implements Crawls {

    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private final ScrapeController scrapes;

    ConsoleCrawls(ScrapeController scrapes) {
        this.scrapes = scrapes;
    }

    @Override
    public CrawlStatus start(Caller caller, String url, int maxPages) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        ScrapeController.ScrapeStarted started = scrapes.start(
                caller,
                new ScrapeController.ScrapeRequest(url, new ScrapeController.Options(maxPages, true, null, null)));
        return status(caller, started.jobId());
    }

    @Override
    public CrawlStatus status(Caller caller, String jobId) {
        caller.require(Scope.KNOWLEDGE_READ);
        ScrapeController.ScrapeStatus s = scrapes.status(caller, jobId);
        return new CrawlStatus(
                s.jobId(),
                s.url(),
                s.status(),
                s.progress().pagesScraped(),
                s.progress().pagesFailed(),
                s.progress().totalPages(),
                s.progress().percentComplete(),
                FINISHED.contains(s.status()));
    }
}
