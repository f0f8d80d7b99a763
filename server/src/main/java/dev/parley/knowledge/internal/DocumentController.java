package dev.parley.knowledge.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents a store imports into its knowledge base (PDF, DOCX, HTML, Markdown, plain text): sent as the {@code file}
 * part of a form, or as the raw body with the document's own {@code Content-Type}. They are stored as sources of kind
 * {@code document} and origin {@code import}, chunked and indexed like articles; a failed import stores nothing.
 */
@RestController
class DocumentController {

    static final String PATH = "/v1/knowledge-base/documents";

    private final KnowledgeSources sources;
    private final DocumentReader reader;

    DocumentController(KnowledgeSources sources, DocumentReader reader) {
        this.sources = sources;
        this.reader = reader;
    }

    record DocumentResponse(
            String documentId,
            String title,
            String filename,
            String contentType,
            String category,
            List<String> tags,
            String status,
            boolean indexed,
            int chunkCount,
            Instant createdAt,
            Instant updatedAt) {

        static DocumentResponse of(KnowledgeSource s, boolean indexed) {
            return new DocumentResponse(
                    s.id(),
                    s.title(),
                    (String) s.metadata().get("filename"),
                    (String) s.metadata().get("content_type"),
                    s.category(),
                    s.tags(),
                    s.status(),
                    indexed,
                    s.chunkCount(),
                    s.createdAt(),
                    s.updatedAt());
        }
    }

    /** An uploaded document and what the caller said about it. */
    record Upload(
            byte[] bytes,
            String filename,
            String declaredType,
            String title,
            String category,
            String tags,
            String status) {}

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    ResponseEntity<DocumentResponse> upload(
            Caller caller,
            @RequestPart(name = "file", required = false) Part file,
            @RequestPart(name = "title", required = false) Part title,
            @RequestPart(name = "category", required = false) Part category,
            @RequestPart(name = "tags", required = false) Part tags,
            @RequestPart(name = "status", required = false) Part status)
            throws IOException {
        if (file == null) {
            throw ApiException.missingField("file");
        }
        return importDocument(
                caller,
                new Upload(
                        file.getInputStream().readAllBytes(),
                        file.getSubmittedFileName(),
                        file.getContentType(),
                        text(title),
                        text(category),
                        text(tags),
                        text(status)));
    }

    @PostMapping(PATH)
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    ResponseEntity<DocumentResponse> importBody(
            Caller caller,
            InputStream body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(required = false) String filename,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String status)
            throws IOException {
        return importDocument(
                caller, new Upload(body.readAllBytes(), filename, contentType, title, category, tags, status));
    }

    @GetMapping(PATH)
    @RequiresScope(Scope.KNOWLEDGE_READ)
    Page<DocumentResponse> list(
            Caller caller,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        KnowledgeRows.Filter filter = new KnowledgeRows.Filter(List.of("import"), "document", category, tag, status, q);
        return sources.list(caller, filter, PageQuery.of(page, perPage))
                .map(s -> DocumentResponse.of(s, sources.indexed(s)));
    }

    @GetMapping(PATH + "/{document_id}")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    DocumentResponse get(Caller caller, @PathVariable("document_id") String id) {
        KnowledgeSource source = document(caller, id);
        return DocumentResponse.of(source, sources.indexed(source));
    }

    record Deleted(String documentId, boolean deleted) {}

    @DeleteMapping(PATH + "/{document_id}")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    Deleted delete(Caller caller, @PathVariable("document_id") String id) {
        document(caller, id);
        sources.delete(caller.workspaceId(), caller.mode(), id);
        return new Deleted(id, true);
    }

    private ResponseEntity<DocumentResponse> importDocument(Caller caller, Upload upload) {
        KnowledgeSources.Saved saved = imported(caller, upload);
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentResponse.of(saved.source(), saved.indexed()));
    }

    /** Reads and stores an upload; the console's imports come here too. */
    KnowledgeSources.Saved imported(Caller caller, Upload upload) {
        if (upload.bytes().length == 0) {
            throw ApiException.missingField("file");
        }
        DocumentReader.Read read =
                reader.read(upload.bytes(), upload.filename(), upload.declaredType(), upload.title());
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (upload.filename() != null) {
            metadata.put("filename", upload.filename());
        }
        metadata.put("content_type", read.mediaType());
        metadata.put("size_bytes", upload.bytes().length);
        KnowledgeSources.Draft draft = new KnowledgeSources.Draft(
                "document",
                read.title(),
                read.content(),
                read.contentFormat(),
                upload.category(),
                tags(upload.tags()),
                metadata,
                upload.status(),
                null,
                null);
        return sources.create(caller.workspaceId(), caller.mode(), "import", draft);
    }

    private KnowledgeSource document(Caller caller, String id) {
        KnowledgeSource source = sources.get(caller.workspaceId(), caller.mode(), id);
        if (!source.kind().equals("document") || !source.origin().equals("import")) {
            throw ApiException.notFound("document", id);
        }
        return source;
    }

    private static List<String> tags(String commaSeparated) {
        return commaSeparated == null
                ? List.of()
                : Arrays.stream(commaSeparated.split(",")).toList();
    }

    private static String text(Part part) throws IOException {
        if (part == null) {
            return null;
        }
        String value = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return value.isBlank() ? null : value.strip();
    }
}
