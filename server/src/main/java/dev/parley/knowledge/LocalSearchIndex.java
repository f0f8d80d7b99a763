package dev.parley.knowledge;

import dev.parley.knowledge.internal.Chunker;
import dev.parley.knowledge.internal.Embedder;
import dev.parley.knowledge.internal.KnowledgeIndex;
import dev.parley.knowledge.internal.KnowledgeIndex.IndexedChunk;
import dev.parley.platform.Mode;
import java.nio.file.Path;
import java.util.List;

/**
 * The knowledge base's chunker and Lucene index (BM25 + vectors) outside the application, for measuring them (the
 * search benchmark): articles chunked and indexed as a workspace's are, in one scope, on disk or in memory. Vectors
 * come from {@link TextEmbeddings#local()}.
 */
public final class LocalSearchIndex implements AutoCloseable {

    /** A piece of an article: the heading it sits under and its text. */
    public record Passage(String heading, String text) {}

    /** One indexed passage of a source, with its unit-length embedding. */
    public record StoredPassage(
            String id, String sourceId, String title, String heading, String text, String url, float[] vector) {}

    private static final String SCOPE = "ws_local";
    private static final Mode MODE = Mode.LIVE;
    private static final Chunker CHUNKER = new Chunker();

    private final KnowledgeIndex index;

    private LocalSearchIndex(KnowledgeIndex index) {
        this.index = index;
    }

    /** An index kept in the directory, as a node keeps its own. */
    public static LocalSearchIndex open(Path directory) {
        return new LocalSearchIndex(KnowledgeIndex.open(directory));
    }

    /** A Markdown article cut into passages as the knowledge base cuts it. */
    public static List<Passage> passages(String title, String markdown) {
        return CHUNKER.chunk(title, markdown, "markdown", "article").stream()
                .map(c -> new Passage(c.heading(), c.text()))
                .toList();
    }

    /** What the knowledge base embeds for a passage: where it sits and what it says. */
    public static String embeddingText(String title, Passage passage) {
        return Chunker.embeddingText(title, new Chunker.Chunk(passage.heading(), passage.text()));
    }

    /** The vector scaled to unit length, as stored embeddings are. */
    public static float[] normalize(float[] vector) {
        return Embedder.normalize(vector);
    }

    /** Replaces everything indexed for the source with its passages. */
    public void replaceSource(String sourceId, List<StoredPassage> passages) {
        index.replaceSource(
                sourceId,
                passages.stream()
                        .map(p -> new IndexedChunk(
                                p.id(),
                                p.sourceId(),
                                SCOPE,
                                MODE,
                                "article",
                                null,
                                List.of(),
                                p.title(),
                                p.heading(),
                                p.text(),
                                p.url(),
                                p.vector()))
                        .toList());
    }

    public void deleteAll() {
        index.deleteAll();
    }

    /** Makes what was indexed searchable. */
    public void refresh() {
        index.refresh();
    }

    /** Writes the index to its directory. */
    public void commit() {
        index.commit(1);
    }

    /** How many passages are indexed. */
    public int size() {
        return index.size();
    }

    /** The best {@code limit} passages for the query, by keywords and by the query's vector. */
    public List<SearchHit> search(String query, int limit, float[] vector) {
        return index.search(SCOPE, MODE, SearchQuery.of(query, limit), vector);
    }

    @Override
    public void close() {
        index.close();
    }
}
