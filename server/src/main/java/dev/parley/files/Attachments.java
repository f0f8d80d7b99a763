package dev.parley.files;

import dev.parley.platform.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** Files attached to conversations, as other modules (a customer's data export) read them. */
public interface Attachments {

    List<Attachment> of(String workspaceId, Mode mode, List<String> conversationIds);

    InputStream open(String workspaceId, Mode mode, String fileId) throws IOException;

    record Attachment(
            String id,
            String conversationId,
            String filename,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant uploadedAt) {}
}
