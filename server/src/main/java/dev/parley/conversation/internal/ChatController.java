package dev.parley.conversation.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.parley.assistant.ActionTaken;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 000's one-call chat ({@code POST /api/chat}): a message, optionally in an existing conversation, answered with
 * the passages the search found and what produced the answer. camelCase request fields are accepted as seed 000
 * writes them.
 */
@RestController
class ChatController {

    private final Conversations conversations;
    private final MessageSource messages;

    ChatController(Conversations conversations, MessageSource messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    record Context(
            @JsonAlias("pageUrl") String pageUrl,
            @JsonAlias("userId") String userId) {}

    record ChatRequest(
            String message, @JsonAlias("conversationId") String conversationId, Context context) {}

    record SearchResult(String content, String source, double relevance) {}

    record Metadata(String model, int tokensUsed, int searchCount) {}

    record ChatResponse(
            String response,
            String conversationId,
            List<SearchResult> searchResults,
            boolean escalated,
            Metadata metadata) {}

    @PostMapping("/v1/chat")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    ChatResponse chat(Caller caller, @RequestBody ChatRequest request, Locale locale) {
        if (request.message() == null || request.message().isBlank()) {
            // named as the caller named it, not as the conversation's message content
            throw ApiException.missingField("message");
        }
        Conversations.Exchange exchange;
        if (request.conversationId() != null) {
            exchange = conversations.send(caller, request.conversationId(), request.message(), List.of());
        } else {
            Map<String, Object> context = new LinkedHashMap<>();
            if (request.context() != null) {
                if (request.context().pageUrl() != null) {
                    context.put("page_url", request.context().pageUrl());
                }
                if (request.context().userId() != null) {
                    context.put("user_id", request.context().userId());
                }
            }
            exchange = conversations.start(
                    caller, new Conversations.NewConversation("chat", null, null, request.message(), context));
        }
        List<SearchResult> results = new ArrayList<>();
        int searches = 0;
        String model = "offline";
        int tokens = 0;
        if (exchange.turn() != null) {
            model = exchange.turn().model();
            tokens = exchange.turn().tokensUsed();
            for (ActionTaken action : exchange.turn().actions()) {
                if (action.type().equals("knowledge_searched")) {
                    searches++;
                    results.addAll(passages(action.details().get("passages")));
                }
            }
        }
        // While a person holds the conversation the customer is told so: seed 000's response is always a string.
        return new ChatResponse(
                exchange.reply() == null
                        ? messages.getMessage("conversation.with_agent", null, locale)
                        : exchange.reply().content(),
                exchange.conversation().id(),
                results,
                exchange.conversation().heldByHumans(),
                new Metadata(model, tokens, searches));
    }

    @SuppressWarnings("unchecked")
    private static List<SearchResult> passages(Object found) {
        if (!(found instanceof List<?> list)) {
            return List.of();
        }
        List<SearchResult> results = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> passage = (Map<String, Object>) item;
            String url = (String) passage.get("url");
            results.add(new SearchResult(
                    (String) passage.get("text"),
                    url == null || url.isBlank() ? (String) passage.get("title") : url,
                    Math.round(((Number) passage.get("score")).doubleValue() * 1000) / 1000.0));
        }
        return results;
    }
}
