package dev.parley.files;

import dev.parley.platform.Caller;
import dev.parley.platform.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** Files attached to conversations, as other modules (a customer's data export) read them. */
public interface Attachments {

    List<Attachment> of(String workspaceId, Mode mode, List<String> conversationIds);

    InputStream open(String workspaceId, Mode mode, String fileId) throws IOException;

    /**
     * A file the team is about to send in a conversation, checked as an upload by URL is (a name, at most the largest
     * size, bytes that sniff as the declared type) and stored, not yet attached: {@link #attach} attaches it once the
     * message carrying it is sent. One never attached is deleted with other unattached uploads.
     *
     * @throws dev.parley.platform.ApiException {@code payload_too_large}, {@code unsupported_media_type}, or
     *     {@code not_found} for a conversation the caller cannot reach
     */
    Upload upload(Caller caller, String conversationId, String filename, String contentType, InputStream content);

    /** Attaches an {@link #upload} to its conversation. */
    void attach(Caller caller, Upload upload);

    /**
     * @param url a signed download link for the message that carries the file, valid for the files' message link
     *     lifetime ({@code parley.files.message-link-ttl})
     */
    record Upload(String id, String conversationId, String filename, String contentType, long sizeBytes, String url) {}

    record Attachment(
            String id,
            String conversationId,
            String filename,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant uploadedAt) {}
}
