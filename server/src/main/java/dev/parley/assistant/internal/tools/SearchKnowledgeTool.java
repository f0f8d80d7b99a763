package dev.parley.assistant.internal.tools;

import dev.parley.assistant.AssistantTool;
import dev.parley.assistant.Citation;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolName;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import dev.parley.knowledge.KnowledgeSearch;
import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.SearchQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Searches the workspace's own knowledge, never another's; the passages found are what answers may rest on. */
@Component
class SearchKnowledgeTool implements AssistantTool {

    private final KnowledgeSearch knowledge;

    SearchKnowledgeTool(KnowledgeSearch knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String name() {
        return ToolName.SEARCH_KNOWLEDGE.wire();
    }

    @Override
    public String description() {
        return "Search the store's help articles, policies, FAQs and product information.";
    }

    @Override
    public ToolSchema parameters() {
        return new ToolSchema(
                Map.of(
                        "query", ToolSchema.Property.string("What to look for, in the customer's words"),
                        "top_k", ToolSchema.Property.number("How many passages, 1 to 10", 1.0, 10.0)),
                List.of("query"));
    }

    @Override
    public boolean needsCustomerYes() {
        return false;
    }

    @Override
    public ToolOutcome execute(ToolInvocation invocation) {
        String query = invocation.arguments().textOrNull("query");
        int topK = invocation.arguments().integer("top_k", 5);
        List<SearchHit> hits =
                knowledge.search(invocation.workspaceId(), invocation.mode(), SearchQuery.of(query, topK));
        List<Map<String, Object>> passages = hits.stream()
                .map(hit -> {
                    Map<String, Object> passage = new LinkedHashMap<>();
                    passage.put("source_id", hit.sourceId());
                    passage.put("chunk_id", hit.chunkId());
                    passage.put("title", hit.title());
                    passage.put("heading", hit.heading() == null ? "" : hit.heading());
                    passage.put("text", hit.text());
                    passage.put("url", hit.url() == null ? "" : hit.url());
                    passage.put("score", hit.score());
                    passage.put("similarity", hit.similarity());
                    return passage;
                })
                .toList();
        List<Citation> sources = hits.stream()
                .map(h -> new Citation(h.sourceId(), h.chunkId(), h.title(), h.url(), h.score()))
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("query", query);
        details.put("results", hits.size());
        details.put("passages", passages);
        return new ToolOutcome.Done("knowledge_searched", null, details, sources, Map.of());
    }
}
