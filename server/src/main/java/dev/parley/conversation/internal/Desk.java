package dev.parley.conversation.internal;

import dev.parley.conversation.ConversationDesk;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.MessageRole;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** The console's view of conversations, over the same services the REST API uses. */
@Service
class Desk implements ConversationDesk {

    private final Conversations conversations;
    private final Inbox inbox;
    private final ConversationRows conversationRows;
    private final InboxRows marks;

    Desk(Conversations conversations, Inbox inbox, ConversationRows conversationRows, InboxRows marks) {
        this.conversations = conversations;
        this.inbox = inbox;
        this.conversationRows = conversationRows;
        this.marks = marks;
    }

    @Override
    public Page<Item> inbox(Caller caller, Filter filter, PageQuery page) {
        caller.require(Scope.CONVERSATIONS_READ);
        String assignedTo =
                filter.mine() ? caller.agentId() : filter.unassigned() ? ConversationRows.Filter.NOBODY : null;
        ConversationRows.Filter query = new ConversationRows.Filter(
                filter.status(),
                blank(filter.intent()),
                blank(filter.sentiment()),
                null,
                null,
                null,
                assignedTo,
                null,
                List.of(),
                filter.priority() == null ? null : filter.priority().wire(),
                null,
                blank(filter.text()));
        List<ConversationRows.ChatRow> rows = conversationRows.chats(caller.workspaceId(), caller.mode(), query, page);
        Map<String, ConversationRows.Contact> contacts = conversationRows.contacts(
                caller.workspaceId(),
                caller.mode(),
                rows.stream()
                        .map(r -> r.conversation().contactId())
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        List<Item> items = rows.stream()
                .map(row -> item(
                        row.conversation(),
                        row.conversation().contactId() == null
                                ? null
                                : contacts.get(row.conversation().contactId()),
                        row))
                .toList();
        return Page.of(items, page, conversationRows.count(caller.workspaceId(), caller.mode(), query));
    }

    @Override
    public Detail open(Caller caller, String conversationId) {
        caller.require(Scope.CONVERSATIONS_READ);
        Conversation c = conversations.get(caller, conversationId);
        inbox.read(caller, conversationId);
        ConversationRows.Contact contact = conversations.contact(caller, c);
        List<Entry> entries = conversations.messages(caller, conversationId, 500).stream()
                .map(m -> new Entry(
                        m.id(),
                        m.role(),
                        m.content(),
                        m.analysis(),
                        m.actions(),
                        m.sources(),
                        m.attachments(),
                        m.authorName(),
                        m.createdAt(),
                        m.seq()))
                .toList();
        return new Detail(
                item(c, contact, null),
                c.ticketId(),
                c.escalationReason(),
                c.csatScore(),
                entries,
                marks.history(caller.workspaceId(), conversationId));
    }

    @Override
    public void reply(Caller caller, String conversationId, String text) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        inbox.reply(caller, conversationId, text, List.of());
    }

    @Override
    public void reply(Caller caller, String conversationId, String text, List<MessageAttachment> attachments) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        inbox.reply(caller, conversationId, text, attachments);
    }

    @Override
    public void note(Caller caller, String conversationId, String text) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        inbox.note(caller, conversationId, text);
    }

    @Override
    public void assign(Caller caller, String conversationId, String agentId) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        inbox.change(caller, conversationId, new Inbox.Change(null, true, agentId, null, null, null));
    }

    @Override
    public void tag(Caller caller, String conversationId, List<String> tags) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        inbox.change(caller, conversationId, new Inbox.Change(null, false, null, tags, null, null));
    }

    @Override
    public void escalate(Caller caller, String conversationId) {
        caller.require(Scope.CONVERSATIONS_ESCALATE);
        conversations.escalate(caller, conversationId, "agent_request", null, null, null);
    }

    @Override
    public void resolve(Caller caller, String conversationId) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        conversations.resolve(caller, conversationId, null, null, null);
    }

    @Override
    public void handBack(Caller caller, String conversationId) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        inbox.handBack(caller, conversationId);
    }

    @Override
    public List<Item> previous(Caller caller, String conversationId, int limit) {
        caller.require(Scope.CONVERSATIONS_READ);
        Conversation c = conversations.get(caller, conversationId);
        if (c.contactId() == null) {
            return List.of();
        }
        ConversationRows.Contact contact = conversations.contact(caller, c);
        ConversationRows.Filter none = ConversationRows.Filter.none();
        ConversationRows.Filter theirs = new ConversationRows.Filter(
                null, null, null, null, null, null, null, null, none.tags(), null, c.contactId(), null);
        return conversationRows.chats(caller.workspaceId(), caller.mode(), theirs, new PageQuery(1, limit + 1)).stream()
                .filter(row -> !row.conversation().id().equals(conversationId))
                .limit(limit)
                .map(row -> item(row.conversation(), contact, row))
                .toList();
    }

    @Override
    public DraftContext draftContext(Caller caller, String conversationId) {
        caller.require(Scope.CONVERSATIONS_READ);
        Conversation c = conversations.get(caller, conversationId);
        ConversationRows.Contact contact = conversations.contact(caller, c);
        List<Entry> said = conversations.messages(caller, conversationId, 50).stream()
                .filter(m -> List.of(MessageRole.USER, MessageRole.ASSISTANT, MessageRole.AGENT)
                        .contains(m.role()))
                .map(m -> new Entry(
                        m.id(),
                        m.role(),
                        m.content(),
                        m.analysis(),
                        m.actions(),
                        m.sources(),
                        m.attachments(),
                        m.authorName(),
                        m.createdAt(),
                        m.seq()))
                .toList();
        int last = -1;
        for (int i = said.size() - 1; i >= 0 && last < 0; i--) {
            if (said.get(i).role() == MessageRole.USER) {
                last = i;
            }
        }
        return new DraftContext(
                c.id(),
                c.channel(),
                contact == null ? null : contact.name(),
                contact == null ? null : contact.email(),
                last < 0 ? null : said.get(last).content(),
                last < 0 ? said : said.subList(0, last),
                c.facts());
    }

    private static Item item(Conversation c, ConversationRows.Contact contact, ConversationRows.ChatRow row) {
        return new Item(
                c.id(),
                c.status(),
                c.channel(),
                contact == null ? null : contact.name(),
                contact == null ? null : contact.email(),
                c.primaryIntent(),
                c.sentiment(),
                c.priority(),
                c.assignedTo(),
                c.tags(),
                row == null ? 0 : row.unreadCount(),
                row == null ? null : row.lastMessageAt(),
                c.updatedAt(),
                row == null ? null : row.lastMessage(),
                row == null ? null : MessageRole.fromWire(row.lastMessageRole()).orElse(null),
                c.createdAt(),
                place(c.context()));
    }

    /** Where the visitor is: the city and country the client gave, else the page they wrote from. */
    static String place(Map<String, Object> context) {
        if (context == null) {
            return null;
        }
        String where = java.util.stream.Stream.of(context.get("city"), context.get("country"))
                .filter(v -> v instanceof String s && !s.isBlank())
                .map(v -> ((String) v).strip())
                .collect(java.util.stream.Collectors.joining(", "));
        if (!where.isEmpty()) {
            return where;
        }
        if (context.get("page_url") instanceof String page) {
            try {
                java.net.URI uri = java.net.URI.create(page.strip());
                if (uri.getHost() != null) {
                    return uri.getHost()
                            + (uri.getPath() == null || uri.getPath().isEmpty() ? "" : uri.getPath());
                }
            } catch (IllegalArgumentException notAUrl) {
                return null;
            }
        }
        return null;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
