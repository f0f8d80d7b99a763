package dev.parley.knowledge.internal;

import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.SearchQuery;
import dev.parley.knowledge.internal.KnowledgeIndex.IndexedChunk;
import dev.parley.platform.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./parley eval retrieval --corpus corpus.jsonl --queries queries.jsonl}: indexes a corpus with the same
 * chunker, embedder and index the application uses, runs each query, and scores the ranking of documents (a
 * document ranks where its best chunk ranks). Misses go to stderr; the last stdout line is one JSON object.
 */
public final class RetrievalEvaluation {

    private RetrievalEvaluation() {}

    record Document(String id, String title, String text) {}

    record Query(String query, Set<String> relevant) {}

    public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i).replaceFirst("^--", ""), args.get(i + 1));
        }
        if (!options.containsKey("corpus") || !options.containsKey("queries")) {
            err.println("usage: eval retrieval --corpus corpus.jsonl --queries queries.jsonl");
            return 2;
        }
        JsonMapper json = JsonMapper.builder().build();
        List<Document> corpus = documents(Path.of(options.get("corpus")), json);
        List<Query> queries = queries(Path.of(options.get("queries")), json);

        Embedder embedder = new MiniLmEmbedder();
        Chunker chunker = new Chunker();
        long indexingStarted = System.nanoTime();
        try (KnowledgeIndex index = KnowledgeIndex.inMemory()) {
            int chunkCount = 0;
            for (Document document : corpus) {
                chunkCount += index(document, chunker, embedder, index);
            }
            index.refresh();
            double indexingSeconds = (System.nanoTime() - indexingStarted) / 1e9;

            double[] recallAt = new double[11];
            double reciprocalRanks = 0;
            long[] latencies = new long[queries.size()];
            long[] searchOnly = new long[queries.size()];
            int q = 0;
            for (Query query : queries) {
                long started = System.nanoTime();
                float[] vector = embedder.embed(query.query());
                long embedded = System.nanoTime();
                List<SearchHit> hits = index.search("eval", Mode.TEST, SearchQuery.of(query.query(), 40), vector);
                searchOnly[q] = System.nanoTime() - embedded;
                latencies[q++] = System.nanoTime() - started;
                List<String> ranking = new ArrayList<>(new LinkedHashSet<>(
                        hits.stream().map(SearchHit::sourceId).toList()));
                for (int k : new int[] {1, 5, 10}) {
                    long found = ranking.subList(0, Math.min(k, ranking.size())).stream()
                            .filter(query.relevant()::contains)
                            .count();
                    recallAt[k] += (double) found / query.relevant().size();
                }
                int firstRelevant = firstRelevant(ranking, query.relevant());
                reciprocalRanks += firstRelevant >= 0 ? 1.0 / (firstRelevant + 1) : 0;
                if (firstRelevant != 0) {
                    miss(query, ranking, firstRelevant, err);
                }
            }
            int n = queries.size();
            Arrays.sort(latencies);
            Arrays.sort(searchOnly);
            out.printf(
                    Locale.ROOT,
                    "{\"n\":%d,\"documents\":%d,\"chunks\":%d,\"recall_at_1\":%.4f,\"recall_at_5\":%.4f,"
                            + "\"recall_at_10\":%.4f,\"mrr\":%.4f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"search_p50_ms\":%.2f,"
                            + "\"search_p99_ms\":%.2f,\"indexing_seconds\":%.1f}%n",
                    n,
                    corpus.size(),
                    chunkCount,
                    recallAt[1] / n,
                    recallAt[5] / n,
                    recallAt[10] / n,
                    reciprocalRanks / n,
                    percentile(latencies, 50),
                    percentile(latencies, 99),
                    percentile(searchOnly, 50),
                    percentile(searchOnly, 99),
                    indexingSeconds);
            return 0;
        }
    }

    private static List<Document> documents(Path file, JsonMapper json) throws IOException {
        return readLines(file).stream()
                .map(json::readTree)
                .map(n -> new Document(
                        n.path("id").asString(),
                        n.path("title").asString(),
                        n.path("text").asString()))
                .toList();
    }

    private static List<Query> queries(Path file, JsonMapper json) throws IOException {
        return readLines(file).stream()
                .map(json::readTree)
                .map(n -> new Query(n.path("query").asString(), strings(n.path("relevant_ids"))))
                .toList();
    }

    /** A query whose first relevant document is not first: where it ranks (if at all) and what came first. */
    private static void miss(Query query, List<String> ranking, int firstRelevant, PrintStream err) {
        err.printf(
                "miss%s: %s | wanted %s | got %s%n",
                firstRelevant < 0 ? "" : "@" + (firstRelevant + 1),
                query.query(),
                query.relevant(),
                ranking.subList(0, Math.min(3, ranking.size())));
    }

    /** Chunks, embeds and indexes one document as the application would; returns how many chunks it made. */
    private static int index(Document document, Chunker chunker, Embedder embedder, KnowledgeIndex index) {
        List<Chunker.Chunk> chunks = chunker.chunk(document.title(), document.text(), "markdown", "article");
        List<float[]> vectors = embedder.embedAll(chunks.stream()
                .map(c -> Chunker.embeddingText(document.title(), c))
                .toList());
        List<IndexedChunk> indexed = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            indexed.add(new IndexedChunk(
                    document.id() + "#" + i,
                    document.id(),
                    "eval",
                    Mode.TEST,
                    "article",
                    null,
                    List.of(),
                    document.title(),
                    chunks.get(i).heading(),
                    chunks.get(i).text(),
                    null,
                    vectors.get(i)));
        }
        index.replaceSource(document.id(), indexed);
        return chunks.size();
    }

    /** Where the first relevant document ranks, from 0; -1 when none does. */
    private static int firstRelevant(List<String> ranking, Set<String> relevant) {
        for (int i = 0; i < ranking.size(); i++) {
            if (relevant.contains(ranking.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.valueStream().forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> readLines(Path path) throws IOException {
        return Files.readAllLines(path).stream().filter(l -> !l.isBlank()).toList();
    }
}
