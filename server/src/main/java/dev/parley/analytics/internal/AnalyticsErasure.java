package dev.parley.analytics.internal;

import dev.parley.analytics.CustomerAnalytics;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analytics' side of privacy. Erasing anonymizes rather than deletes, so every count and average stays: the
 * conversations lose their contact and first question, the events of those conversations and their sessions lose
 * every text that came from a person (a gap's query, a comment, a user id), and clients' own events keep only their
 * numbers and flags.
 */
@Component
class AnalyticsErasure implements CustomerAnalytics {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
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
        record Row(String id, String type, String data, long slot) {}
        List<Row> rows = jdbc.sql("SELECT id, type, data, slot FROM analytics_events WHERE workspace_id = ?"
                        + " AND mode = ? AND " + column + " IN (" + Sql.placeholders(ids.size()) + ")")
                .params(Sql.scoped(ws, mode, ids))
                .query((rs, i) ->
                        new Row(rs.getString("id"), rs.getString("type"), rs.getString("data"), rs.getLong("slot")))
                .list();
        long changed = 0;
        for (Row row : rows) {
            Map<String, Object> data = json.readValue(row.data(), OBJECT);
            Map<String, Object> kept = new LinkedHashMap<>();
            boolean client = row.type().equals("client");
            data.forEach((key, value) -> {
                boolean keep = client ? value instanceof Number || value instanceof Boolean : !PERSONAL.contains(key);
                if (keep) {
                    kept.put(key, value);
                }
            });
            boolean gap = row.type().equals("knowledge.gap_found");
            if (gap || client) {
                slots.add(row.slot());
            }
            if (!kept.equals(data) || gap) {
                changed += jdbc.sql("UPDATE analytics_events SET data = ?,"
                                + " name = CASE WHEN type = 'knowledge.gap_found' THEN NULL ELSE name END WHERE id = ?")
                        .params(json.writeValueAsString(kept), row.id())
                        .update();
            }
        }
        return changed;
    }

    @Override
    public Map<String, Object> export(String workspaceId, Mode mode, List<String> conversationIds) {
        List<Map<String, Object>> conversations = new ArrayList<>();
        List<Map<String, Object>> events = new ArrayList<>();
        for (List<String> batch : Sql.batches(conversationIds, BATCH)) {
            List<Object> params = Sql.scoped(workspaceId, mode, batch);
            conversations.addAll(jdbc.sql("""
                            SELECT conversation_id, channel, session_id, created_at, first_query, intent, sentiment,
                                messages_in, messages_out, escalated_at, resolved_at, resolution_type, csat
                              FROM analytics_conversations WHERE workspace_id = ? AND mode = ? AND conversation_id IN (""" + Sql.placeholders(batch.size()) + ") ORDER BY created_at")
                    .params(params)
                    .query((rs, i) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("conversation_id", rs.getString("conversation_id"));
                        row.put("channel", rs.getString("channel"));
                        row.put("session_id", rs.getString("session_id"));
                        row.put("created_at", Sql.instant(rs, "created_at"));
                        row.put("first_query", rs.getString("first_query"));
                        row.put("intent", rs.getString("intent"));
                        row.put("sentiment", rs.getString("sentiment"));
                        row.put("messages_in", rs.getInt("messages_in"));
                        row.put("messages_out", rs.getInt("messages_out"));
                        row.put("escalated_at", Sql.instant(rs, "escalated_at"));
                        row.put("resolved_at", Sql.instant(rs, "resolved_at"));
                        row.put("resolution_type", rs.getString("resolution_type"));
                        int csat = rs.getInt("csat");
                        row.put("csat", rs.wasNull() ? null : csat);
                        return row;
                    })
                    .list());
            events.addAll(jdbc.sql(
                            "SELECT type, name, occurred_at, conversation_id, session_id, data FROM analytics_events"
                                    + " WHERE workspace_id = ? AND mode = ? AND conversation_id IN ("
                                    + Sql.placeholders(batch.size())
                                    + ")"
                                    + " ORDER BY occurred_at, seq")
                    .params(params)
                    .query((rs, i) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("type", rs.getString("type"));
                        row.put("name", rs.getString("name"));
                        row.put("occurred_at", Sql.instant(rs, "occurred_at"));
                        row.put("conversation_id", rs.getString("conversation_id"));
                        row.put("session_id", rs.getString("session_id"));
                        row.put("data", json.readValue(rs.getString("data"), OBJECT));
                        return row;
                    })
                    .list());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversations", conversations);
        out.put("events", events);
        return out;
    }
}
