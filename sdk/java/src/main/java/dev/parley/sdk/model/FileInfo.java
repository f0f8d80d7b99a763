package dev.parley.sdk.model;

import java.util.Map;

/** An uploaded file; {@code url} is a signed download link. Any other field: {@link #get(String)}. */
public class FileInfo extends JsonObject {
    public FileInfo(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code file_id}. */
    public String fileId() {
        return getString("file_id");
    }

    /** {@code filename}. */
    public String filename() {
        return getString("filename");
    }

    /** {@code content_type}. */
    public String contentType() {
        return getString("content_type");
    }

    /** {@code size_bytes}. */
    public Long sizeBytes() {
        return getLong("size_bytes");
    }

    /** {@code url}. */
    public String url() {
        return getString("url");
    }

    /** {@code conversation_id}. */
    public String conversationId() {
        return getString("conversation_id");
    }
}
