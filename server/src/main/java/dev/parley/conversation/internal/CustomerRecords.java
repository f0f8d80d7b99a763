package dev.parley.conversation.internal;

import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Customers;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.Priority;
import dev.parley.platform.Caller;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversation module's side of privacy: finding a customer and everything held about them, and erasing it when
 * {@link CustomerErased} is published. Erasing keeps each conversation as an anonymous shell (status, channel, times,
 * intent, counts), so the inbox's and agents' statistics stay right, and removes everything that says who the customer
 * was or what anyone wrote: the contact, message text, attachments and actions, private notes, the conversation's
 * notes, facts and context, session user ids and metadata, feedback comments.
 */
@Component
class CustomerRecords implements Customers, dev.parley.conversation.ConversationLookup {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ConversationRows conversationRows;

    CustomerRecords(JdbcClient jdbc, JsonMapper json, Clock clock, ConversationRows conversationRows) {
        this.conversationRows = conversationRows;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<Customer> find(String workspaceId, Mode mode, String email, String userId) {
        String normalized =
                email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        Optional<String[]> contact = Optional.empty();
        if (normalized != null) {
            contact = contactWhere(workspaceId, mode, "email = ?", normalized);
        }
        boolean contactId = userId != null && userId.startsWith("cust_");
        if (contact.isEmpty() && contactId) {
            contact = contactWhere(workspaceId, mode, "id = ?", userId);
        }
        Set<String> conversations = new LinkedHashSet<>();
        Set<String> userIds = new LinkedHashSet<>();
        if (contact.isPresent()) {
            conversations.addAll(jdbc.sql("""
                            SELECT id FROM conversations
                             WHERE workspace_id = ? AND mode = ? AND contact_id = ? AND erased_at IS NULL
                             ORDER BY created_at, id""")
                    .params(workspaceId, mode.wire(), contact.get()[0])
                    .query(String.class)
                    .list());
        }
        if (userId != null && !userId.isBlank() && !contactId) {
            userIds.add(userId);
        }
        // The store's user ids on the contact's conversations name the same person: their other conversations
        // (a session, a chat without an email) are theirs too.
        userIds.addAll(userIdsOf(workspaceId, mode, List.copyOf(conversations)));
        for (String user : List.copyOf(userIds)) {
            conversations.addAll(conversationsOfUser(workspaceId, mode, user));
        }
        if (contact.isEmpty() && conversations.isEmpty()) {
            return Optional.empty();
        }
        userIds.addAll(userIdsOf(workspaceId, mode, List.copyOf(conversations)));
        return Optional.of(new Customer(
                contact.map(c -> c[0]).orElse(null),
                contact.map(c -> c[1]).orElse(null),
                List.copyOf(userIds),
                List.copyOf(conversations)));
    }

    private List<String> conversationsOfUser(String workspaceId, Mode mode, String userId) {
        List<String> found = new ArrayList<>(jdbc.sql("""
                        SELECT s.conversation_id FROM sessions s JOIN conversations c ON c.id = s.conversation_id
                         WHERE s.workspace_id = ? AND s.mode = ? AND s.user_id = ? AND c.erased_at IS NULL""")
                .params(workspaceId, mode.wire(), userId)
                .query(String.class)
                .list());
        // Contexts are stored as compact JSON, so the pair is matched as Jackson writes it.
        String pair = "\"user_id\":" + json.writeValueAsString(userId);
        found.addAll(jdbc.sql("""
                        SELECT id FROM conversations
                         WHERE workspace_id = ? AND mode = ? AND erased_at IS NULL AND context LIKE ? ESCAPE '!'""")
                .params(workspaceId, mode.wire(), "%" + like(pair) + "%")
                .query(String.class)
                .list());
        return found;
    }

    private Optional<String[]> contactWhere(String workspaceId, Mode mode, String condition, String value) {
        return jdbc.sql("SELECT id, email FROM contacts WHERE workspace_id = ? AND mode = ? AND " + condition)
                .params(workspaceId, mode.wire(), value)
                .query((rs, i) -> new String[] {rs.getString("id"), rs.getString("email")})
                .optional();
    }

    /** The store's user ids the conversations and their sessions carry. */
    private Set<String> userIdsOf(String workspaceId, Mode mode, List<String> conversationIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (List<String> batch : Sql.batches(conversationIds, BATCH)) {
            List<Object> params = Sql.scoped(workspaceId, mode, batch);
            jdbc.sql("SELECT context FROM conversations WHERE workspace_id = ? AND mode = ? AND id IN ("
                            + Sql.placeholders(batch.size()) + ")")
                    .params(params)
                    .query(String.class)
                    .list()
                    .forEach(context -> {
                        Object id = json.readValue(context, OBJECT).get("user_id");
                        if (id != null) {
                            ids.add(id.toString());
                        }
                    });
            jdbc.sql("SELECT user_id FROM sessions WHERE workspace_id = ? AND mode = ? AND user_id IS NOT NULL"
                            + " AND conversation_id IN (" + Sql.placeholders(batch.size()) + ")")
                    .params(params)
                    .query(String.class)
                    .list()
                    .forEach(ids::add);
        }
        return ids;
    }

    @Override
    public Held export(String workspaceId, Mode mode, Customer customer, boolean includeConversations) {
        HeldContact contact = customer.contactId() == null
                ? null
                : jdbc.sql("SELECT * FROM contacts WHERE workspace_id = ? AND mode = ? AND id = ?")
                        .params(workspaceId, mode.wire(), customer.contactId())
                        .query(this::contact)
                        .optional()
                        .orElse(null);
        List<HeldConversation> conversations = new ArrayList<>();
        if (includeConversations) {
            for (String id : customer.conversationIds()) {
                jdbc.sql("SELECT * FROM conversations WHERE workspace_id = ? AND mode = ? AND id = ?")
                        .params(workspaceId, mode.wire(), id)
                        .query((rs, i) -> conversation(rs, workspaceId, mode))
                        .optional()
                        .ifPresent(conversations::add);
            }
        }
        return new Held(contact, customer.userIds(), conversations);
    }

    @Override
    public boolean reachable(Caller caller, String conversationId) {
        return conversationRows.find(caller, conversationId).isPresent();
    }

    @Override
    public List<String> inactiveSince(String workspaceId, Mode mode, Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT id FROM conversations
                         WHERE workspace_id = ? AND mode = ? AND erased_at IS NULL AND updated_at < ?
                         ORDER BY updated_at, id LIMIT ?""")
                .params(workspaceId, mode.wire(), Sql.timestamp(cutoff), limit)
                .query(String.class)
                .list();
    }

    /** Synchronous on purpose: the erasure is one transaction across every module. */
    @EventListener
    void on(CustomerErased erased) {
        String ws = erased.workspaceId();
        Mode mode = erased.mode();
        Instant now = clock.instant();
        Set<String> contacts = new LinkedHashSet<>();
        if (erased.contactId() != null) {
            contacts.add(erased.contactId());
        }
        long conversations = 0;
        long messages = 0;
        long sessions = 0;
        long feedback = 0;
        for (List<String> batch : Sql.batches(erased.conversationIds(), BATCH)) {
            List<Object> params = Sql.scoped(ws, mode, batch);
            String in = Sql.placeholders(batch.size());
            contacts.addAll(jdbc.sql("SELECT DISTINCT contact_id FROM conversations WHERE workspace_id = ? AND mode = ?"
                            + " AND contact_id IS NOT NULL AND id IN (" + in + ")")
                    .params(params)
                    .query(String.class)
                    .list());
            messages += jdbc.sql("UPDATE messages SET content = '', attachments = '[]', actions = '[]',"
                            + " analysis = CASE WHEN role = 'assistant' THEN analysis ELSE NULL END"
                            + " WHERE workspace_id = ? AND mode = ? AND conversation_id IN (" + in + ")")
                    .params(params)
                    .update();
            sessions += jdbc.sql("UPDATE sessions SET user_id = NULL, metadata = '{}'"
                            + " WHERE workspace_id = ? AND mode = ? AND conversation_id IN (" + in + ")")
                    .params(params)
                    .update();
            feedback += jdbc.sql("UPDATE feedback SET comment = NULL WHERE workspace_id = ? AND mode = ?"
                            + " AND comment IS NOT NULL AND conversation_id IN (" + in + ")")
                    .params(params)
                    .update();
            List<Object> withTime = new ArrayList<>();
            withTime.add(Sql.timestamp(now));
            withTime.addAll(params);
            conversations += jdbc.sql("""
                            UPDATE conversations SET contact_id = NULL, notes = NULL, facts = '{}', context = '{}',
                                order_id = NULL, resolution_summary = NULL,
                                escalation_reason = CASE WHEN escalation_reason IS NULL THEN NULL ELSE 'erased' END,
                                erased_at = COALESCE(erased_at, ?)
                             WHERE workspace_id = ? AND mode = ? AND id IN (""" + in + ")").params(withTime).update();
        }
        long deletedContacts = 0;
        for (String contact : contacts) {
            boolean named = contact.equals(erased.contactId());
            // Retention erases conversations; a contact goes with them once none of theirs is left unerased.
            long left = jdbc.sql("SELECT COUNT(*) FROM conversations WHERE workspace_id = ? AND mode = ?"
                            + " AND contact_id = ? AND erased_at IS NULL")
                    .params(ws, mode.wire(), contact)
                    .query(Long.class)
                    .single();
            if (!named && left > 0) {
                continue;
            }
            jdbc.sql(
                            "UPDATE conversations SET contact_id = NULL WHERE workspace_id = ? AND mode = ? AND contact_id = ?")
                    .params(ws, mode.wire(), contact)
                    .update();
            deletedContacts += jdbc.sql("DELETE FROM contacts WHERE workspace_id = ? AND mode = ? AND id = ?")
                    .params(ws, mode.wire(), contact)
                    .update();
        }
        erased.tally().add("conversation.contacts", deletedContacts);
        erased.tally().add("conversation.conversations", conversations);
        erased.tally().add("conversation.messages", messages);
        erased.tally().add("conversation.sessions", sessions);
        erased.tally().add("conversation.feedback_comments", feedback);
    }

    private HeldContact contact(ResultSet rs, int i) throws SQLException {
        return new HeldContact(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("phone"),
                jsonColumn(rs, "metadata"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private HeldConversation conversation(ResultSet rs, String workspaceId, Mode mode) throws SQLException {
        String id = rs.getString("id");
        List<Object> scope = List.of(workspaceId, mode.wire(), id);
        return new HeldConversation(
                id,
                Channel.fromWire(rs.getString("channel")).orElseThrow(),
                ConversationStatus.fromWire(rs.getString("status")).orElseThrow(),
                Priority.fromWire(rs.getString("priority")).orElseThrow(),
                rs.getString("primary_intent"),
                rs.getString("sentiment"),
                rs.getString("order_id"),
                jsonColumn(rs, "tags"),
                rs.getString("notes"),
                jsonColumn(rs, "facts"),
                jsonColumn(rs, "context"),
                rs.getString("ticket_id"),
                rs.getString("resolution_summary"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                jdbc.sql("""
                                SELECT id, role, content, attachments, actions, author_name, created_at FROM messages
                                 WHERE workspace_id = ? AND mode = ? AND conversation_id = ? ORDER BY created_at, id""")
                        .params(scope)
                        .query((m, n) -> new HeldMessage(
                                m.getString("id"),
                                MessageRole.fromWire(m.getString("role")).orElseThrow(),
                                m.getString("content"),
                                jsonColumn(m, "attachments"),
                                jsonColumn(m, "actions"),
                                m.getString("author_name"),
                                Sql.instant(m, "created_at")))
                        .list(),
                jdbc.sql("""
                                SELECT id, user_id, metadata, status, started_at, ended_at FROM sessions
                                 WHERE workspace_id = ? AND mode = ? AND conversation_id = ? ORDER BY started_at, id""")
                        .params(scope)
                        .query((m, n) -> new HeldSession(
                                m.getString("id"),
                                m.getString("user_id"),
                                jsonColumn(m, "metadata"),
                                m.getString("status"),
                                Sql.instant(m, "started_at"),
                                Sql.instant(m, "ended_at")))
                        .list(),
                jdbc.sql("""
                                SELECT id, rating, comment, created_at FROM feedback
                                 WHERE workspace_id = ? AND mode = ? AND conversation_id = ? ORDER BY created_at, id""")
                        .params(scope)
                        .query((m, n) -> new HeldFeedback(
                                m.getString("id"),
                                m.getInt("rating"),
                                m.getString("comment"),
                                Sql.instant(m, "created_at")))
                        .list());
    }

    /** A column that holds JSON text, as it is stored; {@code null} stays {@code null}. */
    private JsonNode jsonColumn(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : json.readTree(text);
    }

    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
