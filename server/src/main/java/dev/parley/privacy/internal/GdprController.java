package dev.parley.privacy.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.PublicPath;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.privacy.internal.ExportRecords.Export;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Seed 000's GDPR endpoints: {@code POST /api/gdpr/export} with its status and signed download, {@code DELETE
 * /api/gdpr/delete}, and the audit of erasures. camelCase request fields are accepted as seed 000 writes them.
 */
@RestController
@RequiresScope(Scope.PRIVACY_WRITE)
class GdprController {

    private final Erasures erasures;
    private final ExportRequests requests;
    private final Exports exports;
    private final ErasureLog log;

    GdprController(Erasures erasures, ExportRequests requests, Exports exports, ErasureLog log) {
        this.erasures = erasures;
        this.requests = requests;
        this.exports = exports;
        this.log = log;
    }

    record ExportRequest(
            @JsonAlias("userId") String userId,
            String email,
            @JsonAlias("includeConversations") Boolean includeConversations,
            @JsonAlias("includeAnalytics") Boolean includeAnalytics) {}

    /**
     * Seed 000's shape ({@code request_id}, {@code status}, {@code download_url}, {@code expires_at}) plus progress.
     *
     * @param status processing, completed, failed or expired
     */
    record ExportView(
            String requestId,
            String status,
            int progress,
            String downloadUrl,
            Instant expiresAt,
            boolean includeConversations,
            boolean includeAnalytics,
            Long archiveBytes,
            String error,
            Instant createdAt,
            Instant completedAt) {}

    record DeleteRequest(
            @JsonAlias("userId") String userId,
            String email,

            @Schema(pattern = REASON_PATTERN, description = REASON_DESCRIPTION)
            String reason) {}

    /** JSON Schema patterns match anywhere in the value; the API wants the whole of it to match. */
    static final String REASON_PATTERN = "^" + Erasures.REASON_FORMAT + "$";

    static final String REASON_DESCRIPTION = "Why the customer is erased, kept in the audit log: 1 to 64 lower-case "
            + "letters, digits or underscores, e.g. user_request (the default). Anything else is a 400 "
            + "invalid_request naming the expected format in details.expected.";

    record AuditEntry(
            String erasureId,
            String trigger,
            String reason,
            Map<String, Long> erased,
            String requestedBy,
            Instant erasedAt) {}

    @PostMapping("/v1/gdpr/export")
    ResponseEntity<ExportView> export(Caller caller, @RequestBody ExportRequest request) {
        ExportRequests.Requested requested = requests.request(
                caller, request.email(), request.userId(), request.includeConversations(), request.includeAnalytics());
        return ResponseEntity.status(requested.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(view(requested.export()));
    }

    @GetMapping("/v1/gdpr/export/{request_id}")
    ExportView exportStatus(Caller caller, @PathVariable("request_id") String id) {
        return view(exports.get(caller, id));
    }

    @DeleteMapping("/v1/gdpr/delete")
    Erasures.Result delete(
            Caller caller,
            @RequestBody(required = false) DeleteRequest body,
            @RequestParam(required = false) String email,
            @RequestParam(name = "user_id", required = false) String userId,
            @Parameter(description = REASON_DESCRIPTION, schema = @Schema(pattern = REASON_PATTERN))
                    @RequestParam(required = false)
                    String reason) {
        DeleteRequest request = body != null ? body : new DeleteRequest(userId, email, reason);
        return erasures.erase(caller, request.email(), request.userId(), request.reason());
    }

    @GetMapping("/v1/gdpr/erasures")
    Page<AuditEntry> erasures(
            Caller caller,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        PageQuery query = PageQuery.of(page, perPage);
        return Page.of(
                        log.page(caller.workspaceId(), caller.mode(), query),
                        query,
                        log.count(caller.workspaceId(), caller.mode()))
                .map(e -> new AuditEntry(e.id(), e.trigger(), e.reason(), e.counts(), e.requestedBy(), e.createdAt()));
    }

    private ExportView view(Export e) {
        return new ExportView(
                e.id(),
                e.status().wire(),
                e.progress(),
                exports.downloadUrl(e),
                e.expiresAt(),
                e.includeConversations(),
                e.includeAnalytics(),
                e.archiveBytes(),
                e.error(),
                e.createdAt(),
                e.completedAt());
    }
}

/** The archive download: no key, the signature in the link is the permission. */
@RestController
class ExportDownloadController {

    private final Exports exports;

    ExportDownloadController(Exports exports) {
        this.exports = exports;
    }

    @GetMapping(Exports.DOWNLOADS + "{request_id}")
    ResponseEntity<StreamingResponseBody> download(
            @PathVariable("request_id") String id,
            @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature) {
        Exports.Archive archive = exports.download(id, expires, signature);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        if (archive.export().archiveBytes() != null) {
            headers.setContentLength(archive.export().archiveBytes());
        }
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("parley-export-" + id + ".zip")
                .build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("private, no-store");
        StreamingResponseBody body = out -> {
            try (InputStream in = archive.content()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().headers(headers).body(body);
    }
}

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PublicPath exportDownloads() {
        return new PublicPath(Exports.DOWNLOADS);
    }
}
