package dev.parley.files.internal;

import dev.parley.platform.Mode;
import java.time.Instant;

/**
 * One file and where it stands.
 *
 * @param status pending (URL issued), uploading, uploaded, rejected (the upload failed a check), attached
 * @param contentType the type sniffed from the bytes, once uploaded
 */
record StoredFile(
        String id,
        String workspaceId,
        Mode mode,
        String filename,
        String declaredType,
        long declaredBytes,
        String contentType,
        Long sizeBytes,
        String sha256,
        FileStatus status,
        String storageKey,
        String conversationId,
        Instant uploadExpiresAt,
        Instant createdAt,
        Instant uploadedAt,
        Instant attachedAt) {}
