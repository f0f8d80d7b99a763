package dev.parley.sdk.model;

import java.util.Map;

/** {@code files.createUploadUrl}: where to PUT the bytes. Any other field: {@link #get(String)}. */
public class UploadUrl extends JsonObject {
    public UploadUrl(Map<String, ?> values) {
        super(values);
    }

    /** {@code file_id}. */
    public String fileId() {
        return getString("file_id");
    }

    /** {@code upload_url}. */
    public String uploadUrl() {
        return getString("upload_url");
    }

    /** {@code expires_at}. */
    public String expiresAt() {
        return getString("expires_at");
    }
}
