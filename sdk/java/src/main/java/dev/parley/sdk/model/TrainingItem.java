package dev.parley.sdk.model;

import java.util.Map;

/** A training item (FAQ, product, policy, guide, custom). Any other field: {@link #get(String)}. */
public class TrainingItem extends JsonObject {
    public TrainingItem(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code type}. */
    public String type() {
        return getString("type");
    }

    /** {@code domain}. */
    public String domain() {
        return getString("domain");
    }

    /** {@code title}. */
    public String title() {
        return getString("title");
    }

    /** {@code content}. */
    public String content() {
        return getString("content");
    }

    /** {@code metadata}. */
    public JsonObject metadata() {
        return getObject("metadata");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code indexed}. */
    public boolean indexed() {
        return is("indexed");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
