package dev.parley.knowledge.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knowledge-base articles, seed 002's {@code POST /knowledge-base} ("add or update": an {@code article_id} in the
 * body updates that article) and the rest of the REST set. {@code indexed} is true only once the article is
 * searchable.
 */
@RestController
class ArticleController {

    private final KnowledgeSources sources;

    ArticleController(KnowledgeSources sources) {
        this.sources = sources;
    }

    record ArticleRequest(
            String articleId,
            String title,
            String content,
            String contentFormat,
            String category,
            List<String> tags,
            Map<String, Object> metadata,
            String status) {

        KnowledgeSources.Draft draft() {
            return new KnowledgeSources.Draft(
                    "article", title, content, contentFormat, category, tags, metadata, status, null, null);
        }
    }

    record ArticleResponse(
            String articleId,
            String title,
            String content,
            String contentFormat,
            String category,
            List<String> tags,
            Map<String, Object> metadata,
            String status,
            boolean indexed,
            int chunkCount,
            Instant createdAt,
            Instant updatedAt) {

        static ArticleResponse of(KnowledgeSource s, boolean indexed) {
            return new ArticleResponse(
                    s.id(),
                    s.title(),
                    s.content(),
                    s.contentFormat(),
                    s.category(),
                    s.tags(),
                    s.metadata(),
                    s.status(),
                    indexed,
                    s.chunkCount(),
                    s.createdAt(),
                    s.updatedAt());
        }
    }

    @PostMapping("/v1/knowledge-base")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    ResponseEntity<ArticleResponse> createOrUpdate(Caller caller, @RequestBody ArticleRequest request) {
        if (request.articleId() != null) {
            KnowledgeSources.Saved saved =
                    sources.update(caller.workspaceId(), caller.mode(), request.articleId(), request.draft());
            return ResponseEntity.ok(ArticleResponse.of(saved.source(), saved.indexed()));
        }
        KnowledgeSources.Saved saved = sources.create(caller.workspaceId(), caller.mode(), "api", request.draft());
        return ResponseEntity.status(HttpStatus.CREATED).body(ArticleResponse.of(saved.source(), saved.indexed()));
    }

    @GetMapping("/v1/knowledge-base")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    Page<ArticleResponse> list(
            Caller caller,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        KnowledgeRows.Filter filter = new KnowledgeRows.Filter(List.of("api"), "article", category, tag, status, q);
        return sources.list(caller, filter, PageQuery.of(page, perPage))
                .map(s -> ArticleResponse.of(s, sources.indexed(s)));
    }

    @GetMapping("/v1/knowledge-base/{article_id}")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    ArticleResponse get(Caller caller, @PathVariable("article_id") String id) {
        KnowledgeSource source = article(caller, id);
        return ArticleResponse.of(source, sources.indexed(source));
    }

    /** Changes the fields the body names. */
    @PatchMapping("/v1/knowledge-base/{article_id}")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    ArticleResponse update(Caller caller, @PathVariable("article_id") String id, @RequestBody ArticleRequest request) {
        article(caller, id);
        KnowledgeSources.Saved saved = sources.update(caller.workspaceId(), caller.mode(), id, request.draft());
        return ArticleResponse.of(saved.source(), saved.indexed());
    }

    /** Replaces the article: the body is a whole article, as for {@code POST}; what it leaves out is reset. */
    @PutMapping("/v1/knowledge-base/{article_id}")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    ArticleResponse replace(Caller caller, @PathVariable("article_id") String id, @RequestBody ArticleRequest request) {
        article(caller, id);
        KnowledgeSources.Saved saved = sources.replace(caller.workspaceId(), caller.mode(), id, request.draft());
        return ArticleResponse.of(saved.source(), saved.indexed());
    }

    record Deleted(String articleId, boolean deleted) {}

    @DeleteMapping("/v1/knowledge-base/{article_id}")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    Deleted delete(Caller caller, @PathVariable("article_id") String id) {
        article(caller, id);
        sources.delete(caller.workspaceId(), caller.mode(), id);
        return new Deleted(id, true);
    }

    private KnowledgeSource article(Caller caller, String id) {
        KnowledgeSource source = sources.get(caller.workspaceId(), caller.mode(), id);
        if (!source.kind().equals("article")) {
            throw dev.parley.platform.ApiException.notFound("article", id);
        }
        return source;
    }
}
