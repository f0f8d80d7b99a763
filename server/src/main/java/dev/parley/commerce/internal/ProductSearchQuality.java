package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.Product;
import dev.parley.commerce.internal.StoreConnector.ProductPage;
import dev.parley.knowledge.TextEmbeddings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./parley eval products --queries queries.jsonl}: runs shopper requests against the demo catalogue with the
 * application's product search ({@link ProductAsk} and {@link CatalogueIndex}, MiniLM in process) and scores the
 * three products a shopper is shown. A query line is {@code {"query": ..., "relevant_ids": [...]}}; recall@3 is the
 * share of its relevant products in the top three, out of at most three (so a request with many fitting products
 * scores 1 when all three shown fit). Misses go to stderr; the last stdout line is one JSON object.
 */
public final class ProductSearchQuality {

    private ProductSearchQuality() {}

    record Query(String query, Set<String> relevant) {}

    public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i).replaceFirst("^--", ""), args.get(i + 1));
        }
        JsonMapper json = JsonMapper.builder().build();
        if (options.containsKey("catalogue")) {
            return writeCatalogue(Path.of(options.get("catalogue")), json, out);
        }
        if (!options.containsKey("queries")) {
            err.println("usage: eval products --queries queries.jsonl | --catalogue catalogue.jsonl");
            return 2;
        }
        List<Query> queries = queries(Path.of(options.get("queries")), json);
        long started = System.nanoTime();
        try (CatalogueIndex catalogue = CatalogueIndex.of(DemoCatalogue.products(), TextEmbeddings.local())) {
            double indexingSeconds = (System.nanoTime() - started) / 1e9;
            double recall = 0;
            int anyRelevant = 0;
            int emptyWanted = 0;
            int emptyRight = 0;
            long[] latencies = new long[queries.size()];
            int q = 0;
            for (Query query : queries) {
                long begun = System.nanoTime();
                ProductAsk ask = ProductAsk.parse(query.query(), catalogue.categories());
                ProductPage page = catalogue.search(ask, 3);
                latencies[q++] = System.nanoTime() - begun;
                List<String> shown = page.products().stream().map(Product::id).toList();
                if (query.relevant().isEmpty()) {
                    // Nothing in the catalogue fits: right when nothing is shown.
                    emptyWanted++;
                    if (shown.isEmpty()) {
                        emptyRight++;
                        recall += 1;
                    } else {
                        err.printf("shown for nothing: %s | %s | got %s%n", query.query(), ask, titles(page));
                    }
                    continue;
                }
                long found = shown.stream().filter(query.relevant()::contains).count();
                double r = (double) found / Math.min(3, query.relevant().size());
                recall += r;
                if (found > 0) {
                    anyRelevant++;
                }
                if (r < 1) {
                    err.printf(Locale.ROOT, "recall %.2f: %s | %s | got %s%n", r, query.query(), ask, titles(page));
                }
            }
            int n = queries.size();
            java.util.Arrays.sort(latencies);
            out.printf(
                    Locale.ROOT,
                    "{\"n\":%d,\"products\":%d,\"recall_at_3\":%.4f,\"success_at_3\":%.4f,\"no_match_right\":\"%d/%d\","
                            + "\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"indexing_seconds\":%.1f}%n",
                    n,
                    catalogue.size(),
                    recall / n,
                    (double) (anyRelevant + emptyRight) / n,
                    emptyRight,
                    emptyWanted,
                    latencies.length == 0 ? 0 : latencies[latencies.length / 2] / 1e6,
                    latencies.length == 0
                            ? 0
                            : latencies[Math.min(latencies.length - 1, (int) Math.ceil(0.99 * latencies.length) - 1)]
                                    / 1e6,
                    indexingSeconds);
            return 0;
        }
    }

    /** The demo catalogue as JSON lines, to label new queries with the ids of the products that fit them. */
    private static int writeCatalogue(Path file, JsonMapper json, PrintStream out) throws IOException {
        List<String> lines =
                DemoCatalogue.products().stream().map(json::writeValueAsString).toList();
        Files.write(file, lines);
        out.println("{\"products\":" + lines.size() + "}");
        return 0;
    }

    private static List<Query> queries(Path file, JsonMapper json) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank())
                .map(json::readTree)
                .map(n -> new Query(n.path("query").asString(), strings(n.path("relevant_ids"))))
                .toList();
    }

    private static List<String> titles(ProductPage page) {
        return page.products().stream()
                .map(p -> p.id() + " " + p.title() + " " + p.price())
                .toList();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.valueStream().forEach(v -> values.add(v.asString()));
        return values;
    }
}
