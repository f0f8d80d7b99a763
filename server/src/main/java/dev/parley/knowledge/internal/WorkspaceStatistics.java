package dev.parley.knowledge.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SmallFloat;

/**
 * A searcher of the whole index whose BM25 statistics are one workspace's (in one mode): how many of its live chunks
 * have a field and how long they are, how many hold a term and how often. Lucene's own statistics are the whole
 * index's, so one store's articles would move another store's ranking, and so would chunks deleted but not yet merged
 * away (the index sync re-applies every change, and merges run when they run). These depend on the workspace's live
 * chunks alone. Counting costs a pass over the workspace's chunks per field and per term; an index reader never
 * changes, so each count is kept for as long as the searcher of that reader is (one per reader and workspace, see
 * {@link KnowledgeIndex}), and a term is counted once, not on every search that has it.
 */
final class WorkspaceStatistics extends IndexSearcher {

    /** Past this many terms remembered the memory starts again: a reader can live for days of shoppers' typos. */
    private static final int MAX_TERMS = 50_000;

    private final Weight scope;
    /** Empty for a field none of the index's documents has (Lucene's own statistics are then null). */
    private final Map<String, Optional<CollectionStatistics>> fields = new ConcurrentHashMap<>();

    private final Map<Term, TermStatistics> terms = new ConcurrentHashMap<>();

    /** A searcher of {@code reader} counting only the live documents that {@code scope} matches. */
    WorkspaceStatistics(IndexReader reader, Query scope) throws IOException {
        super(reader);
        this.scope = createWeight(rewrite(scope), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        Optional<CollectionStatistics> known = fields.get(field);
        if (known != null) {
            return known.orElse(null);
        }
        long docCount = 0;
        long length = 0;
        for (LeafReaderContext leaf : getIndexReader().leaves()) {
            NumericDocValues norms = leaf.reader().getNormValues(field);
            DocIdSetIterator docs = scopeIn(leaf);
            if (norms == null || docs == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                // a document without a norm has no term in the field, as Lucene's own docCount counts
                if ((live == null || live.get(doc)) && norms.advanceExact(doc)) {
                    docCount++;
                    // the length BM25 reads from the norm (lossy, but the one it scores with)
                    length += SmallFloat.byte4ToInt((byte) norms.longValue());
                }
            }
        }
        CollectionStatistics statistics = docCount == 0
                // none of the workspace's chunks has the field, so none is scored on it
                ? super.collectionStatistics(field)
                : new CollectionStatistics(
                        field, getIndexReader().maxDoc(), docCount, Math.max(length, docCount), docCount);
        fields.put(field, Optional.ofNullable(statistics));
        return statistics;
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        TermStatistics known = terms.get(term);
        if (known != null) {
            return known;
        }
        if (terms.size() >= MAX_TERMS) {
            terms.clear();
        }
        TermStatistics counted = count(term);
        terms.put(term, counted);
        return counted;
    }

    private TermStatistics count(Term term) throws IOException {
        long inScope = 0;
        long occurrences = 0;
        for (LeafReaderContext leaf : getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(term.field());
            DocIdSetIterator docs = scopeIn(leaf);
            if (terms == null || docs == null) {
                continue;
            }
            TermsEnum found = terms.iterator();
            if (!found.seekExact(term.bytes())) {
                continue;
            }
            PostingsEnum postings = found.postings(null, PostingsEnum.FREQS);
            Bits live = leaf.reader().getLiveDocs();
            int doc = docs.nextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS) {
                int holding = postings.advance(doc);
                if (holding == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (holding == doc) {
                    if (live == null || live.get(doc)) {
                        inScope++;
                        occurrences += postings.freq();
                    }
                    doc = docs.nextDoc();
                } else {
                    doc = docs.advance(holding);
                }
            }
        }
        // A term none of the workspace's chunks holds scores none of them: any valid statistics do.
        return inScope == 0
                ? new TermStatistics(term.bytes(), 1, 1)
                : new TermStatistics(term.bytes(), inScope, occurrences);
    }

    private DocIdSetIterator scopeIn(LeafReaderContext leaf) throws IOException {
        Scorer scorer = scope.scorer(leaf);
        return scorer == null ? null : scorer.iterator();
    }
}
