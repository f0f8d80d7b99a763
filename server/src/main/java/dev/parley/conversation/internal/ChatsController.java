package dev.parley.conversation.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.Priority;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Seed 003's chats: the same conversations, in seed 003's shapes. A chat's visitor is the conversation's contact;
 * {@code chat_id} is the conversation id.
 */
@RestController
class ChatsController {

    private final Conversations conversations;
    private final ConversationRows conversationRows;
    private final Inbox inbox;

    ChatsController(Conversations conversations, ConversationRows conversationRows, Inbox inbox) {
        this.conversations = conversations;
        this.conversationRows = conversationRows;
        this.inbox = inbox;
    }

    record ChatSummary(
            String id,
            String visitorName,
            String visitorEmail,
            ConversationStatus status,
            String assignedTo,
            int unreadCount,
            Instant lastMessageAt,
            Instant createdAt) {}

    /** Seed 003's pagination block: {@code page, limit, total, pages}. */
    record Pagination(int page, int limit, long total, long pages) {}

    record ChatList(List<ChatSummary> data, Pagination pagination) {}

    record Visitor(String name, String email, String phone, Map<String, Object> metadata) {}

    record ChatView(
            String id,
            Visitor visitor,
            ConversationStatus status,
            String assignedTo,
            List<String> tags,
            String notes,
            Priority priority,
            Channel channel,
            Instant createdAt,
            Instant updatedAt) {}

    /** Seed 003's {@code text}; seed 001 writes a message's words as {@code content}, seed 002 as {@code message}. */
    record SendRequest(
            @JsonAlias({"content", "message"})
            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "The agent's reply; also read as content (seed 001) or message (seed 002)")
            String text,

            List<MessageAttachment> attachments) {}

    record Sent(
            String id,
            String chatId,
            String text,
            InboxController.Sender sender,
            List<MessageAttachment> attachments,
            Instant createdAt) {}

    @GetMapping("/v1/chats")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    ChatList list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        int p = page == null ? 1 : page;
        int l = limit == null ? PageQuery.DEFAULT_PER_PAGE : limit;
        if (p < 1) {
            throw ApiException.invalidField("page", "out_of_range");
        }
        if (l < 1 || l > PageQuery.MAX_PER_PAGE) {
            throw ApiException.invalidField("limit", "out_of_range");
        }
        PageQuery query = new PageQuery(p, l);
        ConversationRows.Filter none = ConversationRows.Filter.none();
        ConversationRows.Filter filter = new ConversationRows.Filter(
                ConversationController.status(status),
                null,
                null,
                null,
                null,
                null,
                agentId,
                null,
                none.tags(),
                null,
                null,
                null);
        List<ConversationRows.ChatRow> rows =
                conversationRows.chats(caller.workspaceId(), caller.mode(), filter, query);
        long total = conversationRows.count(caller.workspaceId(), caller.mode(), filter);
        Map<String, ConversationRows.Contact> contacts = conversationRows.contacts(
                caller.workspaceId(),
                caller.mode(),
                rows.stream()
                        .map(r -> r.conversation().contactId())
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList());
        List<ChatSummary> data = rows.stream()
                .map(row -> {
                    Conversation c = row.conversation();
                    ConversationRows.Contact contact = c.contactId() == null ? null : contacts.get(c.contactId());
                    return new ChatSummary(
                            c.id(),
                            contact == null ? null : contact.name(),
                            contact == null ? null : contact.email(),
                            c.status(),
                            c.assignedTo(),
                            row.unreadCount(),
                            row.lastMessageAt(),
                            c.createdAt());
                })
                .toList();
        return new ChatList(data, new Pagination(p, l, total, (total + l - 1) / l));
    }

    @GetMapping("/v1/chats/{chat_id}")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    ChatView get(Caller caller, @PathVariable("chat_id") String id) {
        Conversation c = conversations.get(caller, id);
        inbox.read(caller, id);
        return view(caller, c);
    }

    @PostMapping("/v1/chats/{chat_id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    Sent send(Caller caller, @PathVariable("chat_id") String id, @RequestBody SendRequest request) {
        Inbox.Reply reply = inbox.reply(caller, id, request.text(), request.attachments());
        return new Sent(
                reply.message().id(),
                id,
                reply.message().content(),
                new InboxController.Sender("agent", reply.senderId(), reply.senderName()),
                reply.message().attachments(),
                reply.message().createdAt());
    }

    @PatchMapping("/v1/chats/{chat_id}")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    ChatView change(Caller caller, @PathVariable("chat_id") String id, @RequestBody(required = false) JsonNode body) {
        return view(caller, inbox.change(caller, id, InboxRequests.change(body)));
    }

    private ChatView view(Caller caller, Conversation c) {
        Visitor visitor = c.contactId() == null
                ? new Visitor(null, null, null, Map.of())
                : conversationRows
                        .contactDetails(caller.workspaceId(), caller.mode(), c.contactId())
                        .map(d -> new Visitor(d.name(), d.email(), d.phone(), d.metadata()))
                        .orElse(new Visitor(null, null, null, Map.of()));
        return new ChatView(
                c.id(),
                visitor,
                c.status(),
                c.assignedTo(),
                c.tags(),
                c.notes(),
                c.priority(),
                c.channel(),
                c.createdAt(),
                c.updatedAt());
    }
}
