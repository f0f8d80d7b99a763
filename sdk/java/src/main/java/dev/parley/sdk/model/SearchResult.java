package dev.parley.sdk.model;

import java.util.Map;

/** One passage a search found. Any other field: {@link #get(String)}. */
public class SearchResult extends JsonObject {
    public SearchResult(Map<String, ?> values) {
        super(values);
    }

    /** {@code chunk_id}. */
    public String chunkId() {
        return getString("chunk_id");
    }

    /** {@code source_id}. */
    public String sourceId() {
        return getString("source_id");
    }

    /** {@code type}. */
    public String type() {
        return getString("type");
    }

    /** {@code title}. */
    public String title() {
        return getString("title");
    }

    /** {@code heading}. */
    public String heading() {
        return getString("heading");
    }

    /** {@code text}. */
    public String text() {
        return getString("text");
    }

    /** {@code url}. */
    public String url() {
        return getString("url");
    }

    /** {@code score}. */
    public Double score() {
        return getDouble("score");
    }

    /** {@code similarity}. */
    public Double similarity() {
        return getDouble("similarity");
    }
}
