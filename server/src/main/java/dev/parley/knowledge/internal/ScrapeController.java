package dev.parley.knowledge.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.parley.knowledge.ScrapeCompleted;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.JobStatus;
import dev.parley.platform.JobView;
import dev.parley.platform.Jobs;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's scraping API: {@code POST /v1/scrape} starts a crawl job, {@code GET /v1/scrape/status/{job_id}} shows
 * its progress, {@code DELETE /v1/scrape/{job_id}} cancels it. Options accept seed 000's camelCase spellings too.
 */
@RestController
class ScrapeController {

    private final Jobs jobs;
    private final KnowledgeProperties properties;
    private final JsonMapper json;

    ScrapeController(Jobs jobs, KnowledgeProperties properties, JsonMapper json) {
        this.json = json;
        this.jobs = jobs;
        this.properties = properties;
    }

    record Options(
            @JsonAlias("maxPages") Integer maxPages,
            @JsonAlias("followLinks") Boolean followLinks,
            @JsonAlias("extractProducts") Boolean extractProducts,
            @JsonAlias({"extractFAQs", "extractFaqs"}) Boolean extractFaqs) {}

    record ScrapeRequest(String url, Options options) {}

    record ScrapeStarted(String jobId, String status, int estimatedPages, String webhookUrl) {}

    record Progress(int pagesScraped, int pagesFailed, int totalPages, int percentComplete) {}

    record ScrapeStatus(
            String jobId,
            String url,
            String status,
            ScrapeCompleted.Result result,
            Progress progress,
            Instant startedAt,
            Instant estimatedCompletion,
            Instant finishedAt,
            List<Crawler.PageProblem> errors,
            List<Crawler.PageProblem> skipped) {}

    @PostMapping("/v1/scrape")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    ScrapeStarted start(Caller caller, @RequestBody ScrapeRequest request) {
        URI url = validUrl(request.url());
        Options options = request.options() == null ? new Options(null, null, null, null) : request.options();
        int maxPages = options.maxPages() == null ? 100 : options.maxPages();
        if (maxPages < 1 || maxPages > properties.maxCrawlPages()) {
            throw ApiException.invalidField("options.max_pages", "out_of_range");
        }
        CrawlJob.Request payload = new CrawlJob.Request(
                url.toString(),
                maxPages,
                options.followLinks() == null || options.followLinks(),
                options.extractProducts() == null || options.extractProducts(),
                options.extractFaqs() == null || options.extractFaqs());
        String jobId = jobs.enqueue(caller.workspaceId(), caller.mode(), Crawler.TYPE, payload);
        return new ScrapeStarted(jobId, "queued", maxPages, null);
    }

    @GetMapping("/v1/scrape/status/{job_id}")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    ScrapeStatus status(Caller caller, @PathVariable("job_id") String jobId) {
        return view(job(caller, jobId));
    }

    @DeleteMapping("/v1/scrape/{job_id}")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    ScrapeStatus cancel(Caller caller, @PathVariable("job_id") String jobId) {
        job(caller, jobId);
        return view(jobs.cancel(caller.workspaceId(), caller.mode(), jobId));
    }

    private JobView job(Caller caller, String jobId) {
        return jobs.find(caller.workspaceId(), caller.mode(), jobId)
                .filter(j -> j.type().equals(Crawler.TYPE))
                .orElseThrow(() -> ApiException.notFound("scrape job", jobId));
    }

    private ScrapeStatus view(JobView job) {
        CrawlJob.State state =
                job.state().isEmpty() ? CrawlJob.State.NONE : json.treeToValue(job.state(), CrawlJob.State.class);
        CrawlJob.Request request = json.treeToValue(job.payload(), CrawlJob.Request.class);
        int scraped = state.pagesScraped();
        int failed = state.pagesFailed();
        int total =
                job.finished() ? scraped : number(state.totalPages() != null ? state.totalPages() : request.maxPages());
        int percent = job.finished() ? 100 : total == 0 ? 0 : Math.min(99, 100 * scraped / total);
        Instant estimated = null;
        if (!job.finished() && job.startedAt() != null && scraped > 0 && total > scraped) {
            Duration elapsed = Duration.between(job.startedAt(), Instant.now());
            estimated = Instant.now().plus(elapsed.multipliedBy(total - scraped).dividedBy(scraped));
        }
        String status = switch (job.status()) {
            case QUEUED -> "queued";
            case RUNNING -> "processing";
            case SUCCEEDED -> state.result() == ScrapeCompleted.Result.FAILED ? "failed" : "completed";
            case CANCELLING, CANCELLED -> "cancelled";
            case FAILED -> "failed";
        };
        List<Crawler.PageProblem> errors = state.failures();
        if (job.status() == JobStatus.FAILED && job.error() != null) {
            errors = List.of(new Crawler.PageProblem(request.url(), job.error()));
        }
        return new ScrapeStatus(
                job.id(),
                request.url(),
                status,
                state.result(),
                new Progress(scraped, failed, total, percent),
                job.startedAt(),
                estimated,
                job.finishedAt(),
                errors,
                state.skipped());
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }

    private static URI validUrl(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.missingField("url");
        }
        try {
            URI url = new URI(text.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw ApiException.invalidField("url", "invalid_format");
            }
            return url.normalize();
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("url", "invalid_format");
        }
    }
}
