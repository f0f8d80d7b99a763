package dev.parley.knowledge;

import dev.parley.platform.Caller;
import java.time.Instant;
import java.util.List;

/** The caller's knowledge-base articles, for the console: the same articles {@code /v1/knowledge-base} serves. */
public interface Articles {

    /** An article and whether this node's index already holds it. */
    record Article(
            String id,
            String title,
            String content,
            String category,
            List<String> tags,
            String status,
            boolean indexed,
            int chunkCount,
            Instant updatedAt) {}

    /** What an admin writes; {@code null} fields keep their value on change. */
    record ArticleDraft(String title, String content, String category, List<String> tags, String status) {}

    /** The most recently changed first, up to 100. */
    List<Article> list(Caller caller);

    /**
     * @throws dev.parley.platform.ApiException {@code not_found} for another workspace's article
     */
    Article get(Caller caller, String articleId);

    /**
     * Stores and indexes an article at once (searchable when {@code indexed}).
     *
     * @throws dev.parley.platform.ApiException {@code missing_field} or {@code invalid_field} for a bad draft
     */
    Article create(Caller caller, ArticleDraft draft);

    Article update(Caller caller, String articleId, ArticleDraft draft);

    void delete(Caller caller, String articleId);
}
