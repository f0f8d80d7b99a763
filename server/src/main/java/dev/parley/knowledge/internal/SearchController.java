package dev.parley.knowledge.internal;

import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.SearchQuery;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/knowledge-base/search}: what the assistant sees for a query, ranked, with scores and sources. */
@RestController
class SearchController {

    private final KnowledgeSources sources;

    SearchController(KnowledgeSources sources) {
        this.sources = sources;
    }

    record Filters(String category, Set<String> tags, Set<String> types) {}

    record SearchRequest(String query, Integer topK, Filters filters) {}

    record Result(
            String chunkId,
            String sourceId,
            String type,
            String title,
            String heading,
            String text,
            String url,
            double score,
            double similarity) {

        static Result of(SearchHit hit) {
            return new Result(
                    hit.chunkId(),
                    hit.sourceId(),
                    hit.kind(),
                    hit.title(),
                    hit.heading(),
                    hit.text(),
                    hit.url(),
                    round(hit.score()),
                    round(hit.similarity()));
        }

        private static double round(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }

    record SearchResponse(String query, List<Result> results, double tookMs) {}

    @PostMapping("/v1/knowledge-base/search")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    SearchResponse search(Caller caller, @RequestBody SearchRequest request) {
        long started = System.nanoTime();
        Filters filters = request.filters() == null ? new Filters(null, null, null) : request.filters();
        if (filters.types() != null && !SearchQuery.KINDS.containsAll(filters.types())) {
            throw ApiException.invalidField("filters.types", "invalid_value");
        }
        SearchQuery query = new SearchQuery(
                request.query(),
                request.topK() == null ? 5 : request.topK(),
                filters.types(),
                filters.category(),
                filters.tags());
        List<Result> results = sources.search(caller.workspaceId(), caller.mode(), query).stream()
                .map(Result::of)
                .toList();
        return new SearchResponse(query.query(), results, Math.round((System.nanoTime() - started) / 10_000.0) / 100.0);
    }
}
