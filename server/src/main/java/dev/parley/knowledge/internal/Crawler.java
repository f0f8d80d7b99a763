package dev.parley.knowledge.internal;

import dev.parley.knowledge.ScrapeCompleted;
import dev.parley.knowledge.internal.extract.ExtractedPage;
import dev.parley.knowledge.internal.extract.Faq;
import dev.parley.knowledge.internal.extract.HtmlExtractor;
import dev.parley.knowledge.internal.extract.Product;
import dev.parley.knowledge.internal.extract.RobotsTxt;
import dev.parley.knowledge.internal.extract.Section;
import dev.parley.knowledge.internal.extract.SitemapContent;
import dev.parley.knowledge.internal.extract.SitemapEntry;
import dev.parley.knowledge.internal.extract.Sitemaps;
import dev.parley.knowledge.internal.extract.UrlNormalizer;
import dev.parley.platform.Digests;
import dev.parley.platform.FetchException;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchResponse;
import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.JobContext;
import dev.parley.platform.JobHandler;
import dev.parley.platform.Mode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crawls a store's website into its knowledge, as a durable job: robots.txt obeyed, sitemap.xml read, links followed
 * on the same site only, one request at a time with a pause between them, duplicates dropped by canonical URL and by
 * content hash. Pages, FAQ pairs and products become sources keyed by URL, so a re-crawl updates what changed and
 * removes what vanished. Progress is saved after every page, so a crawl resumes where it stopped.
 */
@Component
class Crawler implements JobHandler {

    static final String TYPE = "knowledge.crawl";
    static final String USER_AGENT = "ParleyBot";
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final Duration MAX_ROBOTS_DELAY = Duration.ofSeconds(10);
    private static final int MAX_SITEMAPS = 5;
    private static final int MAX_RECORDED_FAILURES = 200;

    private final GuardedFetcher fetcher;
    private final KnowledgeSources sources;
    private final KnowledgeRows knowledgeRows;
    private final HtmlExtractor extractor = new HtmlExtractor();
    private final KnowledgeProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Crawler(
            GuardedFetcher fetcher,
            KnowledgeSources sources,
            KnowledgeRows knowledgeRows,
            KnowledgeProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.fetcher = fetcher;
        this.sources = sources;
        this.knowledgeRows = knowledgeRows;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxAttempts() {
        return 3;
    }

    /**
     * A page the crawl could not read ({@code failures}) or left alone ({@code skipped}), and why: {@code http_404},
     * {@code blocked_by_robots}, ...
     */
    record PageProblem(String url, String reason) {}

    /** A crawl's saved progress. Lists, so that it survives as JSON in the job's state. */
    private static final class Progress {
        final ArrayDeque<String> queue = new ArrayDeque<>();
        final Set<String> seen = new LinkedHashSet<>();
        final Set<String> hashes = new LinkedHashSet<>();
        final Set<String> kept = new LinkedHashSet<>();
        final List<PageProblem> failures = new ArrayList<>();
        final List<PageProblem> skipped = new ArrayList<>();
        int scraped;
        int failed;
        boolean started;
        String startedAt;

        static Progress of(CrawlJob.State state) {
            Progress p = new Progress();
            p.started = state.started();
            p.queue.addAll(state.queue());
            p.seen.addAll(state.seen());
            p.hashes.addAll(state.hashes());
            p.kept.addAll(state.kept());
            p.failures.addAll(state.failures());
            p.skipped.addAll(state.skipped());
            p.scraped = state.pagesScraped();
            p.failed = state.pagesFailed();
            p.startedAt = state.startedAt();
            return p;
        }

        CrawlJob.State toState(int maxPages) {
            return new CrawlJob.State(
                    started,
                    List.copyOf(queue),
                    List.copyOf(seen),
                    List.copyOf(hashes),
                    List.copyOf(kept),
                    failures,
                    skipped,
                    scraped,
                    failed,
                    Math.max(scraped, Math.min(maxPages, scraped + queue.size())),
                    startedAt,
                    null,
                    null);
        }
    }

    @Override
    public void run(JobContext context) throws InterruptedException {
        CrawlJob.Request payload = context.payload(CrawlJob.Request.class);
        URI start = URI.create(payload.url());
        int maxPages = Math.min(payload.maxPages() == null ? 100 : payload.maxPages(), properties.maxCrawlPages());
        boolean followLinks = !Boolean.FALSE.equals(payload.followLinks());
        boolean products = !Boolean.FALSE.equals(payload.extractProducts());
        boolean faqs = !Boolean.FALSE.equals(payload.extractFaqs());

        CrawlJob.State saved = context.state(CrawlJob.State.class);
        Progress progress = Progress.of(saved == null ? CrawlJob.State.NONE : saved);
        if (progress.startedAt == null) {
            progress.startedAt = clock.instant().toString();
        }
        RobotsTxt robots;
        try {
            robots = robots(start);
        } catch (FetchException refused) {
            // The site itself may not be fetched (a private address, a bad scheme): retrying cannot help.
            fail(progress, start.toString(), refused.reason().name().toLowerCase(Locale.ROOT));
            finish(context, start, progress, maxPages);
            return;
        }
        Duration delay = robots.crawlDelay(USER_AGENT)
                .map(d -> d.compareTo(MAX_ROBOTS_DELAY) > 0 ? MAX_ROBOTS_DELAY : d)
                .filter(d -> d.compareTo(properties.crawlDelay()) > 0)
                .orElse(properties.crawlDelay());
        if (!progress.started) {
            progress.started = true;
            progress.queue.add(start.toString());
            for (URI page : sitemapPages(start, robots)) {
                progress.queue.add(page.toString());
            }
            context.save(progress.toState(maxPages));
        }

        boolean first = true;
        while (!progress.queue.isEmpty() && progress.scraped < maxPages && !context.cancelled()) {
            String next = progress.queue.removeFirst();
            if (!progress.seen.add(next)) {
                continue;
            }
            URI url = URI.create(next);
            if (!robots.allows(USER_AGENT, pathAndQuery(url))) {
                record(progress.skipped, next, "blocked_by_robots");
                continue;
            }
            if (!first && !delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            first = false;
            crawlPage(context, url, start, progress, followLinks, faqs, products);
            context.save(progress.toState(maxPages));
        }

        boolean complete = progress.queue.isEmpty() && !context.cancelled();
        if (complete) {
            removeVanished(context, start, progress);
        }
        finish(context, start, progress, maxPages);
    }

    private void finish(JobContext context, URI start, Progress progress, int maxPages) {
        ScrapeCompleted.Result result = ScrapeCompleted.Result.of(progress.scraped, progress.failed);
        context.save(progress.toState(maxPages).finished(result, clock.instant().toString()));
        Duration took = Duration.between(Instant.parse(progress.startedAt), clock.instant());
        transactions.executeWithoutResult(status -> events.publishEvent(new ScrapeCompleted(
                context.workspaceId(),
                context.mode(),
                context.jobId(),
                start.toString(),
                progress.scraped,
                progress.failed,
                took,
                result)));
    }

    private void crawlPage(
            JobContext context,
            URI url,
            URI start,
            Progress progress,
            boolean followLinks,
            boolean faqs,
            boolean products) {
        FetchResponse response;
        try {
            response = fetcher.fetch(FetchRequest.get(url)
                    .withHeader("User-Agent", USER_AGENT + "/0.1")
                    .withAcceptedContentTypes("text/html", "application/xhtml+xml"));
        } catch (FetchException e) {
            fail(progress, url.toString(), e.reason().name().toLowerCase(Locale.ROOT));
            return;
        }
        if (response.status() != 200) {
            fail(progress, url.toString(), "http_" + response.status());
            return;
        }
        if (!UrlNormalizer.sameSite(response.finalUrl(), start)) {
            fail(progress, url.toString(), "redirected_off_site");
            return;
        }
        ExtractedPage page = extractor.extract(
                response.body(), response.header("Content-Type").orElse(null), response.finalUrl());
        URI canonical = page.canonicalUrl() != null && UrlNormalizer.sameSite(page.canonicalUrl(), start)
                ? page.canonicalUrl()
                : response.finalUrl();
        progress.seen.add(response.finalUrl().toString());
        progress.seen.add(canonical.toString());
        if (progress.kept.contains(canonical.toString())) {
            record(progress.skipped, url.toString(), "duplicate_url");
            return;
        }
        String text = markdown(page);
        if (!progress.hashes.add(hash(text))) {
            record(progress.skipped, url.toString(), "duplicate_content");
            return;
        }
        if (!page.noindex() && !text.isBlank()) {
            save(context, canonical.toString(), "page", title(page, canonical), text, progress);
            if (faqs) {
                int n = 0;
                for (Faq faq : page.faqs()) {
                    save(context, canonical + "#faq-" + ++n, "faq", faq.question(), faq.answer(), progress);
                }
            }
            if (products) {
                int n = 0;
                for (Product product : page.products()) {
                    save(
                            context,
                            canonical + "#product-" + ++n,
                            "product",
                            product.name(),
                            describe(product),
                            progress);
                }
            }
        } else {
            record(progress.skipped, url.toString(), "noindex");
        }
        progress.scraped++;
        if (followLinks && !page.nofollow()) {
            for (URI link : page.links()) {
                String candidate = link.toString();
                if (UrlNormalizer.sameSite(link, start)
                        && !progress.seen.contains(candidate)
                        && !progress.queue.contains(candidate)) {
                    progress.queue.add(candidate);
                }
            }
        }
    }

    private void save(JobContext context, String url, String kind, String title, String content, Progress progress) {
        if (title == null || title.isBlank() || content == null || content.isBlank()) {
            return;
        }
        sources.upsertByUrl(
                context.workspaceId(),
                context.mode(),
                "crawl",
                new KnowledgeSources.Draft(
                        kind,
                        title.length() > 500 ? title.substring(0, 500) : title,
                        content,
                        "markdown",
                        null,
                        null,
                        null,
                        "published",
                        null,
                        url));
        progress.kept.add(url);
    }

    /** After a complete crawl, pages (and their FAQ entries and products) that are gone from the site go too. */
    private void removeVanished(JobContext context, URI start, Progress progress) {
        String site = start.getScheme() + "://" + start.getRawAuthority() + "/";
        Mode mode = context.mode();
        for (Map.Entry<String, String> source : knowledgeRows.crawledUnder(context.workspaceId(), mode, site)) {
            if (!progress.kept.contains(source.getValue())) {
                sources.delete(context.workspaceId(), mode, source.getKey());
            }
        }
    }

    private RobotsTxt robots(URI start) {
        URI robotsUrl = start.resolve("/robots.txt");
        try {
            FetchResponse response = fetcher.fetch(FetchRequest.get(robotsUrl)
                    .withHeader("User-Agent", USER_AGENT + "/0.1")
                    .withMaxBytes(512 * 1024));
            if (response.status() == 200) {
                return RobotsTxt.parse(response.text());
            }
            if (response.status() == 401 || response.status() == 403 || response.status() >= 500) {
                return RobotsTxt.disallowAll();
            }
            return RobotsTxt.allowAll();
        } catch (FetchException e) {
            if (e.reason() == FetchException.Reason.BLOCKED_ADDRESS
                    || e.reason() == FetchException.Reason.BAD_SCHEME
                    || e.reason() == FetchException.Reason.INVALID_URL) {
                throw e;
            }
            log.info("No robots.txt at {}: {}", robotsUrl, e.getMessage());
            return RobotsTxt.allowAll();
        }
    }

    private List<URI> sitemapPages(URI start, RobotsTxt robots) {
        ArrayDeque<URI> sitemaps = new ArrayDeque<>(robots.sitemaps());
        if (sitemaps.isEmpty()) {
            sitemaps.add(start.resolve("/sitemap.xml"));
        }
        List<URI> pages = new ArrayList<>();
        int read = 0;
        while (!sitemaps.isEmpty() && read++ < MAX_SITEMAPS) {
            URI sitemap = sitemaps.removeFirst();
            if (!UrlNormalizer.sameSite(sitemap, start)) {
                continue;
            }
            try {
                FetchResponse response =
                        fetcher.fetch(FetchRequest.get(sitemap).withHeader("User-Agent", USER_AGENT + "/0.1"));
                if (response.status() != 200) {
                    continue;
                }
                SitemapContent content = Sitemaps.parse(response.text(), sitemap);
                sitemaps.addAll(content.childSitemaps());
                for (SitemapEntry entry : content.pages()) {
                    if (UrlNormalizer.sameSite(entry.loc(), start)) {
                        UrlNormalizer.normalize(null, entry.loc().toString()).ifPresent(pages::add);
                    }
                }
            } catch (FetchException e) {
                log.info("Sitemap {} unreadable: {}", sitemap, e.getMessage());
            }
        }
        return pages;
    }

    private static void fail(Progress progress, String url, String reason) {
        progress.failed++;
        record(progress.failures, url, reason);
    }

    private static void record(List<PageProblem> list, String url, String reason) {
        if (list.size() < MAX_RECORDED_FAILURES) {
            list.add(new PageProblem(url, reason));
        }
    }

    private static String title(ExtractedPage page, URI url) {
        if (page.title() != null && !page.title().isBlank()) {
            return page.title().strip();
        }
        return page.sections().stream()
                .flatMap(s -> s.headingPath().stream())
                .findFirst()
                .orElse(url.getPath());
    }

    /** The page's sections as Markdown, so the chunker keeps its headings. */
    static String markdown(ExtractedPage page) {
        StringBuilder out = new StringBuilder();
        List<String> previous = List.of();
        for (Section section : page.sections()) {
            List<String> path = section.headingPath();
            for (int level = 0; level < path.size(); level++) {
                if (level >= previous.size() || !previous.get(level).equals(path.get(level))) {
                    out.append("#".repeat(Math.min(6, level + 1)))
                            .append(' ')
                            .append(path.get(level))
                            .append("\n\n");
                }
            }
            previous = path;
            if (!section.text().isBlank()) {
                out.append(section.text().strip()).append("\n\n");
            }
        }
        return out.toString().strip();
    }

    private static String describe(Product product) {
        StringBuilder text = new StringBuilder();
        if (product.description() != null) {
            text.append(product.description()).append("\n\n");
        }
        if (product.brand() != null) {
            text.append("Brand: ").append(product.brand()).append('\n');
        }
        if (product.price() != null) {
            text.append("Price: ").append(product.price().toPlainString());
            if (product.currency() != null) {
                text.append(' ').append(product.currency());
            }
            text.append('\n');
        }
        if (product.availability() != null) {
            text.append("Availability: ").append(product.availability()).append('\n');
        }
        if (product.sku() != null) {
            text.append("SKU: ").append(product.sku()).append('\n');
        }
        for (Product.Variant variant : product.variants()) {
            text.append("Variant: ").append(variant.name() == null ? variant.sku() : variant.name());
            if (variant.price() != null) {
                text.append(", ").append(variant.price().toPlainString());
            }
            if (variant.availability() != null) {
                text.append(", ").append(variant.availability());
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static String hash(String text) {
        return Digests.sha256Hex(text);
    }
}
