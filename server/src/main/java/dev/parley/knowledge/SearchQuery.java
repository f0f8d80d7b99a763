package dev.parley.knowledge;

import dev.parley.platform.ApiException;
import java.util.List;
import java.util.Set;

/**
 * A search of one workspace's knowledge.
 *
 * @param kinds only these kinds of source (article, faq, product, policy, guide, custom, page, document); empty for all
 * @param category only sources of this category, or {@code null}
 * @param tags only sources carrying at least one of these tags; empty for all
 */
public record SearchQuery(String query, int topK, Set<String> kinds, String category, Set<String> tags) {

    public static final int MAX_TOP_K = 50;

    public SearchQuery {
        if (query == null || query.isBlank()) {
            throw ApiException.missingField("query");
        }
        if (query.length() > 2000) {
            throw ApiException.invalidField("query", "too_long");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw ApiException.invalidField("top_k", "out_of_range");
        }
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static SearchQuery of(String query, int topK) {
        return new SearchQuery(query, topK, Set.of(), null, Set.of());
    }

    /** The kinds a source can be. */
    public static final List<String> KINDS =
            List.of("article", "faq", "product", "policy", "guide", "custom", "page", "document");
}
