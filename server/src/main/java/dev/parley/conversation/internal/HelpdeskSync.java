package dev.parley.conversation.internal;

import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.MessageSent;
import dev.parley.conversation.HelpdeskInbox;
import dev.parley.conversation.MessageRole;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Messages synced back from a helpdesk ticket, stored and published like any other of their role. */
@Service
class HelpdeskSync implements HelpdeskInbox {

    private final ConversationRows conversationRows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HelpdeskSync(ConversationRows conversationRows, ApplicationEventPublisher events, Clock clock) {
        this.conversationRows = conversationRows;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<String> sync(
            String workspaceId, Mode mode, String conversationId, MessageRole from, String content) {
        if (from != MessageRole.AGENT && from != MessageRole.USER) {
            throw new IllegalArgumentException("A helpdesk syncs agent or user messages, not " + from.wire());
        }
        Optional<Conversation> found = conversationRows.find(workspaceId, mode, conversationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Conversation conversation = found.get();
        Instant now = clock.instant();
        Message message = new Message(
                Ids.next("msg"), conversationId, from, content, null, List.of(), List.of(), List.of(), now, null, null);
        conversationRows.update(conversation.afterMessages(1, now));
        conversationRows.insert(workspaceId, mode, message);
        if (from == MessageRole.AGENT) {
            events.publishEvent(new MessageSent(workspaceId, mode, conversationId, message.id(), from, content));
        } else {
            events.publishEvent(new MessageReceived(workspaceId, mode, conversationId, message.id(), content));
        }
        return Optional.of(message.id());
    }
}
