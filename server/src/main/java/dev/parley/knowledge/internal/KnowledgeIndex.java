package dev.parley.knowledge.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.SearchQuery;
import dev.parley.platform.Mode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * This node's Lucene index of knowledge chunks: BM25 over title, heading and text, and HNSW over the embeddings,
 * fused by reciprocal rank. Every query is filtered to one workspace and mode. The index is a copy: the database holds
 * the chunks and embeddings, so a lost index is only a rebuild.
 */
public final class KnowledgeIndex implements Closeable {

    static final String ID = "chunk_id";
    static final String SOURCE = "source_id";
    static final String WORKSPACE = "workspace";
    static final String MODE = "mode";
    static final String KIND = "kind";
    static final String CATEGORY = "category";
    static final String TAG = "tag";
    static final String TITLE = "title";
    static final String HEADING = "heading";
    static final String TEXT = "text";
    static final String URL = "url";
    static final String VECTOR = "vector";
    private static final String SEQ = "parley.seq";

    /** Candidates taken from each ranking before fusion. */
    static final int CANDIDATES = 40;
    /** Reciprocal-rank fusion's constant; 60 is the literature's default. */
    static final int RRF_K = 60;

    /** A chunk as the index holds it. */
    public record IndexedChunk(
            String chunkId,
            String sourceId,
            String workspaceId,
            Mode mode,
            String kind,
            String category,
            List<String> tags,
            String title,
            String heading,
            String text,
            String url,
            float[] vector) {}

    /**
     * A search as it was asked of one state of the index. The vector is part of it: the same words searched with
     * another vector are another search.
     */
    private record Asked(
            long version, String workspaceId, Mode mode, SearchQuery query, float[] vector, int candidates, int limit) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Asked asked
                    && version == asked.version
                    && candidates == asked.candidates
                    && limit == asked.limit
                    && mode == asked.mode
                    && workspaceId.equals(asked.workspaceId)
                    && query.equals(asked.query)
                    && Arrays.equals(vector, asked.vector);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, workspaceId, mode, query, candidates, limit) * 31 + Arrays.hashCode(vector);
        }
    }

    /**
     * Hits of searches asked again while the index has not changed: shoppers ask the same things, and the answer of an
     * unchanged index is the same. Any change of the index makes a new state, whose searches run afresh.
     */
    private final Cache<Asked, List<SearchHit>> answered =
            Caffeine.newBuilder().maximumSize(2_000).build();

    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** The workspaces' keyword statistics counted in one reader of the index (the newest reader searched). */
    private record CountedIn(IndexReader reader, Map<String, WorkspaceStatistics> workspaces) {}

    private volatile CountedIn counted;

    static {
        // Before any search is compiled (see HeapSegments).
        HeapSegments.load();
    }

    /** What a hit shows of its chunk: the stored fields, as one reader of the index holds them. */
    private record Shown(
            String chunkId, String sourceId, String kind, String title, String heading, String text, String url) {}

    /**
     * The stored fields of chunks found in one reader of the index (the newest searched). Reading them decompresses
     * a block of documents for each hit, a tenth of a new message's search; the same chunks answer many questions,
     * and a reader's documents never change. A new reader (any change of the index) starts a new memory.
     */
    private record ShownIn(IndexReader reader, Cache<Integer, Shown> chunks) {}

    /** Chunks remembered per reader: a few megabytes of text at most. */
    static final int SHOWN_CHUNKS = 4_096;

    private volatile ShownIn shown;

    private KnowledgeIndex(Directory directory) {
        try {
            this.directory = directory;
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KnowledgeIndex inMemory() {
        return new KnowledgeIndex(new ByteBuffersDirectory());
    }

    public static KnowledgeIndex open(Path path) {
        try {
            return new KnowledgeIndex(FSDirectory.open(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a source's chunks in place of whatever the index held for it, atomically. */
    public void replaceSource(String sourceId, List<IndexedChunk> chunks) {
        try {
            writer.updateDocuments(
                    new Term(SOURCE, sourceId),
                    chunks.stream().map(KnowledgeIndex::document).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteSource(String sourceId) {
        try {
            writer.deleteDocuments(new Term(SOURCE, sourceId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every change so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes durable, remembering the last change-feed position they include. */
    public void commit(long appliedSeq) {
        try {
            writer.setLiveCommitData(Map.of(SEQ, Long.toString(appliedSeq)).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The change-feed position of the last commit, or -1 for an index never committed. */
    public long committedSeq() {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(SEQ)) {
                return Long.parseLong(entry.getValue());
            }
        }
        return -1;
    }

    public int chunkCount(String sourceId) {
        return count(new TermQuery(new Term(SOURCE, sourceId)));
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    private int count(Query query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SearchHit> search(String workspaceId, Mode mode, SearchQuery query, float[] vector) {
        return search(workspaceId, mode, query, vector, CANDIDATES, query.topK());
    }

    /**
     * The same ranking with {@code candidates} from each of the keyword and the meaning ranking, and up to
     * {@code limit} hits: for small indexes whose results are filtered afterwards (a store's catalogue).
     */
    public List<SearchHit> search(
            String workspaceId, Mode mode, SearchQuery query, float[] vector, int candidates, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
                Asked asked = new Asked(version, workspaceId, mode, query, vector, candidates, limit);
                List<SearchHit> known = answered.getIfPresent(asked);
                if (known != null) {
                    return known;
                }
                List<SearchHit> hits = search(searcher, workspaceId, mode, query, vector, candidates, limit);
                answered.put(asked, hits);
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the searches asked so far (their words may be a customer's). */
    public void forgetAsked() {
        answered.invalidateAll();
    }

    private List<SearchHit> search(
            IndexSearcher searcher,
            String workspaceId,
            Mode mode,
            SearchQuery query,
            float[] vector,
            int candidates,
            int limit)
            throws IOException {
        Query filter = filter(workspaceId, mode, query);
        Map<Integer, Fused> fused = new HashMap<>();
        Query lexical = lexical(query.query());
        if (lexical != null) {
            Query scoped = new BooleanQuery.Builder()
                    .add(filter, Occur.FILTER)
                    .add(lexical, Occur.MUST)
                    .build();
            TopDocs keyword = statistics(searcher, workspaceId, mode).search(scoped, candidates);
            rank(keyword, fused, false);
        }
        TopDocs meaning = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, candidates, filter), candidates);
        rank(meaning, fused, true);
        double best = 2.0 / (RRF_K + 1);
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(BEST_FIRST);
        List<SearchHit> hits = new ArrayList<>();
        for (Fused f : ranked.subList(0, Math.min(limit, ranked.size()))) {
            Shown chunk = shown(searcher, f.doc);
            double similarity = f.vectorScore >= 0 ? 2 * f.vectorScore - 1 : similarity(searcher, f.doc, vector);
            hits.add(new SearchHit(
                    chunk.chunkId(),
                    chunk.sourceId(),
                    chunk.kind(),
                    chunk.title(),
                    chunk.heading(),
                    chunk.text(),
                    chunk.url(),
                    Math.min(1.0, f.score / best),
                    similarity));
        }
        return List.copyOf(hits);
    }

    /** A found chunk's stored fields, read from the index once per reader (see {@link ShownIn}). */
    private Shown shown(IndexSearcher searcher, int doc) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        ShownIn memory = this.shown;
        if (memory == null || memory.reader() != reader) {
            memory = new ShownIn(
                    reader, Caffeine.newBuilder().maximumSize(SHOWN_CHUNKS).build());
            this.shown = memory;
        }
        Shown known = memory.chunks().getIfPresent(doc);
        if (known != null) {
            return known;
        }
        Document stored = searcher.storedFields().document(doc);
        Shown read = new Shown(
                stored.get(ID),
                stored.get(SOURCE),
                stored.get(KIND),
                stored.get(TITLE),
                stored.get(HEADING),
                stored.get(TEXT),
                stored.get(URL));
        memory.chunks().put(doc, read);
        return read;
    }

    /** The sources with a chunk that matches any of the text's words (as the analyzer stems them), up to a limit. */
    public List<String> keywordMatches(String workspaceId, Mode mode, String text, int limit) {
        Query lexical = lexical(text);
        if (lexical == null) {
            return List.of();
        }
        Query scoped = new BooleanQuery.Builder()
                .add(filter(workspaceId, mode, SearchQuery.of(text, 1)), Occur.FILTER)
                .add(lexical, Occur.MUST)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                StoredFields stored = searcher.storedFields();
                List<String> sources = new ArrayList<>();
                IndexSearcher ranking = statistics(searcher, workspaceId, mode);
                for (ScoreDoc hit : ranking.search(scoped, Math.max(1, limit)).scoreDocs) {
                    sources.add(stored.document(hit.doc).get(SOURCE));
                }
                return sources;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The keyword statistics of a workspace's chunks in the index as this searcher reads it: counted once per reader
     * and workspace (a reader never changes), since counting passes over the workspace's chunks, and a 10,000-chunk
     * workspace would pay that on every keyword search. A new reader (any change of the index) starts a new memory.
     */
    private WorkspaceStatistics statistics(IndexSearcher searcher, String workspaceId, Mode mode) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        CountedIn counted = this.counted;
        if (counted == null || counted.reader() != reader) {
            counted = new CountedIn(reader, new ConcurrentHashMap<>());
            this.counted = counted;
        }
        String key = workspaceId + " " + mode.wire();
        WorkspaceStatistics known = counted.workspaces().get(key);
        if (known != null) {
            return known;
        }
        WorkspaceStatistics fresh = new WorkspaceStatistics(reader, scope(workspaceId, mode));
        WorkspaceStatistics raced = counted.workspaces().putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
    }

    /**
     * Higher fused score first; a tie (common: first by words and second by meaning scores the same as the other way
     * round) goes to the passage nearer in meaning, then to the earlier document (a source's chunks are indexed in
     * order). Never to the map's order of document numbers, which merges and re-indexing change: a workspace's ranking
     * must not depend on when its articles were written.
     */
    private static final Comparator<Fused> BEST_FIRST = Comparator.comparingDouble(Fused::score)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Fused::vectorScore).reversed())
            .thenComparingInt(Fused::doc);

    private static final class Fused {
        final int doc;
        double score;
        double vectorScore = -1;

        Fused(int doc) {
            this.doc = doc;
        }

        double score() {
            return score;
        }

        double vectorScore() {
            return vectorScore;
        }

        int doc() {
            return doc;
        }
    }

    private static void rank(TopDocs top, Map<Integer, Fused> fused, boolean vector) {
        int rank = 0;
        for (ScoreDoc hit : top.scoreDocs) {
            rank++;
            Fused f = fused.computeIfAbsent(hit.doc, Fused::new);
            f.score += 1.0 / (RRF_K + rank);
            if (vector) {
                f.vectorScore = hit.score;
            }
        }
    }

    /** The exact similarity of a chunk the vector ranking did not return, read from the index's vectors. */
    private static double similarity(IndexSearcher searcher, int doc, float[] vector) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        if (values == null) {
            return 0;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        int target = doc - leaf.docBase;
        if (iterator.advance(target) != target) {
            return 0;
        }
        return VectorSimilarityFunction.DOT_PRODUCT.compare(values.vectorValue(iterator.index()), vector) * 2 - 1;
    }

    private Query lexical(String text) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = addClauses(any, builder.createBooleanQuery(TITLE, text), 1.5f)
                + addClauses(any, builder.createBooleanQuery(HEADING, text), 1.2f)
                + addClauses(any, builder.createBooleanQuery(TEXT, text), 1f);
        return clauses == 0 ? null : any.build();
    }

    /**
     * Adds a field's disjunction of terms to the query clause by clause, each with the field's boost. The scores are
     * those of the nested per-field disjunctions, but one flat disjunction lets Lucene skip documents that cannot
     * reach the top (max-score) instead of scoring every document that matches any term.
     */
    private static int addClauses(BooleanQuery.Builder any, Query field, float boost) {
        if (field == null) {
            return 0;
        }
        List<Query> parts = field instanceof BooleanQuery bool
                        && bool.getMinimumNumberShouldMatch() == 0
                        && bool.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)
                ? bool.clauses().stream().map(BooleanClause::query).toList()
                : List.of(field);
        for (Query part : parts) {
            any.add(boost == 1f ? part : new BoostQuery(part, boost), Occur.SHOULD);
        }
        return parts.size();
    }

    /** A workspace's chunks in one mode: what a search may return, and what its keyword statistics count. */
    private static Query scope(String workspaceId, Mode mode) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(WORKSPACE, workspaceId)), Occur.FILTER)
                .add(new TermQuery(new Term(MODE, mode.wire())), Occur.FILTER)
                .build();
    }

    private static Query filter(String workspaceId, Mode mode, SearchQuery query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder().add(scope(workspaceId, mode), Occur.FILTER);
        if (!query.kinds().isEmpty()) {
            filter.add(anyOf(KIND, query.kinds()), Occur.FILTER);
        }
        if (query.category() != null) {
            filter.add(new TermQuery(new Term(CATEGORY, query.category())), Occur.FILTER);
        }
        if (!query.tags().isEmpty()) {
            filter.add(anyOf(TAG, query.tags()), Occur.FILTER);
        }
        return filter.build();
    }

    private static Query anyOf(String field, Iterable<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }
        return any.build();
    }

    private static Document document(IndexedChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.chunkId(), Field.Store.YES));
        doc.add(new StringField(SOURCE, chunk.sourceId(), Field.Store.YES));
        doc.add(new StringField(WORKSPACE, chunk.workspaceId(), Field.Store.NO));
        doc.add(new StringField(MODE, chunk.mode().wire(), Field.Store.NO));
        doc.add(new StringField(KIND, chunk.kind(), Field.Store.YES));
        if (chunk.category() != null) {
            doc.add(new StringField(CATEGORY, chunk.category(), Field.Store.NO));
        }
        for (String tag : chunk.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
        }
        doc.add(new TextField(TITLE, chunk.title(), Field.Store.YES));
        doc.add(new TextField(HEADING, chunk.heading() == null ? "" : chunk.heading(), Field.Store.YES));
        doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        if (chunk.url() != null) {
            doc.add(new StoredField(URL, chunk.url()));
        }
        doc.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
