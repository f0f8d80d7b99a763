package dev.parley.files.internal;

import dev.parley.conversation.ConversationLookup;
import dev.parley.files.Attachments;
import dev.parley.files.FileStorage;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.Digests;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.SignedLinks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Uploads by signed URL: a URL is issued for a declared name, type and size; one upload may use it before it expires;
 * the bytes must be no more than declared and sniff as the declared family; then the file may be attached to a
 * conversation of the same workspace, and is served only through signed, expiring links.
 */
@Service
class FileService implements Attachments {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);
    static final String UPLOAD = "files.upload";
    static final String DOWNLOAD = "files.download";
    private static final int MAX_FILENAME = 255;

    private final FileRecords records;
    private final FileStorage storage;
    private final SignedLinks links;
    private final ConversationLookup conversations;
    private final FilesProperties properties;
    private final Clock clock;

    FileService(
            FileRecords records,
            FileStorage storage,
            SignedLinks links,
            ConversationLookup conversations,
            FilesProperties properties,
            Clock clock) {
        this.records = records;
        this.storage = storage;
        this.links = links;
        this.conversations = conversations;
        this.properties = properties;
        this.clock = clock;
    }

    record UploadUrl(String uploadUrl, String fileId, Instant expiresAt, String method, long maxSizeBytes) {}

    UploadUrl uploadUrl(Caller caller, String filename, String contentType, Long sizeBytes) {
        String name = filename(filename);
        if (contentType == null || contentType.isBlank()) {
            throw ApiException.missingField("content_type");
        }
        if (FileTypes.family(contentType).isEmpty()) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "error.unsupported_media_type.file",
                    Map.of("field", "content_type", "content_type", contentType),
                    contentType);
        }
        if (sizeBytes == null) {
            throw ApiException.missingField("size_bytes");
        }
        if (sizeBytes < 1) {
            throw ApiException.invalidField("size_bytes", "out_of_range");
        }
        long max = properties.maxFileSize().toBytes();
        if (sizeBytes > max) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "error.payload_too_large.file",
                    Map.of("field", "size_bytes", "max_bytes", max),
                    max);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(properties.uploadUrlTtl());
        String id = Ids.next("file");
        records.insert(new StoredFile(
                id,
                caller.workspaceId(),
                caller.mode(),
                name,
                contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT),
                sizeBytes,
                null,
                null,
                null,
                FileStatus.PENDING,
                null,
                null,
                expires,
                now,
                null,
                null));
        return new UploadUrl(
                links.create(UPLOAD, FilesConfiguration.UPLOADS + id, expires), id, expires, "PUT", sizeBytes);
    }

    record Uploaded(String fileId, String status, String contentType, long sizeBytes) {}

    /** The signed upload: checked, read up to one byte past the declared size, sniffed, stored. */
    Uploaded upload(String id, String expires, String signature, long contentLength, InputStream body) {
        links.check(UPLOAD, FilesConfiguration.UPLOADS + id, expires, signature);
        StoredFile file = records.findSigned(id).orElseThrow(() -> ApiException.notFound("file", id));
        return store(file, contentLength, body);
    }

    private Uploaded store(StoredFile file, long contentLength, InputStream body) {
        String id = file.id();
        if (!records.claimUpload(id)) {
            throw new ApiException(ErrorCode.CONFLICT, "error.conflict.upload_used", Map.of("file_id", id));
        }
        boolean stored = false;
        try {
            long declared = file.declaredBytes();
            if (contentLength > declared) {
                throw tooLarge(declared);
            }
            byte[] bytes;
            try {
                bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, declared + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (bytes.length > declared) {
                throw tooLarge(declared);
            }
            if (bytes.length == 0) {
                throw new ApiException(
                        ErrorCode.INVALID_REQUEST, "error.invalid_request.body_required", Map.of("reason", "empty"));
            }
            String sniffed = FileTypes.sniff(bytes);
            String family = FileTypes.family(file.declaredType()).orElseThrow();
            if (!FileTypes.family(sniffed).map(family::equals).orElse(false)) {
                throw new ApiException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "error.unsupported_media_type.file_content",
                        Map.of("declared", file.declaredType(), "detected", sniffed),
                        sniffed,
                        file.declaredType());
            }
            String key = "files/" + file.workspaceId() + "/" + id;
            try {
                storage.put(key, new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("Storing file " + id + " failed", e);
            }
            records.uploaded(id, sniffed, bytes.length, Digests.sha256Hex(bytes), key, clock.instant());
            stored = true;
            return new Uploaded(id, FileStatus.UPLOADED.wire(), sniffed, bytes.length);
        } finally {
            if (!stored) {
                records.rejected(id);
            }
        }
    }

    @Override
    public Upload upload(
            Caller caller, String conversationId, String filename, String contentType, InputStream content) {
        if (!conversations.reachable(caller, conversationId)) {
            throw ApiException.notFound("conversation", conversationId);
        }
        // Declared as the largest size: the bytes are read up to one past it, as a signed upload's are.
        long max = properties.maxFileSize().toBytes();
        UploadUrl url = uploadUrl(
                caller,
                filename,
                contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType,
                max);
        StoredFile file =
                records.find(caller.workspaceId(), caller.mode(), url.fileId()).orElseThrow();
        Uploaded uploaded = store(file, -1, content);
        Instant expires = clock.instant().plus(properties.messageLinkTtl());
        return new Upload(
                uploaded.fileId(),
                conversationId,
                file.filename(),
                uploaded.contentType(),
                uploaded.sizeBytes(),
                links.create(DOWNLOAD, FilesConfiguration.CONTENT + uploaded.fileId(), expires));
    }

    @Override
    public void attach(Caller caller, Upload upload) {
        confirm(caller, upload.id(), upload.conversationId());
    }

    private static ApiException tooLarge(long declared) {
        return new ApiException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "error.payload_too_large.declared",
                Map.of("declared_bytes", declared),
                declared);
    }

    record Confirmed(
            String id,
            String url,
            String filename,
            long sizeBytes,
            String contentType,
            String conversationId,
            String chatId,
            Instant urlExpiresAt) {}

    Confirmed confirm(Caller caller, String fileId, String conversationId) {
        if (fileId == null || fileId.isBlank()) {
            throw ApiException.missingField("file_id");
        }
        if (conversationId == null || conversationId.isBlank()) {
            throw ApiException.missingField("chat_id");
        }
        StoredFile file = records.find(caller.workspaceId(), caller.mode(), fileId)
                .orElseThrow(() -> ApiException.notFound("file", fileId));
        if (!conversations.reachable(caller, conversationId)) {
            throw ApiException.notFound("conversation", conversationId);
        }
        if (file.status() == FileStatus.ATTACHED) {
            if (!file.conversationId().equals(conversationId)) {
                throw new ApiException(
                        ErrorCode.CONFLICT, "error.conflict.file_attached", Map.of("file_id", fileId), fileId);
            }
            return confirmed(file);
        }
        if (file.status() != FileStatus.UPLOADED
                || !records.attach(caller.workspaceId(), caller.mode(), fileId, conversationId, clock.instant())) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "error.conflict.file_not_uploaded",
                    Map.of("file_id", fileId, "status", file.status().wire()),
                    fileId);
        }
        return confirmed(
                records.find(caller.workspaceId(), caller.mode(), fileId).orElseThrow());
    }

    /** An attached file with a fresh download link; other states answer 404, as they cannot be served. */
    Confirmed get(Caller caller, String fileId) {
        StoredFile file = records.find(caller.workspaceId(), caller.mode(), fileId)
                .filter(f -> f.status() == FileStatus.ATTACHED)
                .orElseThrow(() -> ApiException.notFound("file", fileId));
        return confirmed(file);
    }

    private Confirmed confirmed(StoredFile file) {
        Instant expires = clock.instant().plus(properties.downloadUrlTtl());
        return new Confirmed(
                file.id(),
                links.create(DOWNLOAD, FilesConfiguration.CONTENT + file.id(), expires),
                file.filename(),
                file.sizeBytes(),
                file.contentType(),
                file.conversationId(),
                file.conversationId(),
                expires);
    }

    record Download(StoredFile file, InputStream content) {}

    Download download(String id, String expires, String signature) {
        links.check(DOWNLOAD, FilesConfiguration.CONTENT + id, expires, signature);
        StoredFile file = records.findSigned(id)
                .filter(f -> f.status() == FileStatus.ATTACHED)
                .orElseThrow(() -> ApiException.notFound("file", id));
        try {
            return new Download(file, storage.open(file.storageKey()));
        } catch (IOException e) {
            throw ApiException.notFound("file", id);
        }
    }

    @Override
    public List<Attachment> of(String workspaceId, Mode mode, List<String> conversationIds) {
        return records.ofConversations(workspaceId, mode, conversationIds).stream()
                .filter(f -> f.status() == FileStatus.ATTACHED)
                .map(f -> new Attachment(
                        f.id(),
                        f.conversationId(),
                        f.filename(),
                        f.contentType(),
                        f.sizeBytes(),
                        f.sha256(),
                        f.uploadedAt()))
                .toList();
    }

    @Override
    public InputStream open(String workspaceId, Mode mode, String fileId) throws IOException {
        StoredFile file = records.find(workspaceId, mode, fileId)
                .filter(f -> f.storageKey() != null)
                .orElseThrow(() -> new java.io.FileNotFoundException(fileId));
        return storage.open(file.storageKey());
    }

    /**
     * The files of erased conversations go: their rows in the erasing transaction, their bytes once it commits (a
     * rolled-back erasure keeps both).
     */
    @EventListener
    void on(CustomerErased erased) {
        List<StoredFile> files = records.ofConversations(erased.workspaceId(), erased.mode(), erased.conversationIds());
        for (StoredFile file : files) {
            records.delete(file.id());
        }
        erased.tally().add("files.files", files.size());
        List<String> keys = files.stream()
                .map(StoredFile::storageKey)
                .filter(java.util.Objects::nonNull)
                .toList();
        storage.deleteAfterCommit(keys);
    }

    /** Unused upload URLs past their expiry and uploads never attached: their rows and bytes go. */
    int sweep() {
        Instant now = clock.instant();
        List<StoredFile> stale = records.stale(now, now.minus(properties.unattachedTtl()), 500);
        for (StoredFile file : stale) {
            if (file.storageKey() != null) {
                storage.deleteQuietly(List.of(file.storageKey()));
            }
            records.delete(file.id());
        }
        return stale.size();
    }

    /** The last segment of the name as sent, without control characters; at most 255 characters. */
    static String filename(String filename) {
        if (filename == null || filename.isBlank()) {
            throw ApiException.missingField("filename");
        }
        String base = filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            throw ApiException.invalidField("filename", "invalid_value");
        }
        if (base.length() > MAX_FILENAME) {
            throw ApiException.invalidField("filename", "too_long");
        }
        return base;
    }
}
