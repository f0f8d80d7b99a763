package dev.parley.knowledge.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's training data: faq, product, policy, guide and custom entries, one at a time or in batches. They are
 * knowledge sources like articles, with {@code metadata.category} and {@code metadata.tags} as their category and
 * tags.
 */
@RestController
class TrainingController {

    static final List<String> TYPES = List.of("faq", "product", "policy", "guide", "custom");

    private final KnowledgeSources sources;
    private final JsonMapper json;
    private final KnowledgeProperties properties;

    TrainingController(KnowledgeSources sources, JsonMapper json, KnowledgeProperties properties) {
        this.sources = sources;
        this.json = json;
        this.properties = properties;
    }

    record TrainingRequest(String type, String domain, String title, String content, Map<String, Object> metadata) {

        KnowledgeSources.Draft draft(boolean creating) {
            if (creating && type == null) {
                throw ApiException.missingField("type");
            }
            if (type != null && !TYPES.contains(type)) {
                throw ApiException.invalidField("type", "invalid_value");
            }
            if (domain != null && !domain.matches("[A-Za-z0-9.-]{1,253}")) {
                throw ApiException.invalidField("domain", "invalid_format");
            }
            Map<String, Object> rest = metadata == null ? null : new LinkedHashMap<>(metadata);
            String category = null;
            List<String> tags = null;
            if (rest != null) {
                Object c = rest.remove("category");
                if (c != null && !(c instanceof String)) {
                    throw ApiException.invalidField("metadata.category", "invalid_type");
                }
                category = (String) c;
                Object t = rest.remove("tags");
                if (t != null) {
                    if (!(t instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                        throw ApiException.invalidField("metadata.tags", "invalid_type");
                    }
                    tags = list.stream().map(String.class::cast).toList();
                }
            }
            return new KnowledgeSources.Draft(type, title, content, null, category, tags, rest, null, domain, null);
        }
    }

    record TrainingResponse(
            String id,
            String type,
            String domain,
            String title,
            String content,
            Map<String, Object> metadata,
            String status,
            boolean indexed,
            int chunkCount,
            Instant createdAt,
            Instant updatedAt) {

        static TrainingResponse of(KnowledgeSource s, boolean indexed) {
            Map<String, Object> metadata = new LinkedHashMap<>(s.metadata());
            if (s.category() != null) {
                metadata.put("category", s.category());
            }
            if (!s.tags().isEmpty()) {
                metadata.put("tags", s.tags());
            }
            return new TrainingResponse(
                    s.id(),
                    s.kind(),
                    s.domain(),
                    s.title(),
                    s.content(),
                    metadata,
                    s.status(),
                    indexed,
                    s.chunkCount(),
                    s.createdAt(),
                    s.updatedAt());
        }
    }

    record BatchResponse(int created, List<TrainingResponse> items) {}

    @PostMapping("/v1/training")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    TrainingResponse create(Caller caller, @RequestBody TrainingRequest request) {
        KnowledgeSources.Saved saved =
                sources.create(caller.workspaceId(), caller.mode(), "training", request.draft(true));
        return TrainingResponse.of(saved.source(), saved.indexed());
    }

    /** Accepts {@code [...]} or {@code {"items": [...]}}; all items are stored, or none. */
    @PostMapping("/v1/training/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    BatchResponse batch(Caller caller, @RequestBody JsonNode body) {
        JsonNode items = body.isArray() ? body : body.path("items");
        if (!items.isArray()) {
            throw ApiException.missingField("items");
        }
        if (items.isEmpty()) {
            throw ApiException.invalidField("items", "invalid_value");
        }
        if (items.size() > properties.maxBatch()) {
            throw new ApiException(
                    ErrorCode.INVALID_REQUEST,
                    "error.invalid_request.field.too_long",
                    Map.of("field", "items", "reason", "too_many_items", "max_items", properties.maxBatch()),
                    "items");
        }
        List<KnowledgeSources.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                drafts.add(json.treeToValue(items.get(i), TrainingRequest.class).draft(true));
            } catch (JacksonException e) {
                throw ApiException.invalidField("items[" + i + "]", "invalid_value");
            } catch (ApiException e) {
                throw e.forItem("items", i);
            }
        }
        List<TrainingResponse> created =
                sources.createAll(caller.workspaceId(), caller.mode(), "training", drafts).stream()
                        .map(s -> TrainingResponse.of(s.source(), s.indexed()))
                        .toList();
        return new BatchResponse(created.size(), created);
    }

    @GetMapping("/v1/training")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    Page<TrainingResponse> list(
            Caller caller,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        KnowledgeRows.Filter filter = new KnowledgeRows.Filter(List.of("training"), type, category, null, null, null);
        return sources.list(caller, filter, PageQuery.of(page, perPage))
                .map(s -> TrainingResponse.of(s, sources.indexed(s)));
    }

    @GetMapping("/v1/training/{id}")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    TrainingResponse get(Caller caller, @PathVariable String id) {
        KnowledgeSource source = training(caller, id);
        return TrainingResponse.of(source, sources.indexed(source));
    }

    @PatchMapping("/v1/training/{id}")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    TrainingResponse update(Caller caller, @PathVariable String id, @RequestBody TrainingRequest request) {
        training(caller, id);
        KnowledgeSources.Saved saved = sources.update(caller.workspaceId(), caller.mode(), id, request.draft(false));
        return TrainingResponse.of(saved.source(), saved.indexed());
    }

    record Deleted(String id, boolean deleted) {}

    @DeleteMapping("/v1/training/{id}")
    @RequiresScope(Scope.KNOWLEDGE_WRITE)
    Deleted delete(Caller caller, @PathVariable String id) {
        training(caller, id);
        sources.delete(caller.workspaceId(), caller.mode(), id);
        return new Deleted(id, true);
    }

    private KnowledgeSource training(Caller caller, String id) {
        KnowledgeSource source = sources.get(caller.workspaceId(), caller.mode(), id);
        if (!source.origin().equals("training")) {
            throw ApiException.notFound("training item", id);
        }
        return source;
    }
}
