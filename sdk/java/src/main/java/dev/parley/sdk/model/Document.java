package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** An imported document. Any other field: {@link #get(String)}. */
public class Document extends JsonObject {
    public Document(Map<String, ?> values) {
        super(values);
    }

    /** {@code document_id}. */
    public String documentId() {
        return getString("document_id");
    }

    /** {@code document_id}. */
    public String id() {
        return getString("document_id");
    }

    /** {@code title}. */
    public String title() {
        return getString("title");
    }

    /** {@code filename}. */
    public String filename() {
        return getString("filename");
    }

    /** {@code content_type}. */
    public String contentType() {
        return getString("content_type");
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
}
