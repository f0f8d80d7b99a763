package dev.parley.knowledge.internal;

import dev.parley.knowledge.KnowledgeSearch;
import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.SearchQuery;
import dev.parley.platform.ApiException;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes knowledge and searches it. A write chunks and embeds the source outside the transaction, stores source,
 * chunks and a change-feed entry in one transaction, then puts it into this node's index at once, so a source
 * reported {@code indexed} is searchable on the next request.
 */
@Service
class KnowledgeSources implements KnowledgeSearch {

    private final KnowledgeRows knowledgeRows;
    private final Chunker chunker = new Chunker();
    private final Embedder embedder;
    private final KnowledgeIndex index;
    private final IndexSync sync;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KnowledgeSources(
            KnowledgeRows knowledgeRows,
            Embedder embedder,
            KnowledgeIndex index,
            IndexSync sync,
            TransactionTemplate transactions,
            Clock clock) {
        this.knowledgeRows = knowledgeRows;
        this.embedder = embedder;
        this.index = index;
        this.sync = sync;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a caller sends to create or change a source; {@code null} fields keep their value on change. */
    record Draft(
            String kind,
            String title,
            String content,
            String contentFormat,
            String category,
            List<String> tags,
            Map<String, Object> metadata,
            String status,
            String domain,
            String url) {}

    /** A stored source and whether this node's index holds it. */
    record Saved(KnowledgeSource source, boolean indexed) {}

    Saved create(String workspaceId, Mode mode, String origin, Draft draft) {
        return createAll(workspaceId, mode, origin, List.of(draft)).getFirst();
    }

    /** Creates several sources at once: all are stored, or none (a bad one fails the whole batch first). */
    List<Saved> createAll(String workspaceId, Mode mode, String origin, List<Draft> drafts) {
        Instant now = clock.instant();
        List<KnowledgeSource> sources = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            try {
                requireText(d.content());
                sources.add(new KnowledgeSource(
                        Ids.next("kb"),
                        workspaceId,
                        mode,
                        d.kind() == null ? "article" : d.kind(),
                        origin,
                        d.title(),
                        d.content(),
                        d.contentFormat() == null ? "markdown" : d.contentFormat(),
                        d.category(),
                        d.tags(),
                        d.metadata(),
                        d.status() == null ? "published" : d.status(),
                        d.domain(),
                        d.url(),
                        0,
                        now,
                        now));
            } catch (ApiException invalid) {
                if (drafts.size() == 1) {
                    throw invalid;
                }
                throw invalid.forItem("items", i);
            }
        }
        List<Prepared> prepared = sources.stream().map(this::prepare).toList();
        List<Long> changes = transactions.execute(status -> {
            List<Long> seqs = new ArrayList<>();
            for (Prepared p : prepared) {
                knowledgeRows.insert(p.source());
                knowledgeRows.replaceChunks(p.source(), p.chunks());
                seqs.add(knowledgeRows.recordChange(
                        p.source().workspaceId(), p.source().id(), now));
            }
            return seqs;
        });
        List<Saved> saved = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            saved.add(indexNow(prepared.get(i).source(), changes.get(i)));
        }
        return saved;
    }

    Saved update(String workspaceId, Mode mode, String id, Draft draft) {
        KnowledgeSource current = get(workspaceId, mode, id);
        if (draft.content() != null) {
            requireText(draft.content());
        }
        KnowledgeSource changed = new KnowledgeSource(
                current.id(),
                current.workspaceId(),
                current.mode(),
                draft.kind() != null ? draft.kind() : current.kind(),
                current.origin(),
                draft.title() != null ? draft.title() : current.title(),
                draft.content() != null ? draft.content() : current.content(),
                draft.contentFormat() != null ? draft.contentFormat() : current.contentFormat(),
                draft.category() != null ? draft.category() : current.category(),
                draft.tags() != null ? draft.tags() : current.tags(),
                draft.metadata() != null ? draft.metadata() : current.metadata(),
                draft.status() != null ? draft.status() : current.status(),
                draft.domain() != null ? draft.domain() : current.domain(),
                draft.url() != null ? draft.url() : current.url(),
                current.chunkCount(),
                current.createdAt(),
                clock.instant());
        return save(current, changed);
    }

    /**
     * Replaces an article as a whole ({@code PUT}): what the draft leaves out goes back to its default (no category,
     * no tags or metadata, markdown, published), as if it were created anew under the same id.
     */
    Saved replace(String workspaceId, Mode mode, String id, Draft draft) {
        KnowledgeSource current = get(workspaceId, mode, id);
        KnowledgeSource replaced = new KnowledgeSource(
                current.id(),
                current.workspaceId(),
                current.mode(),
                current.kind(),
                current.origin(),
                draft.title(),
                draft.content(),
                draft.contentFormat() == null ? "markdown" : draft.contentFormat(),
                draft.category(),
                draft.tags(),
                draft.metadata(),
                draft.status() == null ? "published" : draft.status(),
                current.domain(),
                current.url(),
                current.chunkCount(),
                current.createdAt(),
                clock.instant());
        return save(current, replaced);
    }

    private Saved save(KnowledgeSource current, KnowledgeSource changed) {
        boolean sameContent = changed.contentHash().equals(current.contentHash());
        Prepared prepared = sameContent ? null : prepare(changed);
        KnowledgeSource stored = prepared != null ? prepared.source() : changed;
        long change = transactions.execute(status -> {
            knowledgeRows.update(stored);
            if (prepared != null) {
                knowledgeRows.replaceChunks(stored, prepared.chunks());
            }
            return knowledgeRows.recordChange(stored.workspaceId(), stored.id(), stored.updatedAt());
        });
        return indexNow(stored, change);
    }

    /** A source is its text: one without any (absent, empty or blank) is refused rather than stored empty. */
    private static void requireText(String content) {
        if (content == null || content.isBlank()) {
            throw ApiException.missingField("content");
        }
    }

    /** Creates the source at {@code draft.url()}, or updates the one already there (re-embedding only changes). */
    Saved upsertByUrl(String workspaceId, Mode mode, String origin, Draft draft) {
        return knowledgeRows
                .findByUrl(workspaceId, mode, draft.url())
                .map(existing -> update(workspaceId, mode, existing.id(), draft))
                .orElseGet(() -> create(workspaceId, mode, origin, draft));
    }

    void delete(String workspaceId, Mode mode, String id) {
        KnowledgeSource source = get(workspaceId, mode, id);
        long change = transactions.execute(status -> {
            knowledgeRows.delete(workspaceId, mode, id);
            return knowledgeRows.recordChange(source.workspaceId(), id, clock.instant());
        });
        sync.reindexNow(id, change);
    }

    KnowledgeSource get(String workspaceId, Mode mode, String id) {
        return knowledgeRows
                .find(workspaceId, mode, id)
                .orElseThrow(() -> ApiException.notFound("knowledge source", id));
    }

    boolean indexed(KnowledgeSource source) {
        return source.published() && index.chunkCount(source.id()) > 0;
    }

    Page<KnowledgeSource> list(dev.parley.platform.Caller caller, KnowledgeRows.Filter filter, PageQuery page) {
        return Page.of(
                knowledgeRows.page(caller.workspaceId(), caller.mode(), filter, page),
                page,
                knowledgeRows.count(caller.workspaceId(), caller.mode(), filter));
    }

    @Override
    public List<SearchHit> search(String workspaceId, Mode mode, SearchQuery query) {
        return index.search(workspaceId, mode, query, embedder.embed(query.query()));
    }

    private record Prepared(KnowledgeSource source, List<StoredChunk> chunks) {}

    private Prepared prepare(KnowledgeSource source) {
        List<Chunker.Chunk> chunks =
                chunker.chunk(source.title(), source.content(), source.contentFormat(), source.kind());
        List<float[]> vectors = embedder.embedAllForIndex(chunks.stream()
                .map(c -> Chunker.embeddingText(source.title(), c))
                .toList());
        List<StoredChunk> stored = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            stored.add(new StoredChunk(
                    Ids.next("chunk"),
                    source.id(),
                    i,
                    chunks.get(i).heading(),
                    chunks.get(i).text(),
                    vectors.get(i)));
        }
        KnowledgeSource counted = new KnowledgeSource(
                source.id(),
                source.workspaceId(),
                source.mode(),
                source.kind(),
                source.origin(),
                source.title(),
                source.content(),
                source.contentFormat(),
                source.category(),
                source.tags(),
                source.metadata(),
                source.status(),
                source.domain(),
                source.url(),
                stored.size(),
                source.createdAt(),
                source.updatedAt());
        return new Prepared(counted, stored);
    }

    /** Indexes the source this node has just written as change {@code seq} of the feed. */
    private Saved indexNow(KnowledgeSource source, long seq) {
        sync.reindexNow(source.id(), seq);
        return new Saved(source, indexed(source));
    }
}
