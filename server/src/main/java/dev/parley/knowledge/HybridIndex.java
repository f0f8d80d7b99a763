package dev.parley.knowledge;

import dev.parley.knowledge.internal.KnowledgeIndex;
import dev.parley.knowledge.internal.KnowledgeIndex.IndexedChunk;
import dev.parley.platform.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory hybrid index of records another module owns, such as a store's product catalogue: the knowledge base's
 * own ranking (BM25 over title and text, fused by reciprocal rank with MiniLM embeddings) without its storage. Built
 * once from all its entries; safe to search from many threads.
 */
public final class HybridIndex implements AutoCloseable {

    /** One record: its title counts more than its text for keywords; both are embedded. */
    public record Entry(String id, String title, String text) {}

    /**
     * @param score the fused rank score in [0, 1], 1 for a record ranked first by both keyword and meaning
     * @param similarity the cosine similarity of the record's embedding to the query's, in [-1, 1]
     * @param keywordMatch whether any of the query's words (as the English analyzer stems them) is in the record
     */
    public record Hit(String id, double score, double similarity, boolean keywordMatch) {}

    private static final String SCOPE = "records";

    private final KnowledgeIndex index;
    private final TextEmbeddings embeddings;
    private final int size;

    private HybridIndex(KnowledgeIndex index, TextEmbeddings embeddings, int size) {
        this.index = index;
        this.embeddings = embeddings;
        this.size = size;
    }

    /** Embeds and indexes the entries (in batches: a few seconds for a few hundred records). */
    public static HybridIndex of(List<Entry> entries, TextEmbeddings embeddings) {
        KnowledgeIndex index = KnowledgeIndex.inMemory();
        List<float[]> vectors = embeddings.embedAll(
                entries.stream().map(e -> e.title() + "\n" + e.text()).toList());
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            chunks.add(new IndexedChunk(
                    e.id(),
                    e.id(),
                    SCOPE,
                    Mode.LIVE,
                    "record",
                    null,
                    List.of(),
                    e.title(),
                    null,
                    e.text(),
                    null,
                    vectors.get(i)));
        }
        for (IndexedChunk chunk : chunks) {
            index.replaceSource(chunk.sourceId(), List.of(chunk));
        }
        index.refresh();
        return new HybridIndex(index, embeddings, entries.size());
    }

    public int size() {
        return size;
    }

    /** Up to {@code limit} records, best first; every record is a candidate of the meaning ranking. */
    public List<Hit> search(String query, int limit) {
        float[] vector = embeddings.embed(query);
        int candidates = Math.max(1, size);
        List<SearchHit> hits =
                index.search(SCOPE, Mode.LIVE, SearchQuery.of(query, 1), vector, candidates, Math.max(1, limit));
        List<String> keyword = index.keywordMatches(SCOPE, Mode.LIVE, query, candidates);
        return hits.stream()
                .map(h -> new Hit(h.sourceId(), h.score(), h.similarity(), keyword.contains(h.sourceId())))
                .toList();
    }

    @Override
    public void close() {
        index.close();
    }
}
