package dev.parley.conversation.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.MessageAnalysis;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.Priority;
import dev.parley.conversation.ResolutionType;
import dev.parley.platform.Caller;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Contacts, conversations and messages in the database; every query is scoped to a workspace and mode. */
@Repository
class ConversationRows {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<ActionTaken>> ACTIONS = new TypeReference<>() {};
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {};
    private static final TypeReference<List<MessageAttachment>> ATTACHMENTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConversationRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Contact(String id, String email, String name) {}

    /** The contact with this email, made the first time the email is seen; a name given later fills a missing one. */
    Contact contact(String workspaceId, Mode mode, String email, String name, Instant now) {
        String normalized = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        if (normalized != null) {
            Optional<Contact> existing = findContact(workspaceId, mode, normalized);
            if (existing.isPresent()) {
                if (existing.get().name() == null && name != null) {
                    jdbc.sql("UPDATE contacts SET name = ?, updated_at = ? WHERE id = ?")
                            .params(name, Sql.timestamp(now), existing.get().id())
                            .update();
                    return new Contact(existing.get().id(), normalized, name);
                }
                return existing.get();
            }
        }
        String id = Ids.next("cust");
        try {
            jdbc.sql("""
                            INSERT INTO contacts (id, workspace_id, mode, email, name, metadata, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, '{}', ?, ?)""")
                    .params(id, workspaceId, mode.wire(), normalized, name, Sql.timestamp(now), Sql.timestamp(now))
                    .update();
            return new Contact(id, normalized, name);
        } catch (DuplicateKeyException raced) {
            return findContact(workspaceId, mode, normalized).orElseThrow();
        }
    }

    Optional<Contact> findContactById(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT id, email, name FROM contacts WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query((rs, i) -> new Contact(rs.getString("id"), rs.getString("email"), rs.getString("name")))
                .optional();
    }

    /** The emails of these contacts, in one query. */
    Map<String, String> emails(String workspaceId, Mode mode, java.util.Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        params.addAll(contactIds);
        Map<String, String> emails = new java.util.HashMap<>();
        jdbc.sql("SELECT id, email FROM contacts WHERE workspace_id = ? AND mode = ? AND id IN ("
                        + Sql.placeholders(contactIds.size()) + ")")
                .params(params)
                .query(rs -> {
                    if (rs.getString("email") != null) {
                        emails.put(rs.getString("id"), rs.getString("email"));
                    }
                });
        return emails;
    }

    /** These contacts, by id, in one query. */
    Map<String, Contact> contacts(String workspaceId, Mode mode, java.util.Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        params.addAll(contactIds);
        Map<String, Contact> found = new java.util.HashMap<>();
        jdbc.sql("SELECT id, email, name FROM contacts WHERE workspace_id = ? AND mode = ? AND id IN ("
                        + Sql.placeholders(contactIds.size()) + ")")
                .params(params)
                .query(rs -> {
                    found.put(
                            rs.getString("id"),
                            new Contact(rs.getString("id"), rs.getString("email"), rs.getString("name")));
                });
        return found;
    }

    private Optional<Contact> findContact(String workspaceId, Mode mode, String email) {
        return jdbc.sql("SELECT id, email, name FROM contacts WHERE workspace_id = ? AND mode = ? AND email = ?")
                .params(workspaceId, mode.wire(), email)
                .query((rs, i) -> new Contact(rs.getString("id"), rs.getString("email"), rs.getString("name")))
                .optional();
    }

    void insert(Conversation c) {
        jdbc.sql("""
                        INSERT INTO conversations (id, workspace_id, mode, contact_id, channel, status, priority, primary_intent,
                            sentiment, order_id, assigned_to, tags, notes, facts, context, message_count, created_at, updated_at,
                            ticket_id, escalation_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        c.id(),
                        c.workspaceId(),
                        c.mode().wire(),
                        c.contactId(),
                        c.channel().wire(),
                        c.status().wire(),
                        c.priority().wire(),
                        c.primaryIntent(),
                        c.sentiment(),
                        c.orderId(),
                        c.assignedTo(),
                        json.writeValueAsString(c.tags()),
                        c.notes(),
                        json.writeValueAsString(c.facts()),
                        json.writeValueAsString(c.context()),
                        c.messageCount(),
                        Sql.timestamp(c.createdAt()),
                        Sql.timestamp(c.updatedAt()),
                        c.ticketId(),
                        c.escalationReason() == null
                                ? null
                                : c.escalationReason().wire())
                .update();
    }

    void update(Conversation c) {
        jdbc.sql("""
                        UPDATE conversations SET status = ?, priority = ?, primary_intent = ?, sentiment = ?, order_id = ?,
                            assigned_to = ?, tags = ?, notes = ?, facts = ?, ticket_id = ?, escalation_reason = ?,
                            resolution_summary = ?, resolution_type = ?, csat_score = ?, message_count = ?, resolved_at = ?,
                            updated_at = ?
                         WHERE id = ? AND workspace_id = ? AND mode = ?""")
                .params(
                        c.status().wire(),
                        c.priority().wire(),
                        c.primaryIntent(),
                        c.sentiment(),
                        c.orderId(),
                        c.assignedTo(),
                        json.writeValueAsString(c.tags()),
                        c.notes(),
                        json.writeValueAsString(c.facts()),
                        c.ticketId(),
                        c.escalationReason() == null
                                ? null
                                : c.escalationReason().wire(),
                        c.resolutionSummary(),
                        c.resolutionType() == null ? null : c.resolutionType().wire(),
                        c.csatScore(),
                        c.messageCount(),
                        Sql.timestamp(c.resolvedAt()),
                        Sql.timestamp(c.updatedAt()),
                        c.id(),
                        c.workspaceId(),
                        c.mode().wire())
                .update();
    }

    Optional<Conversation> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM conversations WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::conversation)
                .optional();
    }

    /**
     * The conversation, if the caller may reach it: any of its workspace and mode for a secret key or a console user;
     * for a publishable key (the widget, a session) only one bound to the visitor token it holds.
     */
    Optional<Conversation> find(Caller caller, String id) {
        return reachable(caller, id, "");
    }

    /** {@link #find(Caller, String)}, locked until the surrounding transaction ends. */
    Optional<Conversation> lock(Caller caller, String id) {
        return reachable(caller, id, " FOR UPDATE");
    }

    private Optional<Conversation> reachable(Caller caller, String id, String lock) {
        String sql = "SELECT * FROM conversations WHERE id = ? AND workspace_id = ? AND mode = ?";
        List<Object> params =
                new ArrayList<>(List.of(id, caller.workspaceId(), caller.mode().wire()));
        if (caller.isPublishable()) {
            if (caller.visitorToken() == null) {
                return Optional.empty();
            }
            sql += " AND visitor_token_hash = ?";
            params.add(VisitorTokens.hash(caller.visitorToken()));
        }
        return jdbc.sql(sql + lock).params(params).query(this::conversation).optional();
    }

    /** Binds the conversation to its visitor: from now on a publishable key reaches it with that token only. */
    void bindVisitor(String workspaceId, Mode mode, String id, String visitorToken) {
        jdbc.sql("UPDATE conversations SET visitor_token_hash = ? WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(VisitorTokens.hash(visitorToken), id, workspaceId, mode.wire())
                .update();
    }

    /** The conversation, locked until the surrounding transaction ends: changes to one conversation queue up. */
    Optional<Conversation> lock(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM conversations WHERE id = ? AND workspace_id = ? AND mode = ? FOR UPDATE")
                .params(id, workspaceId, mode.wire())
                .query(this::conversation)
                .optional();
    }

    /**
     * Filters of a listing; {@code null} means any.
     *
     * @param from conversations created at or after this instant
     * @param to conversations created before this instant (exclusive, as {@link dev.parley.platform.DateRange#end()})
     * @param tags conversations carrying every one of these tags
     * @param text words that the customer's name or email, or any message but private notes, contains (any case)
     */
    record Filter(
            ConversationStatus status,
            String intent,
            String sentiment,
            String customerEmail,
            Instant from,
            Instant to,
            String assignedTo,
            String channel,
            List<String> tags,
            String priority,
            String contactId,
            String text) {

        /** {@code assignedTo} for conversations assigned to nobody. */
        static final String NOBODY = "";

        static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, List.of(), null, null, null);
        }
    }

    /**
     * A conversation as the inbox lists it, with its unread customer messages and its last message (not a private
     * note): its time, its text and who wrote it.
     */
    record ChatRow(
            Conversation conversation,
            int unreadCount,
            Instant lastMessageAt,
            String lastMessage,
            String lastMessageRole) {}

    /**
     * Unread: the customer's messages after the last time an agent read the conversation (opened it) or answered
     * in it; all of them when no agent has yet.
     */
    List<ChatRow> chats(String workspaceId, Mode mode, Filter filter, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, filter, params);
        params.add(page.perPage());
        params.add(page.offset());
        return jdbc.sql("""
                        SELECT c.*,
                            (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user'
                                AND (c.agent_read_at IS NULL OR m.created_at > c.agent_read_at)) AS unread_count,
                            (SELECT MAX(m.created_at) FROM messages m WHERE m.conversation_id = c.id
                                AND m.role <> 'note') AS last_message_at,
                            (SELECT m.content FROM messages m WHERE m.conversation_id = c.id AND m.role <> 'note'
                                ORDER BY m.created_at DESC, m.seq DESC, m.id DESC LIMIT 1) AS last_message,
                            (SELECT m.role FROM messages m WHERE m.conversation_id = c.id AND m.role <> 'note'
                                ORDER BY m.created_at DESC, m.seq DESC, m.id DESC LIMIT 1) AS last_message_role
                          FROM conversations c""" + " " + where + " ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, i) -> new ChatRow(
                        conversation(rs, i),
                        rs.getInt("unread_count"),
                        Sql.instant(rs, "last_message_at"),
                        preview(rs.getString("last_message")),
                        rs.getString("last_message_role")))
                .list();
    }

    /** The start of a message, on one line, for a list. */
    static String preview(String content) {
        if (content == null) {
            return null;
        }
        String line = content.strip().replaceAll("\\s+", " ");
        return line.length() <= 140 ? line : line.substring(0, 139) + "…";
    }

    /** A contact with everything the inbox shows of them. */
    record ContactDetails(
            String id,
            String email,
            String name,
            String phone,
            Map<String, Object> metadata,
            Instant createdAt,
            Instant updatedAt) {}

    Optional<ContactDetails> contactDetails(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM contacts WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::contactDetails)
                .optional();
    }

    List<ContactDetails> contacts(String workspaceId, Mode mode, String email, PageQuery page) {
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        String where = "WHERE workspace_id = ? AND mode = ?";
        if (email != null) {
            where += " AND email = ?";
            params.add(email.strip().toLowerCase(Locale.ROOT));
        }
        params.add(page.perPage());
        params.add(page.offset());
        return jdbc.sql("SELECT * FROM contacts " + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(params)
                .query(this::contactDetails)
                .list();
    }

    long countContacts(String workspaceId, Mode mode, String email) {
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        String where = "WHERE workspace_id = ? AND mode = ?";
        if (email != null) {
            where += " AND email = ?";
            params.add(email.strip().toLowerCase(Locale.ROOT));
        }
        return jdbc.sql("SELECT COUNT(*) FROM contacts " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    void updateContact(String workspaceId, Mode mode, ContactDetails c) {
        jdbc.sql("""
                        UPDATE contacts SET name = ?, phone = ?, metadata = ?, updated_at = ?
                         WHERE id = ? AND workspace_id = ? AND mode = ?""")
                .params(
                        c.name(),
                        c.phone(),
                        json.writeValueAsString(c.metadata()),
                        Sql.timestamp(c.updatedAt()),
                        c.id(),
                        workspaceId,
                        mode.wire())
                .update();
    }

    private ContactDetails contactDetails(ResultSet rs, int row) throws SQLException {
        return new ContactDetails(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("phone"),
                json.readValue(rs.getString("metadata"), OBJECT),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    List<Conversation> page(String workspaceId, Mode mode, Filter filter, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, filter, params);
        params.add(page.perPage());
        params.add(page.offset());
        return jdbc.sql("SELECT c.* FROM conversations c " + where
                        + " ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?")
                .params(params)
                .query(this::conversation)
                .list();
    }

    long count(String workspaceId, Mode mode, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM conversations c " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(String workspaceId, Mode mode, Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE c.workspace_id = ? AND c.mode = ?");
        params.add(workspaceId);
        params.add(mode.wire());
        if (filter.status() != null) {
            where.append(" AND c.status = ?");
            params.add(filter.status().wire());
        }
        if (filter.intent() != null) {
            where.append(" AND c.primary_intent = ?");
            params.add(filter.intent());
        }
        if (filter.sentiment() != null) {
            where.append(" AND c.sentiment = ?");
            params.add(filter.sentiment());
        }
        if (filter.customerEmail() != null) {
            where.append(
                    " AND c.contact_id IN (SELECT id FROM contacts WHERE workspace_id = ? AND mode = ? AND email = ?)");
            params.add(workspaceId);
            params.add(mode.wire());
            params.add(filter.customerEmail().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            where.append(" AND c.created_at >= ?");
            params.add(Sql.timestamp(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND c.created_at < ?");
            params.add(Sql.timestamp(filter.to()));
        }
        if (filter.assignedTo() != null && filter.assignedTo().equals(Filter.NOBODY)) {
            where.append(" AND c.assigned_to IS NULL");
        } else if (filter.assignedTo() != null) {
            where.append(" AND c.assigned_to = ?");
            params.add(filter.assignedTo());
        }
        if (filter.channel() != null) {
            where.append(" AND c.channel = ?");
            params.add(filter.channel());
        }
        if (filter.priority() != null) {
            where.append(" AND c.priority = ?");
            params.add(filter.priority());
        }
        if (filter.contactId() != null) {
            where.append(" AND c.contact_id = ?");
            params.add(filter.contactId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%"
                    + filter.text()
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_")
                    + "%";
            where.append(" AND (c.contact_id IN (SELECT id FROM contacts WHERE workspace_id = ? AND mode = ?"
                    + " AND (LOWER(name) LIKE ? ESCAPE '!' OR LOWER(email) LIKE ? ESCAPE '!'))"
                    + " OR c.id IN (SELECT conversation_id FROM messages WHERE workspace_id = ? AND mode = ?"
                    + " AND role <> 'note' AND LOWER(content) LIKE ? ESCAPE '!'))");
            params.addAll(List.of(workspaceId, mode.wire(), like, like, workspaceId, mode.wire(), like));
        }
        // Tags are stored as a JSON array of strings; a tag's quoted form is matched literally.
        for (String tag : filter.tags() == null ? List.<String>of() : filter.tags()) {
            where.append(" AND c.tags LIKE ? ESCAPE '!'");
            params.add("%\"" + tag.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\"%");
        }
        return where.toString();
    }

    void insert(String workspaceId, Mode mode, Message m) {
        jdbc.sql("""
                        INSERT INTO messages (id, workspace_id, mode, conversation_id, role, content, analysis, actions, sources,
                            attachments, created_at, author_id, author_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        m.id(),
                        workspaceId,
                        mode.wire(),
                        m.conversationId(),
                        m.role().wire(),
                        m.content(),
                        m.analysis() == null ? null : json.writeValueAsString(m.analysis()),
                        json.writeValueAsString(m.actions()),
                        json.writeValueAsString(m.sources()),
                        json.writeValueAsString(m.attachments()),
                        Sql.timestamp(m.createdAt()),
                        m.authorId(),
                        m.authorName())
                .update();
    }

    /** The last {@code limit} messages, oldest first. */
    List<Message> messages(String workspaceId, Mode mode, String conversationId, int limit) {
        List<Message> newestFirst = jdbc.sql("""
                        SELECT * FROM messages WHERE conversation_id = ? AND workspace_id = ? AND mode = ?
                         ORDER BY created_at DESC, seq DESC, id DESC LIMIT ?""")
                .params(conversationId, workspaceId, mode.wire(), limit)
                .query(this::message)
                .list();
        List<Message> ordered = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(ordered);
        return ordered;
    }

    /**
     * The messages of these roles after the message {@code afterId} ({@code null}: from the first), oldest first, at
     * most {@code limit}; empty when {@code afterId} is not a message of this conversation.
     */
    Optional<List<Message>> messagesAfter(
            String workspaceId, Mode mode, String conversationId, String afterId, List<MessageRole> roles, int limit) {
        List<Object> params = new ArrayList<>(List.of(conversationId, workspaceId, mode.wire()));
        roles.forEach(role -> params.add(role.wire()));
        String sql = "SELECT * FROM messages WHERE conversation_id = ? AND workspace_id = ? AND mode = ? AND role IN ("
                + Sql.placeholders(roles.size()) + ")";
        if (afterId != null) {
            boolean known = jdbc.sql("""
                            SELECT COUNT(*) FROM messages WHERE id = ? AND conversation_id = ? AND workspace_id = ?
                             AND mode = ?""")
                            .params(afterId, conversationId, workspaceId, mode.wire())
                            .query(Long.class)
                            .single()
                    > 0;
            if (!known) {
                return Optional.empty();
            }
            sql += " AND (created_at > (SELECT created_at FROM messages WHERE id = ?)"
                    + " OR (created_at = (SELECT created_at FROM messages WHERE id = ?) AND id > ?))";
            params.addAll(List.of(afterId, afterId, afterId));
        }
        params.add(limit);
        return Optional.of(jdbc.sql(sql + " ORDER BY created_at, id LIMIT ?")
                .params(params)
                .query(this::message)
                .list());
    }

    private Conversation conversation(ResultSet rs, int row) throws SQLException {
        int csat = rs.getInt("csat_score");
        Integer csatScore = rs.wasNull() ? null : csat;
        return new Conversation(
                rs.getString("id"),
                rs.getString("workspace_id"),
                Sql.mode(rs),
                rs.getString("contact_id"),
                wire(Channel::fromWire, rs.getString("channel")),
                json.readValue(rs.getString("context"), OBJECT),
                wire(ConversationStatus::fromWire, rs.getString("status")),
                new Conversation.Triage(
                        rs.getString("assigned_to"),
                        wire(Priority::fromWire, rs.getString("priority")),
                        json.readValue(rs.getString("tags"), STRINGS),
                        rs.getString("notes")),
                new Conversation.Understanding(
                        rs.getString("primary_intent"),
                        rs.getString("sentiment"),
                        rs.getString("order_id"),
                        json.readValue(rs.getString("facts"), STRING_MAP)),
                new Conversation.Escalation(
                        EscalationReason.fromWire(rs.getString("escalation_reason")), rs.getString("ticket_id")),
                new Conversation.Resolution(
                        rs.getString("resolution_summary"),
                        optional(ResolutionType::fromWire, rs.getString("resolution_type")),
                        csatScore,
                        Sql.instant(rs, "resolved_at")),
                rs.getInt("message_count"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    /** A column only Parley writes holds only words its enums know: anything else is a broken row, said loudly. */
    private static <T> T wire(java.util.function.Function<String, Optional<T>> from, String value) {
        return from.apply(value).orElseThrow(() -> new IllegalStateException("Unknown stored value: " + value));
    }

    private static <T> T optional(java.util.function.Function<String, Optional<T>> from, String value) {
        return value == null ? null : wire(from, value);
    }

    private Message message(ResultSet rs, int row) throws SQLException {
        String analysis = rs.getString("analysis");
        return new Message(
                rs.getString("id"),
                rs.getString("conversation_id"),
                wire(MessageRole::fromWire, rs.getString("role")),
                rs.getString("content"),
                analysis == null ? null : json.readValue(analysis, MessageAnalysis.class),
                json.readValue(rs.getString("actions"), ACTIONS),
                json.readValue(rs.getString("sources"), CITATIONS),
                json.readValue(rs.getString("attachments"), ATTACHMENTS),
                Sql.instant(rs, "created_at"),
                rs.getString("author_id"),
                rs.getString("author_name"),
                rs.getLong("seq"));
    }
}
