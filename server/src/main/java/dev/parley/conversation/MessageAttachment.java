package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A file a message carries: seed 003's {@code type} ({@code image} or {@code file}) and {@code url}. A file the team
 * uploaded through the console also gives its name, content type, size and the id of its stored file; a client's
 * attachment leaves those out. The names are spelled here, since messages are written to their column and read back
 * with the same names whatever mapper does it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageAttachment(
        @JsonProperty("type") String type,
        @JsonProperty("url") String url,
        @JsonProperty("filename") String filename,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("size_bytes") Long sizeBytes,
        @JsonProperty("file_id") String fileId) {

    /** A link as a client sends it: a type and a URL. */
    public static MessageAttachment link(String type, String url) {
        return new MessageAttachment(type, url, null, null, null, null);
    }
}
