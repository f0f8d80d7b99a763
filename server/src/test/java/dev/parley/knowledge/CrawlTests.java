package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestSite;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Crawls a website served by the test on 127.0.0.2 (allowed for the tests by {@code parley.platform.fetch.allow}),
 * with a trap on 127.0.0.1 that must never be reached.
 */
@ApiTest
@Tag("database")
class CrawlTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestSite site;
    TestSite trap;
    Api api;
    String storeId;

    @BeforeEach
    void setUp() throws Exception {
        site = TestSite.on("127.0.0.2");
        trap = TestSite.on("127.0.0.1");
        trap.html("/", "<h1>Internal admin</h1>");
        TestWorkspace workspace = fixtures.workspace();
        storeId = workspace.id();
        api = Api.at(port).withKey(workspace.liveKey());
        site.text("/robots.txt", "text/plain", """
                        User-agent: *
                        Disallow: /private
                        Sitemap: %s
                        """.formatted(site.url("/sitemap.xml")))
                .text("/sitemap.xml", "application/xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <url><loc>%s</loc></url>
                          <url><loc>%s</loc></url>
                          <url><loc>%s</loc></url>
                        </urlset>
                        """.formatted(
                                site.url("/"), site.url("/faq"), site.url("/private/secret")))
                .html("/", page("Northwind Outfitters", """
                        <h1>Welcome to Northwind</h1><p>Outdoor clothing and footwear since 1998.</p>
                        <a href="/shipping">Shipping</a> <a href="/products/trail-runner">Trail Runner</a>
                        <a href="/old-shipping">Old shipping page</a> <a href="/private/secret">Staff</a>
                        <a href="/redirect-out">Partner</a> <a href="http://192.0.2.10/elsewhere">Elsewhere</a>"""))
                .html("/shipping", page("Shipping", """
                        <h1>Shipping</h1><h2>Standard shipping</h2>
                        <p>Standard shipping takes 3 to 5 business days and is free over $75.</p>
                        <h2>Express shipping</h2><p>Express shipping arrives in 1 to 2 business days for $15.</p>"""))
                .redirect("/old-shipping", site.url("/shipping"))
                .redirect("/redirect-out", trap.url("/"))
                .html("/faq", """
                        <html><head><title>FAQ</title>
                        <script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage",
                          "mainEntity":[
                            {"@type":"Question","name":"Can I change my delivery address?",
                             "acceptedAnswer":{"@type":"Answer","text":"Yes, until the order ships, from your account page."}},
                            {"@type":"Question","name":"Do you ship to Canada?",
                             "acceptedAnswer":{"@type":"Answer","text":"We ship to Canada in 7 to 10 days."}}]}
                        </script></head><body><main><h1>Frequently asked questions</h1>
                        <p>Answers to common questions.</p></main></body></html>""")
                .html("/products/trail-runner", """
                        <html><head><title>Trail Runner 2</title>
                        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
                          "name":"Trail Runner 2","description":"A waterproof trail running shoe with a grippy sole.",
                          "sku":"TR2","offers":{"@type":"Offer","price":"120.00","priceCurrency":"USD",
                          "availability":"https://schema.org/InStock"}}</script></head>
                        <body><main><h1>Trail Runner 2</h1><p>Built for muddy trails.</p></main></body></html>""")
                .html("/private/secret", page("Staff only", "<p>The staff discount code is STAFF50.</p>"));
    }

    @AfterEach
    void tearDown() {
        site.close();
        trap.close();
    }

    @Test
    void crawlsTheSiteIntoSearchableKnowledgeObeyingRobotsAndRefusingPrivateRedirects() {
        Api.Response started = api.post("/v1/scrape", Map.of("url", site.url("/"), "options", Map.of("maxPages", 50)));

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("status").asString()).isEqualTo("queued");
        assertThat(started.json().path("estimated_pages").asInt()).isEqualTo(50);
        JsonNode done = awaitCrawl(started.json().path("job_id").asString());

        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("result").asString()).isEqualTo("partial");
        assertThat(done.at("/progress/pages_scraped").asInt()).isEqualTo(4);
        assertThat(done.at("/progress/percent_complete").asInt()).isEqualTo(100);
        assertThat(done.path("errors").valueStream().map(e -> e.path("reason").asString()))
                .containsExactly("blocked_address");
        assertThat(done.path("skipped").valueStream().map(e -> e.path("reason").asString()))
                .contains("blocked_by_robots");
        assertThat(ScrapeEventsForTests.received)
                .filteredOn(e -> e.jobId().equals(started.json().path("job_id").asString()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.pagesScraped()).isEqualTo(4);
                    assertThat(e.pagesFailed()).isEqualTo(1);
                    assertThat(e.status()).isEqualTo(ScrapeCompleted.Result.PARTIAL);
                    assertThat(e.url()).isEqualTo(site.url("/"));
                });
        assertThat(site.requested()).doesNotContain("/private/secret");
        assertThat(trap.requested())
                .as("the redirect to 127.0.0.1 is refused before connecting")
                .isEmpty();

        JsonNode shipping = search("how long does standard delivery take", null).getFirst();
        assertThat(shipping.path("url").asString()).isEqualTo(site.url("/shipping"));
        assertThat(shipping.path("heading").asString()).contains("Standard shipping");
        assertThat(shipping.path("text").asString())
                .as("menus and footers are not content")
                .doesNotContain("©");
        assertThat(search("change my delivery address", "faq")
                        .getFirst()
                        .path("title")
                        .asString())
                .isEqualTo("Can I change my delivery address?");
        JsonNode product = search("waterproof running shoe", "product").getFirst();
        assertThat(product.path("title").asString()).isEqualTo("Trail Runner 2");
        assertThat(product.path("text").asString())
                .contains("Price: 120.00 USD")
                .contains("InStock");
        assertThat(search("staff discount code", null))
                .noneMatch(r -> r.path("text").asString().contains("STAFF50"));
        assertThat(search("outdoor clothing footwear since 1998", null).stream()
                        .filter(r -> r.path("url").asString().equals(site.url("/shipping"))))
                .as("the redirected old page is the shipping page, kept once")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void updatesChangedPagesAndRemovesVanishedOnesOnARecrawl() {
        awaitCrawl(api.post("/v1/scrape", Map.of("url", site.url("/")))
                .json()
                .path("job_id")
                .asString());
        assertThat(search("ship to Canada", "faq")).isNotEmpty();

        site.html("/shipping", page("Shipping", "<h1>Shipping</h1><p>Every order now ships by cargo bicycle.</p>"))
                .remove("/faq")
                .text(
                        "/sitemap.xml",
                        "application/xml",
                        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + "<url><loc>" + site.url("/")
                                + "</loc></url></urlset>");
        JsonNode again = awaitCrawl(api.post("/v1/scrape", Map.of("url", site.url("/")))
                .json()
                .path("job_id")
                .asString());

        assertThat(again.path("status").asString()).isEqualTo("completed");
        assertThat(search("cargo bicycle", null).getFirst().path("url").asString())
                .isEqualTo(site.url("/shipping"));
        assertThat(search("ship to Canada", "faq")).isEmpty();
        assertThat(search("express shipping fifteen dollars", null))
                .noneMatch(r -> r.path("text").asString().contains("Express shipping arrives"));
    }

    @Test
    void refusesBadScrapeRequestsAndHidesOtherWorkspacesJobs() {
        assertThat(api.post("/v1/scrape", Map.of()).errorCode()).isEqualTo("missing_field");
        assertThat(api.post("/v1/scrape", Map.of("url", "ftp://example.test/"))
                        .json()
                        .at("/error/details/field")
                        .asString())
                .isEqualTo("url");
        assertThat(api.post("/v1/scrape", Map.of("url", site.url("/"), "options", Map.of("max_pages", 0)))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/scrape/status/job_unknown").status()).isEqualTo(404);

        String jobId = api.post("/v1/scrape", Map.of("url", site.url("/"), "options", Map.of("max_pages", 1)))
                .json()
                .path("job_id")
                .asString();
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(other.get("/v1/scrape/status/" + jobId).status()).isEqualTo(404);
        assertThat(other.delete("/v1/scrape/" + jobId).status()).isEqualTo(404);
        assertThat(awaitCrawl(jobId).at("/progress/pages_scraped").asInt()).isEqualTo(1);
    }

    @Test
    void failsClearlyWhenTheSiteItselfIsAPrivateAddress() {
        String jobId = api.post("/v1/scrape", Map.of("url", trap.url("/")))
                .json()
                .path("job_id")
                .asString();

        JsonNode done = awaitCrawl(jobId);

        assertThat(done.path("status").asString()).isEqualTo("failed");
        assertThat(done.path("errors").toString()).containsIgnoringCase("blocked");
        assertThat(trap.requested()).isEmpty();
    }

    @Test
    void resumesAnInterruptedCrawlWhereItsNodeLeftOff() {
        // given a crawl whose node died after reading the home and shipping pages
        String jobId = dev.parley.platform.Ids.next("job");
        java.time.Instant past = java.time.Instant.now().minus(Duration.ofMinutes(5));
        String state = """
                {"started":true,"queue":["%s","%s"],"seen":["%s","%s"],"hashes":[],"kept":[],"failures":[],
                 "skipped":[],"pages_scraped":2,"pages_failed":0,"started_at":"%s"}""".formatted(
                site.url("/faq"), site.url("/products/trail-runner"), site.url("/"), site.url("/shipping"), past);
        jdbc.sql("INSERT INTO jobs (id, workspace_id, mode, type, status, payload, state, attempts, run_after,"
                        + " lease_owner, lease_until, created_at, updated_at)"
                        + " VALUES (?, ?, 'live', 'knowledge.crawl', 'running', ?, ?, 1, ?, 'node_dead', ?, ?, ?)")
                .params(
                        jobId,
                        storeId,
                        "{\"url\":\"" + site.url("/") + "\",\"max_pages\":50}",
                        state,
                        dev.parley.platform.Sql.timestamp(past),
                        dev.parley.platform.Sql.timestamp(past),
                        dev.parley.platform.Sql.timestamp(past),
                        dev.parley.platform.Sql.timestamp(past))
                .update();

        // when its lease has run out and another node takes it over
        JsonNode done = awaitCrawl(jobId);

        // then it reads only what was left
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.at("/progress/pages_scraped").asInt()).isEqualTo(4);
        assertThat(site.requested()).contains("/faq", "/products/trail-runner").doesNotContain("/", "/shipping");
        assertThat(search("ship to Canada", "faq")).isNotEmpty();
    }

    private List<JsonNode> search(String query, String type) {
        Map<String, Object> body = type == null
                ? Map.of("query", query, "top_k", 5)
                : Map.of("query", query, "top_k", 5, "filters", Map.of("types", List.of(type)));
        Api.Response response = api.post("/v1/knowledge-base/search", body);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("results").valueStream().toList();
    }

    private JsonNode awaitCrawl(String jobId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = api.get("/v1/scrape/status/" + jobId).json();
            String state = status.path("status").asString();
            if (state.equals("completed") || state.equals("failed") || state.equals("cancelled")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Crawl did not finish: " + status);
    }

    private static String page(String title, String body) {
        return "<html><head><title>" + title + "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/shipping\">"
                + "Shipping</a></nav><main>" + body + "</main><footer>© Northwind Outfitters</footer></body></html>";
    }
}
