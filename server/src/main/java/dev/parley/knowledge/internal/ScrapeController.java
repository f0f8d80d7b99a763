package dev.parley.knowledge.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.JobView;
import dev.parley.platform.Jobs;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 000's scraping API: {@code POST /v1/scrape} starts a crawl job, {@code GET /v1/scrape/status/{job_id}} shows
 * its progress, {@code DELETE /v1/scrape/{job_id}} cancels it. Options accept seed 000's camelCase spellings too.
 */
@RestController
class ScrapeController {

    private final Jobs jobs;
    private final KnowledgeProperties properties;

    ScrapeController(Jobs jobs, KnowledgeProperties properties) {
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
            String result,
            Progress progress,
            Instant startedAt,
            Instant estimatedCompletion,
            Instant finishedAt,
            List<Object> errors,
            List<Object> skipped) {}

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
        Map<String, Object> payload = new HashMap<>();
        payload.put("url", url.toString());
        payload.put("max_pages", maxPages);
        payload.put("follow_links", options.followLinks() == null || options.followLinks());
        payload.put("extract_products", options.extractProducts() == null || options.extractProducts());
        payload.put("extract_faqs", options.extractFaqs() == null || options.extractFaqs());
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

    @SuppressWarnings("unchecked")
    private static ScrapeStatus view(JobView job) {
        Map<String, Object> state = job.state();
        int scraped = number(state.get("pages_scraped"));
        int failed = number(state.get("pages_failed"));
        int total = job.finished()
                ? scraped
                : number(state.getOrDefault("total_pages", job.payload().get("max_pages")));
        int percent = job.finished() ? 100 : total == 0 ? 0 : Math.min(99, 100 * scraped / total);
        Instant estimated = null;
        if (!job.finished() && job.startedAt() != null && scraped > 0 && total > scraped) {
            Duration elapsed = Duration.between(job.startedAt(), Instant.now());
            estimated = Instant.now().plus(elapsed.multipliedBy(total - scraped).dividedBy(scraped));
        }
        String status = switch (job.status()) {
            case "queued" -> "queued";
            case "running" -> "processing";
            case "succeeded" -> "failed".equals(state.get("result")) ? "failed" : "completed";
            case "cancelling", "cancelled" -> "cancelled";
            default -> job.status().toLowerCase(Locale.ROOT);
        };
        List<Object> errors = (List<Object>) state.getOrDefault("failures", List.of());
        if (job.status().equals("failed") && job.error() != null) {
            errors = List.of(Map.of("url", job.payload().get("url"), "reason", job.error()));
        }
        return new ScrapeStatus(
                job.id(),
                (String) job.payload().get("url"),
                status,
                (String) state.get("result"),
                new Progress(scraped, failed, total, percent),
                job.startedAt(),
                estimated,
                job.finishedAt(),
                errors,
                (List<Object>) state.getOrDefault("skipped", List.of()));
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
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
