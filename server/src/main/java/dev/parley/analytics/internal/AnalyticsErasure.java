package dev.parley.analytics.internal;

import dev.parley.analytics.CustomerAnalytics;
import dev.parley.analytics.CustomerAnalytics.ConversationFigures;
import dev.parley.analytics.CustomerAnalytics.Event;
import dev.parley.analytics.CustomerAnalytics.Export;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Analytics' side of privacy. Erasing anonymizes rather than deletes, so every count and average stays: the
 * conversations lose their contact and first question, the events of those conversations and their sessions lose
 * every text that came from a person (a gap's query, a comment, a user id), and clients' own events keep only their
 * numbers and flags.
 */
@Component
class AnalyticsErasure implements CustomerAnalytics {

    /** Keys of Parley's own event data that may carry what a person wrote or who they are. */
    private static final Set<String> PERSONAL = Set.of("content", "query", "comment", "user_id", "email", "name");

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Rollups rollups;

    AnalyticsErasure(JdbcClient jdbc, JsonMapper json, Rollups rollups) {
        this.jdbc = jdbc;
        this.json = json;
        this.rollups = rollups;
    }

    @EventListener
    void on(CustomerErased erased) {
        String ws = erased.workspaceId();
        Mode mode = erased.mode();
        long conversations = 0;
        Set<String> sessions = new LinkedHashSet<>(erased.userIds());
        List<Long> slots = new ArrayList<>();
        for (List<String> batch : Sql.batches(erased.conversationIds(), BATCH)) {
            List<Object> params = Sql.scoped(ws, mode, batch);
            slots.addAll(jdbc.sql("SELECT created_slot FROM analytics_conversations WHERE workspace_id = ? AND mode = ?"
                            + " AND conversation_id IN (" + Sql.placeholders(batch.size()) + ")")
                    .params(params)
                    .query(Long.class)
                    .list());
            sessions.addAll(
                    jdbc.sql("SELECT session_id FROM analytics_conversations WHERE workspace_id = ? AND mode = ?"
                                    + " AND session_id IS NOT NULL AND conversation_id IN ("
                                    + Sql.placeholders(batch.size()) + ")")
                            .params(params)
                            .query(String.class)
                            .list());
            conversations += jdbc.sql("UPDATE analytics_conversations SET contact_id = NULL, first_query = NULL"
                            + " WHERE workspace_id = ? AND mode = ? AND conversation_id IN ("
                            + Sql.placeholders(batch.size()) + ")")
                    .params(params)
                    .update();
        }
        long events = 0;
        for (List<String> batch : Sql.batches(erased.conversationIds(), BATCH)) {
            events += scrub(ws, mode, "conversation_id", batch, slots);
        }
        for (List<String> batch : Sql.batches(List.copyOf(sessions), BATCH)) {
            events += scrub(ws, mode, "session_id", batch, slots);
        }
        rollups.purge(ws, mode, slots, List.copyOf(sessions));
        erased.tally().add("analytics.conversations_anonymized", conversations);
        erased.tally().add("analytics.events_scrubbed", events);
    }

    /** Scrubs the events of those ids, adding to {@code slots} the quarter hours of their gaps and visitors' events. */
    private long scrub(String ws, Mode mode, String column, List<String> ids, List<Long> slots) {
        record Row(String id, EventType type, String data, long slot) {}
        List<Row> rows = jdbc.sql("SELECT id, type, data, slot FROM analytics_events WHERE workspace_id = ?"
                        + " AND mode = ? AND " + column + " IN (" + Sql.placeholders(ids.size()) + ")")
                .params(Sql.scoped(ws, mode, ids))
                .query((rs, i) -> new Row(
                        rs.getString("id"),
                        EventType.parse(rs.getString("type")),
                        rs.getString("data"),
                        rs.getLong("slot")))
                .list();
        long changed = 0;
        for (Row row : rows) {
            JsonNode data = json.readTree(row.data());
            ObjectNode kept = json.createObjectNode();
            boolean client = row.type() == EventType.Kind.CLIENT;
            for (Map.Entry<String, JsonNode> field : data.properties()) {
                JsonNode value = field.getValue();
                boolean keep = client ? value.isNumber() || value.isBoolean() : !PERSONAL.contains(field.getKey());
                if (keep) {
                    kept.set(field.getKey(), value);
                }
            }
            boolean gap = row.type().equals(EventType.GAP);
            if (gap || client) {
                slots.add(row.slot());
            }
            if (!kept.equals(data) || gap) {
                // A gap's name is the customer's question: erased with the rest.
                changed += jdbc.sql(
                                "UPDATE analytics_events SET data = ?" + (gap ? ", name = NULL" : "") + " WHERE id = ?")
                        .params(json.writeValueAsString(kept), row.id())
                        .update();
            }
        }
        return changed;
    }

    @Override
    public Export export(String workspaceId, Mode mode, List<String> conversationIds) {
        List<ConversationFigures> conversations = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (List<String> batch : Sql.batches(conversationIds, BATCH)) {
            List<Object> params = Sql.scoped(workspaceId, mode, batch);
            conversations.addAll(jdbc.sql("""
                            SELECT conversation_id, channel, session_id, created_at, first_query, intent, sentiment,
                                messages_in, messages_out, escalated_at, resolved_at, resolution_type, csat
                              FROM analytics_conversations WHERE workspace_id = ? AND mode = ? AND conversation_id IN (""" + Sql.placeholders(batch.size()) + ") ORDER BY created_at")
                    .params(params)
                    .query((rs, i) -> {
                        int csat = rs.getInt("csat");
                        Integer score = rs.wasNull() ? null : csat;
                        return new ConversationFigures(
                                rs.getString("conversation_id"),
                                rs.getString("channel"),
                                rs.getString("session_id"),
                                Sql.instant(rs, "created_at"),
                                rs.getString("first_query"),
                                rs.getString("intent"),
                                rs.getString("sentiment"),
                                rs.getInt("messages_in"),
                                rs.getInt("messages_out"),
                                Sql.instant(rs, "escalated_at"),
                                Sql.instant(rs, "resolved_at"),
                                rs.getString("resolution_type"),
                                score);
                    })
                    .list());
            events.addAll(
                    jdbc.sql("SELECT type, name, occurred_at, conversation_id, session_id, data FROM analytics_events"
                                    + " WHERE workspace_id = ? AND mode = ? AND conversation_id IN ("
                                    + Sql.placeholders(batch.size())
                                    + ")"
                                    + " ORDER BY occurred_at, seq")
                            .params(params)
                            .query((rs, i) -> new Event(
                                    rs.getString("type"),
                                    rs.getString("name"),
                                    Sql.instant(rs, "occurred_at"),
                                    rs.getString("conversation_id"),
                                    rs.getString("session_id"),
                                    json.readTree(rs.getString("data"))))
                            .list());
        }
        return new Export(conversations, events);
    }
}
