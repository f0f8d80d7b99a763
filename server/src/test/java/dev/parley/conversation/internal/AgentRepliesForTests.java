package dev.parley.conversation.internal;

import dev.parley.conversation.ConversationEvents.MessageSent;
import dev.parley.platform.Caller;
import dev.parley.platform.Ids;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only (test sources, never shipped): an agent's reply over REST, stored and published in one transaction the
 * way the inbox's {@code POST /v1/chats/{id}/messages} does, for the live tests until that endpoint is on this
 * branch.
 */
@RestController
class AgentRepliesForTests {

    private final Conversations conversations;
    private final ConversationStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentRepliesForTests(
            Conversations conversations,
            ConversationStore store,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    record Reply(String text) {}

    @PostMapping("/v1/test-only/conversations/{conversation_id}/agent-replies")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    Map<String, String> reply(Caller caller, @PathVariable("conversation_id") String id, @RequestBody Reply reply) {
        Conversation conversation = conversations.get(caller, id);
        Message message = new Message(
                Ids.next("msg"), id, "agent", reply.text(), null, List.of(), List.of(), List.of(), clock.instant());
        transactions.executeWithoutResult(tx -> {
            store.update(conversation.afterMessages(
                    1, null, null, conversation.facts(), conversation.status(), message.createdAt()));
            store.insert(caller.workspaceId(), caller.mode(), message);
            events.publishEvent(
                    new MessageSent(caller.workspaceId(), caller.mode(), id, message.id(), "agent", message.content()));
        });
        return Map.of("id", message.id());
    }
}
