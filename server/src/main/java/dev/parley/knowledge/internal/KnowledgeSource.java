package dev.parley.knowledge.internal;

import dev.parley.knowledge.SearchQuery;
import dev.parley.platform.ApiException;
import dev.parley.platform.Digests;
import dev.parley.platform.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One piece of a store's knowledge: an article, a training entry, a crawled page or an imported document. */
record KnowledgeSource(
        String id,
        String workspaceId,
        Mode mode,
        String kind,
        String origin,
        String title,
        String content,
        String contentFormat,
        String category,
        List<String> tags,
        Map<String, Object> metadata,
        String status,
        String domain,
        String url,
        int chunkCount,
        Instant createdAt,
        Instant updatedAt) {

    static final Set<String> FORMATS = Set.of("markdown", "html", "text");
    static final Set<String> STATUSES = Set.of("draft", "published");
    static final int MAX_CONTENT = 500_000;

    KnowledgeSource {
        if (title == null || title.isBlank()) {
            throw ApiException.missingField("title");
        }
        title = title.strip();
        if (title.length() > 500) {
            throw ApiException.invalidField("title", "too_long");
        }
        if (content == null) {
            throw ApiException.missingField("content");
        }
        if (content.length() > MAX_CONTENT) {
            throw ApiException.invalidField("content", "too_long");
        }
        if (!SearchQuery.KINDS.contains(kind)) {
            throw ApiException.invalidField("type", "invalid_value");
        }
        if (!FORMATS.contains(contentFormat)) {
            throw ApiException.invalidField("content_format", "invalid_value");
        }
        if (!STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "invalid_value");
        }
        if (category != null && category.length() > 200) {
            throw ApiException.invalidField("category", "too_long");
        }
        tags = tags == null
                ? List.of()
                : tags.stream()
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList();
        if (tags.size() > 50 || tags.stream().anyMatch(t -> t.length() > 100)) {
            throw ApiException.invalidField("tags", "too_long");
        }
        metadata = metadata == null ? Map.of() : metadata;
    }

    boolean published() {
        return status.equals("published");
    }

    /** What decides the chunks and embeddings: when it is unchanged, they are reused. */
    String contentHash() {
        byte[] separator = {0};
        List<byte[]> parts = new java.util.ArrayList<>();
        for (String part : new String[] {kind, contentFormat, title, content}) {
            parts.add(part.getBytes(StandardCharsets.UTF_8));
            parts.add(separator);
        }
        return Digests.sha256Hex(parts.toArray(byte[][]::new));
    }
}
