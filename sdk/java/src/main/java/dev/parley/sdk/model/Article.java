package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** A knowledge-base article. Any other field: {@link #get(String)}. */
public class Article extends JsonObject {
    public Article(Map<String, ?> values) {
        super(values);
    }

    /** {@code article_id}. */
    public String articleId() {
        return getString("article_id");
    }

    /** {@code article_id}. */
    public String id() {
        return getString("article_id");
    }

    /** {@code title}. */
    public String title() {
        return getString("title");
    }

    /** {@code content}. */
    public String content() {
        return getString("content");
    }

    /** {@code category}. */
    public String category() {
        return getString("category");
    }

    /** {@code tags}. */
    public List<String> tags() {
        return getStrings("tags");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code indexed}. */
    public boolean indexed() {
        return is("indexed");
    }

    /** {@code chunk_count}. */
    public Integer chunkCount() {
        return getInt("chunk_count");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }

    /** {@code updated_at}. */
    public String updatedAt() {
        return getString("updated_at");
    }
}
