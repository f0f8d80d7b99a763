package dev.parley.sdk.resources;

import dev.parley.sdk.ParleyException;
import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.ScrapeJob;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Seed 000's crawls: start, status, cancel. */
public final class Scraping extends Resource {
    private static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");

    public Scraping(HttpCore http) {
        super(http);
    }

    /**
     * Starts a crawl: {@code url}, and {@code maxPages}, {@code followLinks}, {@code extractProducts},
     * {@code extractFaqs} given flat (as seed 000 writes them) or inside {@code options}.
     */
    public ScrapeJob start(Params params, RequestOptions... options) {
        Map<String, Object> flat = orEmpty(params).toMap();
        Object url = flat.remove("url");
        Params nested = new Params();
        Object given = flat.remove("options");
        if (given instanceof Map) {
            nested = Params.from(castMap(given));
        }
        flat.forEach(nested::put);
        return post("/v1/scrape", Params.of("url", url, "options", nested), ScrapeJob::new, options);
    }

    public ScrapeJob status(String jobId, RequestOptions... options) {
        return get("/v1/scrape/status/" + enc(jobId), null, ScrapeJob::new, options);
    }

    public ScrapeJob cancel(String jobId, RequestOptions... options) {
        return delete("/v1/scrape/" + enc(jobId), null, ScrapeJob::new, options);
    }

    /** Polls {@link #status} until the job completes, fails or is cancelled, or {@code timeout} passes. */
    public ScrapeJob waitFor(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ScrapeJob job = status(jobId);
            if (FINAL.contains(job.status()) || System.nanoTime() > deadline) {
                return job;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ParleyException("Interrupted while waiting for " + jobId, interrupted);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Object map) {
        return (Map<String, ?>) map;
    }
}
