package dev.parley.bench;

import dev.parley.knowledge.LocalSearchIndex;
import dev.parley.knowledge.LocalSearchIndex.Passage;
import dev.parley.knowledge.LocalSearchIndex.StoredPassage;
import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.TextEmbeddings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code search}: knowledge indexing and search measured in process with the server's own chunker, MiniLM embedder
 * and Lucene index (on disk, as a node runs it). It measures the embedding rate; indexes the Northwind and VoltCart
 * help centers, repeated with textual variations, with real embeddings (chunk, embed in batches, index); then runs
 * {@link LocalSearchIndex#search} with the stores' shopper queries at 1 and at 16 virtual threads, with and without
 * the query's embedding; then builds a larger index from those stored vectors, reused with small random
 * perturbations (the rebuild a node does after losing its index), and searches that. Every phase is bounded in time.
 */
final class SearchBench {

    /** The search API's default. */
    private static final int TOP_K = 5;
    /** Standard deviation of the noise added to each coordinate of a reused unit vector (noise norm about 0.2). */
    private static final double NOISE = 0.01;

    private static final String[] BRANDS = {
        "Harborline", "Cedarpine", "Summit Supply", "Bluefin", "Oakridge", "Lumen", "Tidewater", "Fernhill",
        "Copperleaf", "Brightwater", "Kestrel", "Millbrook", "Redstone", "Silverlake", "Stonegate", "Willowmere",
        "Ashgrove", "Birchwood", "Crestview", "Driftwood"
    };
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    record Article(String id, String title, String text) {}

    private record Settings(int realChunks, int totalChunks, Duration phase, Duration warmup, int rounds) {}

    private record Figure(double p50, double p99, double perSecond) {}

    private final Settings settings;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final TextEmbeddings embedder;
    private final List<Article> articles;
    private final List<String> queries;
    private Map<String, float[]> queryVectors = Map.of();

    private SearchBench(Settings settings, TextEmbeddings embedder, List<Article> articles, List<String> queries) {
        this.settings = settings;
        this.embedder = embedder;
        this.articles = articles;
        this.queries = queries;
    }

    static void run(Map<String, String> options) throws Exception {
        boolean quick = Boolean.parseBoolean(options.getOrDefault("quick", "false"));
        int real = Integer.parseInt(options.getOrDefault("chunks", quick ? "2000" : "10000"));
        int total = Integer.parseInt(options.getOrDefault("synthetic-chunks", quick ? "20000" : "100000"));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", quick ? "2" : "4")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Settings settings = new Settings(real, total, phase, phase, rounds);

        List<Article> articles = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String file : List.of("northwind/corpus.jsonl", "voltcart/corpus.jsonl")) {
            for (JsonNode n : jsonLines(json, file)) {
                articles.add(new Article(
                        n.path("id").asString(),
                        n.path("title").asString(),
                        n.path("text").asString()));
            }
        }
        for (String file :
                List.of("northwind/queries-dev.jsonl", "northwind/queries-test.jsonl", "voltcart/queries.jsonl")) {
            for (JsonNode n : jsonLines(json, file)) {
                queries.add(n.path("query").asString());
            }
        }
        Bench.progress("Loading MiniLM...");
        long started = System.nanoTime();
        TextEmbeddings embedder = TextEmbeddings.local();
        double modelLoad = Bench.seconds(started);

        SearchBench bench = new SearchBench(settings, embedder, articles, queries);
        bench.figures.put("benchmark", "search");
        bench.figures.put("date", LocalDate.now().toString());
        bench.figures.put("quick", quick);
        bench.figures.put("cores", Runtime.getRuntime().availableProcessors());
        bench.figures.put("java", Runtime.version().toString());
        bench.figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        bench.figures.put("phase_seconds", phase.toSeconds());
        bench.figures.put("rounds", rounds);
        bench.figures.put("articles", articles.size());
        bench.figures.put("queries", queries.size());
        bench.figures.put("model_load_seconds", Bench.round(modelLoad));
        bench.measure();
        System.out.println(json.writeValueAsString(bench.figures));
    }

    private void measure() throws Exception {
        embedding();
        Path root = Files.createTempDirectory("parley-bench-search");
        try {
            List<List<StoredPassage>> sources = indexing(root.resolve("real"));
            List<List<StoredPassage>> synthetic = synthetic(sources);
            int syntheticChunks = synthetic.stream().mapToInt(List::size).sum();
            figures.put("synthetic_chunks", syntheticChunks);
            try (LocalSearchIndex index = LocalSearchIndex.open(root.resolve("synthetic"))) {
                Bench.progress("Rebuilding an index of %d chunks from stored vectors...", syntheticChunks);
                double rebuild = rebuild(index, synthetic);
                figures.put("rebuild_synthetic_seconds", Bench.round(rebuild));
                figures.put("rebuild_synthetic_chunks_per_s", Math.round(syntheticChunks / rebuild));
                Bench.progress("Rebuilt in %.1f s", rebuild);
                searches(index, "synthetic");
            }
        } finally {
            deleteTree(root);
        }
    }

    /** Batched embedding of chunk texts, and one query at a time as a search does (the query cache bypassed). */
    private void embedding() throws Exception {
        List<String> texts = new ArrayList<>();
        for (Article article : articles) {
            for (Passage passage : LocalSearchIndex.passages(article.title(), article.text())) {
                texts.add(LocalSearchIndex.embeddingText(article.title(), passage));
            }
        }
        figures.put("base_chunks", texts.size());
        figures.put(
                "base_chunk_mean_chars",
                Math.round(texts.stream().mapToInt(String::length).average().orElse(0)));
        figures.put(
                "query_mean_chars",
                Math.round(queries.stream().mapToInt(String::length).average().orElse(0)));
        // Rate on a fixed slice of the help centers' chunks, so a round stays short.
        List<String> rated = texts.subList(0, Math.min(256, texts.size()));
        Bench.progress("Embedding: warming up...");
        embedder.embedAll(texts.subList(0, Math.min(64, texts.size())));
        AtomicInteger next = new AtomicInteger();
        LoadRun.run("warmup", w -> embedOne(next) != null, 1, settings.warmup());

        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            long started = System.nanoTime();
            embedder.embedAll(rated);
            double rate = rated.size() / Bench.seconds(started);
            rates.add(rate);
            Bench.progress("round %d embed %d chunk texts in batches: %.1f texts/s", round + 1, rated.size(), rate);
        }
        List<LoadRun.Result> single = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            LoadRun.Result result = LoadRun.run("embed one query", w -> embedOne(next) != null, 1, settings.phase());
            single.add(result);
            report(round, result);
        }
        figures.put("embed_batched_texts_per_s", Bench.round(median(rates)));
        LoadRun.Result median = medianByP50(single);
        figures.put("embed_query_p50_ms", Bench.round(median.percentileMs(50)));
        figures.put("embed_query_p99_ms", Bench.round(median.percentileMs(99)));

        Bench.progress("Embedding the %d queries...", queries.size());
        List<float[]> vectors = embedder.embedAll(queries);
        Map<String, float[]> byQuery = new HashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            byQuery.put(queries.get(i), vectors.get(i));
        }
        queryVectors = byQuery;
    }

    private float[] embedOne(AtomicInteger next) {
        return embedder.embedAll(List.of(query(next))).getFirst();
    }

    private String query(AtomicInteger next) {
        return queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
    }

    /**
     * Chunks, embeds and indexes variants of the help centers until the index holds the wanted number of chunks, as
     * an import of many articles would, then searches that index. Returns the chunks as the database would hold them.
     */
    private List<List<StoredPassage>> indexing(Path directory) throws Exception {
        List<List<StoredPassage>> sources = new ArrayList<>();
        int chunks = 0;
        long chunking = 0;
        long embedding = 0;
        long indexing = 0;
        Bench.progress(
                "Indexing %d chunks with MiniLM embeddings (chunk, embed in batches, index)...", settings.realChunks());
        try (LocalSearchIndex index = LocalSearchIndex.open(directory)) {
            long started = System.nanoTime();
            int reported = 0;
            for (int variant = 0; chunks < settings.realChunks(); variant++) {
                List<Article> batch = new ArrayList<>();
                for (Article article : articles) {
                    batch.add(variant(article, variant));
                    if (batch.size() == 16 || article == articles.getLast()) {
                        long t0 = System.nanoTime();
                        List<List<Passage>> chunked = new ArrayList<>();
                        List<String> texts = new ArrayList<>();
                        for (Article a : batch) {
                            List<Passage> pieces = LocalSearchIndex.passages(a.title(), a.text());
                            chunked.add(pieces);
                            pieces.forEach(c -> texts.add(LocalSearchIndex.embeddingText(a.title(), c)));
                        }
                        long t1 = System.nanoTime();
                        List<float[]> vectors = embedder.embedAll(texts);
                        long t2 = System.nanoTime();
                        int v = 0;
                        for (int i = 0; i < batch.size(); i++) {
                            Article a = batch.get(i);
                            List<StoredPassage> indexed = new ArrayList<>();
                            for (int c = 0; c < chunked.get(i).size(); c++) {
                                Passage chunk = chunked.get(i).get(c);
                                indexed.add(chunk(a.id() + "#" + c, a.id(), a.title(), chunk, vectors.get(v++)));
                            }
                            index.replaceSource(a.id(), indexed);
                            sources.add(indexed);
                        }
                        long t3 = System.nanoTime();
                        chunking += t1 - t0;
                        embedding += t2 - t1;
                        indexing += t3 - t2;
                        chunks += texts.size();
                        batch.clear();
                        if (chunks - reported >= 1000) {
                            reported = chunks;
                            Bench.progress("  %d chunks, %.0f chunks/s", chunks, chunks / Bench.seconds(started));
                        }
                        if (chunks >= settings.realChunks()) {
                            break;
                        }
                    }
                }
            }
            long t0 = System.nanoTime();
            index.refresh();
            index.commit();
            indexing += System.nanoTime() - t0;
            double total = Bench.seconds(started);
            figures.put("real_chunks", chunks);
            figures.put("indexing_seconds", Bench.round(total));
            figures.put("indexing_chunks_per_s", Bench.round(chunks / total));
            figures.put("indexing_chunk_share", Bench.round((double) chunking / (chunking + embedding + indexing)));
            figures.put("indexing_embed_share", Bench.round((double) embedding / (chunking + embedding + indexing)));
            figures.put("indexing_index_share", Bench.round((double) indexing / (chunking + embedding + indexing)));
            Bench.progress("Indexed %d chunks in %.1f s: %.1f chunks/s", chunks, total, chunks / total);
            searches(index, "real");
        }
        try (LocalSearchIndex index = LocalSearchIndex.open(directory.resolveSibling("real-rebuild"))) {
            double rebuild = rebuild(index, sources);
            figures.put("rebuild_real_seconds", Bench.round(rebuild));
            Bench.progress("Rebuilt the %d-chunk index from stored vectors in %.1f s", chunks, rebuild);
        }
        return sources;
    }

    /** What a node does after losing its index: every source's stored chunks and vectors back in, no embedding. */
    private static double rebuild(LocalSearchIndex index, List<List<StoredPassage>> sources) {
        long started = System.nanoTime();
        index.deleteAll();
        for (List<StoredPassage> source : sources) {
            index.replaceSource(source.getFirst().sourceId(), source);
        }
        index.refresh();
        index.commit();
        return Bench.seconds(started);
    }

    /**
     * The real chunks, then copies of them until the wanted size: each copy's vectors perturbed by Gaussian noise and
     * re-normalized, its text varied (sentences rotated, digits shifted) so BM25 sees different documents too.
     */
    private List<List<StoredPassage>> synthetic(List<List<StoredPassage>> real) {
        List<List<StoredPassage>> sources = new ArrayList<>(real);
        int chunks = real.stream().mapToInt(List::size).sum();
        Random random = new Random(42);
        for (int copy = 1; chunks < settings.totalChunks(); copy++) {
            for (List<StoredPassage> source : real) {
                List<StoredPassage> copied = new ArrayList<>();
                for (StoredPassage c : source) {
                    float[] vector = new float[c.vector().length];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = (float) (c.vector()[i] + NOISE * random.nextGaussian());
                    }
                    copied.add(new StoredPassage(
                            "x" + copy + "-" + c.id(),
                            "x" + copy + "-" + c.sourceId(),
                            c.title(),
                            c.heading(),
                            vary(c.text(), copy),
                            c.url(),
                            LocalSearchIndex.normalize(vector)));
                }
                sources.add(copied);
                chunks += copied.size();
                if (chunks >= settings.totalChunks()) {
                    break;
                }
            }
        }
        return sources;
    }

    /** Search latency: one and 16 searchers, query vectors ready (search only) or embedded per search. */
    private void searches(LocalSearchIndex index, String name) throws Exception {
        Bench.progress("Searching the %s index (%d chunks): warming up...", name, index.size());
        AtomicInteger next = new AtomicInteger();
        LoadRun.run("warmup", w -> search(index, next, false), 2, settings.warmup());
        LoadRun.run("warmup", w -> search(index, next, true), 2, settings.warmup());
        Map<String, List<LoadRun.Result>> results = new LinkedHashMap<>();
        for (int round = 0; round < settings.rounds(); round++) {
            for (int concurrency : new int[] {1, 16}) {
                for (boolean embed : new boolean[] {false, true}) {
                    String key = name + (embed ? "_embed_and_search" : "_search") + "_c" + concurrency;
                    LoadRun.Result result =
                            LoadRun.run(key, w -> search(index, next, embed), concurrency, settings.phase());
                    results.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
                    report(round, result);
                }
            }
        }
        figures.put(name + "_index_chunks", index.size());
        for (Map.Entry<String, List<LoadRun.Result>> entry : results.entrySet()) {
            LoadRun.Result median = medianByP50(entry.getValue());
            figures.put(entry.getKey() + "_p50_ms", Bench.round(median.percentileMs(50)));
            figures.put(entry.getKey() + "_p99_ms", Bench.round(median.percentileMs(99)));
            figures.put(entry.getKey() + "_per_s", Math.round(median.throughput()));
            long failures = entry.getValue().stream()
                    .mapToLong(LoadRun.Result::failures)
                    .sum();
            if (failures > 0) {
                figures.put(entry.getKey() + "_empty_results", failures);
            }
        }
    }

    private boolean search(LocalSearchIndex index, AtomicInteger next, boolean embed) {
        String query = query(next);
        float[] vector = embed ? embedder.embedAll(List.of(query)).getFirst() : queryVectors.get(query);
        List<SearchHit> hits = index.search(query, TOP_K, vector);
        return !hits.isEmpty();
    }

    private static StoredPassage chunk(String id, String sourceId, String title, Passage chunk, float[] vector) {
        return new StoredPassage(
                id, sourceId, title, chunk.heading(), chunk.text(), "https://help.example/" + sourceId, vector);
    }

    /** The article as another store would write it: another name, sentences in another order, other figures. */
    static Article variant(Article article, int variant) {
        if (variant == 0) {
            return article;
        }
        String brand = BRANDS[(variant - 1) % BRANDS.length]
                + (variant > BRANDS.length ? " " + (variant - 1) / BRANDS.length : "");
        String text = article.text().replace("Northwind", brand).replace("VoltCart", brand);
        return new Article("v" + variant + "-" + article.id(), article.title() + " at " + brand, vary(text, variant));
    }

    /** Rotates the sentences of each prose line and shifts every digit. */
    static String vary(String text, int shift) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && "#-|*>".indexOf(stripped.charAt(0)) < 0) {
                String[] sentences = SENTENCE_END.split(stripped);
                StringBuilder rotated = new StringBuilder();
                for (int i = 0; i < sentences.length; i++) {
                    if (i > 0) {
                        rotated.append(' ');
                    }
                    rotated.append(sentences[(i + shift) % sentences.length]);
                }
                line = rotated.toString();
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line);
        }
        char[] chars = out.toString().toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '0' && chars[i] <= '9') {
                chars[i] = (char) ('0' + (chars[i] - '0' + shift) % 10);
            }
        }
        return new String(chars);
    }

    private static void report(int round, LoadRun.Result result) {
        Bench.progress(
                "round %d %-32s %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  empty %d",
                round + 1,
                result.name(),
                result.throughput(),
                result.percentileMs(50),
                result.percentileMs(99),
                result.failures());
    }

    private static LoadRun.Result medianByP50(List<LoadRun.Result> results) {
        List<LoadRun.Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(r -> r.percentileMs(50)));
        return sorted.get(sorted.size() / 2);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static List<JsonNode> jsonLines(JsonMapper json, String file) throws IOException {
        try (InputStream in = SearchBench.class.getResourceAsStream("/eval/retrieval/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource eval/retrieval/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .map(json::readTree)
                    .toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
