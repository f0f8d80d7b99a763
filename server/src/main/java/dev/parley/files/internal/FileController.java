package dev.parley.files.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.platform.WidgetAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Seed 003's files: an upload URL, the signed upload itself, confirmation into a chat, signed downloads. */
@RestController
class FileController {

    private final FileService files;

    FileController(FileService files) {
        this.files = files;
    }

    record UploadUrlRequest(String filename, String contentType, Long sizeBytes) {}

    record ConfirmRequest(
            String fileId,
            String chatId,
            @JsonAlias("conversationId") String conversationId) {}

    @PostMapping("/v1/files/upload-url")
    @WidgetAccess
    FileService.UploadUrl uploadUrl(Caller caller, @RequestBody UploadUrlRequest request) {
        widgetOrWrite(caller);
        return files.uploadUrl(caller, request.filename(), request.contentType(), request.sizeBytes());
    }

    /** No key: the signature in the URL is the permission. */
    @PutMapping(FilesConfiguration.UPLOADS + "{file_id}")
    FileService.Uploaded upload(
            @PathVariable("file_id") String id,
            @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature,
            HttpServletRequest request)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            return files.upload(id, expires, signature, request.getContentLengthLong(), body);
        }
    }

    @PostMapping("/v1/files/confirm")
    @WidgetAccess
    FileService.Confirmed confirm(Caller caller, @RequestBody ConfirmRequest request) {
        widgetOrWrite(caller);
        String conversation = request.chatId() != null ? request.chatId() : request.conversationId();
        return files.confirm(caller, request.fileId(), conversation);
    }

    @GetMapping("/v1/files/{file_id}")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    FileService.Confirmed get(Caller caller, @PathVariable("file_id") String id) {
        return files.get(caller, id);
    }

    /** No key: the signature in the URL is the permission. Served as the sniffed type, never rendered as a page. */
    @GetMapping(FilesConfiguration.CONTENT + "{file_id}")
    ResponseEntity<StreamingResponseBody> download(
            @PathVariable("file_id") String id,
            @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature) {
        FileService.Download download = files.download(id, expires, signature);
        StoredFile file = download.file();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.contentType()));
        headers.setContentLength(file.sizeBytes());
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8)
                .build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl("private, max-age=300");
        StreamingResponseBody body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().headers(headers).body(body);
    }

    /** The widget's publishable key attaches files to a conversation it opened, as it sends messages to it. */
    private static void widgetOrWrite(Caller caller) {
        if (!caller.has(Scope.WIDGET)) {
            caller.require(Scope.CONVERSATIONS_WRITE);
        }
    }
}
