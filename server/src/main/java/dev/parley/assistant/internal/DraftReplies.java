package dev.parley.assistant.internal;

import dev.parley.assistant.Citation;
import dev.parley.assistant.Copilot;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.TurnRequest;
import dev.parley.knowledge.KnowledgeSearch;
import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.SearchQuery;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Drafts from what the engine's offline answers rest on: the best knowledge passage for the customer's last message,
 * and the status of the order the conversation is about when its policy lets the customer see it. Only read-only
 * tools run here (order_status); nothing is recorded, so a draft leaves the conversation as it was.
 */
@Service
class DraftReplies implements Copilot {

    /** The one store tool a draft may call: it reads the order and changes nothing. */
    static final String ORDER_STATUS = "order_status";

    private final KnowledgeSearch knowledge;
    private final ToolGate gate;
    private final Workspaces workspaces;
    private final Understanding understanding;

    DraftReplies(KnowledgeSearch knowledge, ToolGate gate, Workspaces workspaces, Understanding understanding) {
        this.knowledge = knowledge;
        this.gate = gate;
        this.workspaces = workspaces;
        this.understanding = understanding;
    }

    @Override
    public Draft draft(TurnRequest request) {
        StoreSettings settings = workspaces.settings(request.workspaceId());
        String message = request.message() == null ? "" : request.message().strip();
        List<String> parts = new ArrayList<>();
        List<Citation> sources = new ArrayList<>();

        String order = request.memory().orderNumber();
        if (order != null && gate.available(ORDER_STATUS, request.workspaceId(), request.mode())) {
            ToolGate.Call call = gate.call(
                    ORDER_STATUS,
                    new ToolInvocation(
                            request.workspaceId(),
                            request.mode(),
                            request.conversationId(),
                            message,
                            ToolArguments.of(Map.of("order_number", order)),
                            request.memory().toFacts()));
            if (call.outcome() instanceof ToolOutcome.Done done && done.answer() != null) {
                parts.add(done.answer());
                sources.add(new Citation("order_" + order, null, "Order #" + order, null, 1.0));
            }
        }
        if (!message.isEmpty()) {
            List<SearchHit> hits = knowledge.search(request.workspaceId(), request.mode(), SearchQuery.of(message, 3));
            if (!hits.isEmpty() && hits.getFirst().similarity() >= TurnEngine.WEAK_MATCH) {
                SearchHit best = hits.getFirst();
                parts.add(OfflineAnswers.relevantSentences(message, best.text(), understanding::nearness));
                sources.add(new Citation(best.sourceId(), best.chunkId(), best.title(), best.url(), best.score()));
            }
        }
        if (parts.isEmpty()) {
            parts.add("Thank you for your message. I'm looking into this for you and will get back to you shortly.");
        }
        String name = OfflineAnswers.address(settings.brandVoice(), request.customerName());
        String reply =
                "Hi" + name + ",\n\n" + String.join("\n\n", parts) + "\n\nIs there anything else I can help you with?";
        return new Draft(reply, sources);
    }
}
