package dev.parley.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code crawl}: the crawler's pages per second against a generated help center and shop served by this process on
 * 127.0.0.2 (help articles from the Northwind and VoltCart corpora and their variations, category pages, product
 * pages with JSON-LD, an FAQ page, links between them, a sitemap and a robots.txt), crawled through
 * {@code POST /v1/scrape} by a server started with {@code PARLEY_FETCH_ALLOW=127.0.0.2} and
 * {@code PARLEY_CRAWL_DELAY=0}. The chunks indexed are counted in the server's database once it has stopped.
 */
final class CrawlBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOST = "127.0.0.2";
    private static final String[] CATEGORIES = {"orders", "shipping", "returns", "account", "payments", "products"};

    static void run(Map<String, String> options) throws Exception {
        boolean quick = Boolean.parseBoolean(options.getOrDefault("quick", "false"));
        int articlePages = Integer.parseInt(options.getOrDefault("pages", quick ? "120" : "300"));
        Duration limit =
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("limit-seconds", quick ? "240" : "900")));

        List<SearchBench.Article> articles = new ArrayList<>();
        for (String file : List.of("northwind/corpus.jsonl", "voltcart/corpus.jsonl")) {
            for (JsonNode n : SearchBench.jsonLines(JSON, file)) {
                articles.add(new SearchBench.Article(
                        n.path("id").asString(),
                        n.path("title").asString(),
                        n.path("text").asString()));
            }
        }
        Site site = Site.start(articles, articlePages);
        int port = Bench.freePort();
        Path data = Files.createTempDirectory("parley-bench-crawl");
        Process server = Bench.startServer(
                options.get("server-jar"), port, data, Map.of("PARLEY_FETCH_ALLOW", HOST, "PARLEY_CRAWL_DELAY", "0ms"));
        Map<String, Object> figures = new LinkedHashMap<>();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Bench.progress("Starting the server (data in %s)...", data);
            Bench.awaitHealthy(client, base, server);
            Bench.storeId(client, base);
            figures.put("benchmark", "crawl");
            figures.put("date", LocalDate.now().toString());
            figures.put("quick", quick);
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            figures.put("java", Runtime.version().toString());
            figures.put("site_pages", site.pages.size());
            figures.put("crawl_delay_ms", 0);

            String start = site.url("/");
            int maxPages = Math.min(1000, site.pages.size() + 10);
            Bench.progress(
                    "Crawling %s (%d pages, max_pages %d, at most %d s)...",
                    start, site.pages.size(), maxPages, limit.toSeconds());
            long started = System.nanoTime();
            HttpResponse<String> accepted = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/scrape"))
                            .header("Authorization", "Bearer " + Bench.KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                    Map.of("url", start, "options", Map.of("max_pages", maxPages)))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("POST /v1/scrape: " + accepted.statusCode() + " " + accepted.body());
            }
            String jobId = JSON.readTree(accepted.body()).path("job_id").asString();
            long deadline = started + limit.toNanos();
            JsonNode status;
            int lastReported = -1;
            while (true) {
                status = JSON.readTree(client.send(
                                HttpRequest.newBuilder(URI.create(base + "/v1/scrape/status/" + jobId))
                                        .header("Authorization", "Bearer " + Bench.KEY)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                String state = status.path("status").asString();
                int scraped = status.path("progress").path("pages_scraped").asInt();
                if (scraped / 25 != lastReported / 25) {
                    Bench.progress("  %s: %d pages, %.0f s", state, scraped, Bench.seconds(started));
                    lastReported = scraped;
                }
                if (!state.equals("queued") && !state.equals("processing")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    Bench.progress("Time is up: cancelling the crawl");
                    client.send(
                            HttpRequest.newBuilder(URI.create(base + "/v1/scrape/" + jobId))
                                    .header("Authorization", "Bearer " + Bench.KEY)
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    break;
                }
                Thread.sleep(250);
            }
            double wall = Bench.seconds(started);
            int scraped = status.path("progress").path("pages_scraped").asInt();
            figures.put("status", status.path("status").asString());
            figures.put("result", status.path("result").asString(null));
            figures.put("pages_scraped", scraped);
            figures.put(
                    "pages_failed", status.path("progress").path("pages_failed").asInt());
            figures.put("pages_skipped", status.path("skipped").size());
            figures.put("site_requests", site.requests.sum());
            figures.put("wall_seconds", Bench.round(wall));
            figures.put("pages_per_s", Bench.round(scraped / wall));
            if (!status.path("started_at").isNull()
                    && !status.path("finished_at").isNull()) {
                double job = Duration.between(
                                        Instant.parse(status.path("started_at").asString()),
                                        Instant.parse(status.path("finished_at").asString()))
                                .toMillis()
                        / 1000.0;
                figures.put("job_seconds", Bench.round(job));
                figures.put("job_pages_per_s", Bench.round(scraped / job));
            }
        } finally {
            server.destroy();
            server.waitFor();
            site.close();
        }
        try {
            int[] counts = counts(data);
            figures.put("sources_indexed", counts[0]);
            figures.put("chunks_indexed", counts[1]);
            figures.put("chunks_per_s", Bench.round(counts[1] / (double) figures.get("wall_seconds")));
        } finally {
            SearchBench.deleteTree(data);
        }
        System.out.println(JSON.writeValueAsString(figures));
    }

    /** Knowledge sources and chunks in the stopped server's database. */
    private static int[] counts(Path data) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("parley") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            int[] counts = new int[2];
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM knowledge_sources")) {
                rs.next();
                counts[0] = rs.getInt(1);
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM knowledge_chunks")) {
                rs.next();
                counts[1] = rs.getInt(1);
            }
            return counts;
        }
    }

    /** The generated site: path to HTML (or text), all made before the crawl starts. */
    static final class Site implements AutoCloseable {

        final Map<String, byte[]> pages = new LinkedHashMap<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final HttpServer server;
        private final ExecutorService executor;
        final LongAdder requests = new LongAdder();

        private Site(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
        }

        static Site start(List<SearchBench.Article> articles, int articlePages) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 256);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            Site site = new Site(server, executor);
            site.generate(articles, articlePages);
            server.setExecutor(executor);
            server.createContext("/", site::serve);
            server.start();
            return site;
        }

        String url(String path) {
            return "http://" + HOST + ":" + server.getAddress().getPort() + path;
        }

        private void generate(List<SearchBench.Article> articles, int articlePages) {
            List<String[]> links = new ArrayList<>(); // path, title, category
            List<SearchBench.Article> chosen = new ArrayList<>();
            for (int i = 0; i < articlePages; i++) {
                SearchBench.Article article =
                        SearchBench.variant(articles.get(i % articles.size()), i / articles.size());
                chosen.add(article);
                String category = CATEGORIES[Math.floorMod(article.title().hashCode(), CATEGORIES.length - 1)];
                links.add(new String[] {"/help/" + category + "/" + slug(article.id()), article.title(), category});
            }
            int products = Math.max(10, articlePages / 8);
            for (int i = 0; i < chosen.size(); i++) {
                String[] link = links.get(i);
                StringBuilder related = new StringBuilder("<h2>Related articles</h2><ul>");
                for (int r = 1; r <= 3; r++) {
                    String[] other = links.get((i + r * 7) % links.size());
                    related.append(a(other[0], other[1]));
                }
                related.append("</ul>");
                pages.put(
                        link[0],
                        page(
                                link[1],
                                "<article><h1>" + esc(link[1]) + "</h1>"
                                        + html(chosen.get(i).text()) + "</article>" + related,
                                link[2]));
            }
            for (String category : CATEGORIES) {
                StringBuilder list = new StringBuilder("<h1>" + cap(category) + "</h1><ul>");
                for (String[] link : links) {
                    if (link[2].equals(category)) {
                        list.append(a(link[0], link[1]));
                    }
                }
                if (category.equals("products")) {
                    for (int p = 1; p <= products; p++) {
                        list.append(a("/products/item-" + p, product(p)));
                    }
                }
                pages.put("/help/" + category, page(cap(category), list + "</ul>", category));
            }
            for (int p = 1; p <= products; p++) {
                String name = product(p);
                String price = String.format(Locale.ROOT, "%d.%02d", 15 + p * 7 % 180, p * 13 % 100);
                String jsonLd = "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"" + name
                        + "\",\"sku\":\"SKU-" + (1000 + p) + "\",\"description\":\"" + name
                        + " for everyday use, with a two-year warranty.\",\"offers\":{\"@type\":\"Offer\",\"price\":\""
                        + price + "\",\"priceCurrency\":\"USD\",\"availability\":\"https://schema.org/InStock\"}}";
                pages.put(
                        "/products/item-" + p,
                        page(
                                name,
                                "<script type=\"application/ld+json\">" + jsonLd + "</script><h1>" + name + "</h1><p>"
                                        + name + " costs $" + price + ". It ships in two business days and comes"
                                        + " with a two-year warranty. Free returns within 30 days.</p>"
                                        + "<h2>Specifications</h2><ul><li>Weight: " + (p % 9 + 1) + " lb</li>"
                                        + "<li>Color: " + (p % 2 == 0 ? "graphite" : "sand") + "</li></ul>",
                                "products"));
            }
            StringBuilder faq = new StringBuilder("<h1>Frequently asked questions</h1>");
            for (int i = 0; i < 8; i++) {
                SearchBench.Article article = articles.get(i * 5 % articles.size());
                String first = article.text().split("\n")[0];
                faq.append("<h3>How does ")
                        .append(esc(article.title().toLowerCase(Locale.ROOT)))
                        .append(" work?</h3><p>")
                        .append(esc(first))
                        .append("</p>");
            }
            pages.put("/help/faq", page("FAQ", faq.toString(), "help"));
            StringBuilder home = new StringBuilder("<h1>Help center</h1><p>Find answers about orders, shipping,"
                    + " returns, your account and our products.</p><ul>");
            for (String category : CATEGORIES) {
                home.append(a("/help/" + category, cap(category)));
            }
            home.append(a("/help/faq", "FAQ")).append("</ul>");
            pages.put("/", page("Help center", home.toString(), "help"));

            StringBuilder sitemap = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String path : pages.keySet()) {
                sitemap.append("<url><loc>").append(url(path)).append("</loc></url>\n");
            }
            sitemap.append("</urlset>\n");
            files.put("/sitemap.xml", sitemap.toString().getBytes(StandardCharsets.UTF_8));
            files.put(
                    "/robots.txt",
                    ("User-agent: *\nDisallow: /cart\nDisallow: /account/\nSitemap: " + url("/sitemap.xml") + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        }

        private byte[] page(String title, String main, String category) {
            String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                    + " | Help center</title></head><body><header><nav><a href=\"/\">Home</a>"
                    + " <a href=\"/help/" + category + "\">" + cap(category) + "</a> <a href=\"/cart\">Cart</a>"
                    + " <a href=\"/help/faq\">FAQ</a></nav></header><main>" + main
                    + "</main><footer><p>Questions? Write to support@example.com.</p></footer></body></html>";
            return html.getBytes(StandardCharsets.UTF_8);
        }

        private void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                requests.increment();
                String path = exchange.getRequestURI().getPath();
                byte[] body = pages.get(path);
                String type = "text/html; charset=utf-8";
                if (body == null) {
                    body = files.get(path);
                    type = path.endsWith(".xml") ? "application/xml" : "text/plain; charset=utf-8";
                }
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        private static String product(int p) {
            String[] kinds = {"Trail Backpack", "Travel Mug", "Desk Lamp", "Wool Socks", "Phone Charger", "Rain Jacket"
            };
            return kinds[p % kinds.length] + " " + (char) ('A' + p % 26) + (p / 6 + 1);
        }

        /** The corpus's Markdown as simple HTML: headings, list items, paragraphs. */
        private static String html(String markdown) {
            StringBuilder out = new StringBuilder();
            boolean list = false;
            for (String raw : markdown.split("\n")) {
                String line = raw.strip().replace("**", "");
                boolean item = line.startsWith("- ") || line.startsWith("* ");
                if (list && !item) {
                    out.append("</ul>");
                    list = false;
                }
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("### ")) {
                    out.append("<h3>").append(esc(line.substring(4))).append("</h3>");
                } else if (line.startsWith("## ")) {
                    out.append("<h2>").append(esc(line.substring(3))).append("</h2>");
                } else if (item) {
                    if (!list) {
                        out.append("<ul>");
                        list = true;
                    }
                    out.append("<li>").append(esc(line.substring(2))).append("</li>");
                } else {
                    out.append("<p>").append(esc(line)).append("</p>");
                }
            }
            return list ? out.append("</ul>").toString() : out.toString();
        }

        private static String a(String href, String text) {
            return "<li><a href=\"" + href + "\">" + esc(text) + "</a></li>";
        }

        private static String slug(String id) {
            return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }

        private static String cap(String word) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }

        private static String esc(String text) {
            return text.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }

        @Override
        public void close() {
            server.stop(0);
            executor.close();
        }
    }
}
