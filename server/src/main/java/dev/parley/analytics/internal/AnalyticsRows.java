package dev.parley.analytics.internal;

import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.platform.ThisTransaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event log ({@code analytics_events}) and the per-conversation rows kept from it. Every read is scoped to a workspace and mode; the
 * per-conversation updates go by conversation id, which the fact being recorded already proved belongs to its
 * workspace.
 */
@Repository
class AnalyticsRows {

    /** Reports group time in quarter hours, which every time zone's offset is a whole number of. */
    static final int SLOT_SECONDS = 900;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    static final String AUTOMATED = "escalated_at IS NULL AND assigned_at IS NULL AND first_agent_response_at IS NULL";

    static final String TOTALS = """
            COUNT(*) AS conversations,
            SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS automated,
            SUM(CASE WHEN escalated_at IS NOT NULL THEN 1 ELSE 0 END) AS escalated,
            SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
            SUM(CASE WHEN resolved_at IS NOT NULL AND %1$s THEN 1 ELSE 0 END) AS ai_resolved,
            SUM(CASE WHEN resolved_at IS NOT NULL AND NOT reopened THEN 1 ELSE 0 END) AS first_contact,
            SUM(CASE WHEN resolved_at IS NOT NULL THEN resolution_seconds ELSE 0 END) AS resolution_seconds,
            SUM(CASE WHEN agent_response_seconds IS NOT NULL THEN 1 ELSE 0 END) AS agent_responses,
            SUM(CASE WHEN agent_response_seconds IS NOT NULL THEN agent_response_seconds ELSE 0 END)
                AS agent_response_seconds,
            SUM(turns) AS turns,
            SUM(turn_millis) AS turn_millis,
            SUM(CASE WHEN csat IS NOT NULL THEN 1 ELSE 0 END) AS csat_count,
            SUM(CASE WHEN csat IS NOT NULL THEN csat ELSE 0 END) AS csat_sum,
            SUM(messages_in + messages_out) AS messages""".formatted(AUTOMATED);

    /** The columns of {@link #TOTALS}, in order, as {@code analytics_slot_totals} holds them. */
    static final String TOTAL_COLUMNS = "conversations, automated, escalated, resolved, ai_resolved, first_contact,"
            + " resolution_seconds, agent_responses, agent_response_seconds, turns, turn_millis, csat_count, csat_sum,"
            + " messages";

    /** Sums of {@link #TOTAL_COLUMNS} under the same names. */
    private static final String SUM_TOTALS = java.util.Arrays.stream(TOTAL_COLUMNS.split(","))
            .map(String::strip)
            .map(c -> "SUM(" + c + ") AS " + c)
            .collect(java.util.stream.Collectors.joining(", "));

    private static final String INSERT_EVENT = """
            INSERT INTO analytics_events (id, workspace_id, mode, type, name, amount, occurred_at, slot,
                conversation_id, session_id, agent_id, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final Rollups rollups;

    AnalyticsRows(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json, Rollups rollups) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.rollups = rollups;
    }

    // ---- recording -------------------------------------------------------------------------------------------

    /**
     * What a transaction records, written just before it commits: its event rows in one batch, and each conversation's
     * counters in one statement (an INSERT for a conversation opened in the transaction, an UPDATE otherwise). A turn
     * records about eight facts, which were eight statements. Any other change of a conversation's row writes what is
     * pending for that conversation first, so the row takes the facts in the order they happened. Outside a
     * transaction each fact is written at once.
     */
    private final class Pending implements TransactionSynchronization {

        private final List<Object[]> events = new ArrayList<>();
        private final Map<String, Counters> conversations = new LinkedHashMap<>();

        AnalyticsRows rows() {
            return AnalyticsRows.this;
        }

        /** The conversation's pending counters, after writing them first if they already hold a fact of this kind. */
        Counters counters(String conversationId, java.util.function.Predicate<Counters> holds) {
            Counters counters = conversations.get(conversationId);
            if (counters != null && holds.test(counters)) {
                write(conversationId);
                counters = null;
            }
            return counters != null ? counters : conversations.computeIfAbsent(conversationId, Counters::new);
        }

        void write(String conversationId) {
            Counters counters = conversations.remove(conversationId);
            if (counters != null) {
                AnalyticsRows.this.write(counters);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (Counters counters : conversations.values()) {
                AnalyticsRows.this.write(counters);
            }
            conversations.clear();
            if (!events.isEmpty()) {
                batches.batchUpdate(INSERT_EVENT, events);
                events.clear();
            }
        }
    }

    /** One conversation's row as this transaction's facts change it. */
    private static final class Counters {
        final String conversationId;
        Opened opened;
        boolean wrote;
        Instant firstMessageAt;
        String firstQuery;
        int repliesOut;
        Instant firstResponseAt;
        boolean answered;
        long turnMillis;
        String contactId;
        String intent;
        String sentiment;

        Counters(String conversationId) {
            this.conversationId = conversationId;
        }
    }

    private record Opened(String workspaceId, Mode mode, String channel, Instant at) {}

    /** This transaction's pending facts, or {@code null} outside a transaction (facts are then written at once). */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        return ThisTransaction.kept(Pending.class, pending -> pending.rows() == this, Pending::new)
                .orElse(null);
    }

    /** Writes what this transaction has pending for the conversation, before its row changes otherwise. */
    private void writePending(String conversationId) {
        Pending pending = pending();
        if (pending != null) {
            pending.write(conversationId);
        }
    }

    private void write(Counters c) {
        if (c.opened != null) {
            try {
                jdbc.sql("""
                                INSERT INTO analytics_conversations (conversation_id, workspace_id, mode, channel,
                                    created_at, created_slot, messages_in, messages_out, turns, turn_millis, reopened,
                                    first_message_at, first_query, first_response_at, contact_id, intent, sentiment)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                c.conversationId,
                                c.opened.workspaceId(),
                                c.opened.mode().wire(),
                                c.opened.channel(),
                                Sql.timestamp(c.opened.at()),
                                slot(c.opened.at()),
                                c.wrote ? 1 : 0,
                                c.repliesOut,
                                c.answered ? 1 : 0,
                                c.turnMillis,
                                c.firstMessageAt == null ? null : Sql.timestamp(c.firstMessageAt),
                                c.firstQuery,
                                c.firstResponseAt == null ? null : Sql.timestamp(c.firstResponseAt),
                                c.contactId,
                                c.intent,
                                c.sentiment)
                        .update();
                return;
            } catch (DuplicateKeyException again) {
                // A conversation opened twice is counted once; the other facts still count.
            }
        }
        jdbc.sql("""
                        UPDATE analytics_conversations SET messages_in = messages_in + ?,
                            first_message_at = COALESCE(first_message_at, ?),
                            first_query = COALESCE(first_query, ?),
                            reopened = CASE WHEN ? AND resolved_at IS NOT NULL AND closed_at IS NULL THEN TRUE
                                ELSE reopened END,
                            messages_out = messages_out + ?,
                            first_response_at = COALESCE(first_response_at, ?),
                            turns = turns + ?, turn_millis = turn_millis + ?,
                            contact_id = COALESCE(contact_id, ?),
                            intent = CASE WHEN intent IS NULL OR intent IN ('other', 'greeting') THEN COALESCE(?, intent)
                                ELSE intent END,
                            sentiment = COALESCE(?, sentiment)
                        WHERE conversation_id = ?""")
                .params(
                        c.wrote ? 1 : 0,
                        c.firstMessageAt == null ? null : Sql.timestamp(c.firstMessageAt),
                        c.firstQuery,
                        c.wrote,
                        c.repliesOut,
                        c.firstResponseAt == null ? null : Sql.timestamp(c.firstResponseAt),
                        c.answered ? 1 : 0,
                        c.turnMillis,
                        c.contactId,
                        c.intent,
                        c.sentiment,
                        c.conversationId)
                .update();
    }

    void event(
            String workspaceId,
            Mode mode,
            EventType type,
            String name,
            Double amount,
            Instant at,
            String conversationId,
            String sessionId,
            String agentId,
            Object data) {
        Object[] row = {
            Ids.next("evt"),
            workspaceId,
            mode.wire(),
            type.wire(),
            name,
            amount,
            Sql.timestamp(at),
            slot(at),
            conversationId,
            sessionId,
            agentId,
            json.writeValueAsString(data)
        };
        Pending pending = pending();
        if (pending != null) {
            pending.events.add(row);
        } else {
            jdbc.sql(INSERT_EVENT).params(row).update();
        }
        rollups.mark(workspaceId, mode, slot(at));
    }

    /** A client's own event (seed 004), with the columns the journey and funnel reports read. */
    record ClientEvent(
            String id,
            String type,
            Double amount,
            Instant at,
            String sessionId,
            String step,
            String visitorId,
            String domain,
            Map<String, Object> data) {}

    void clientEvent(String workspaceId, Mode mode, ClientEvent e) {
        jdbc.sql("""
                        INSERT INTO analytics_events (id, workspace_id, mode, type, name, amount, occurred_at, slot,
                            session_id, step, visitor_id, domain, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.id(),
                        workspaceId,
                        mode.wire(),
                        EventType.Kind.CLIENT.wire(),
                        e.type(),
                        e.amount(),
                        Sql.timestamp(e.at()),
                        slot(e.at()),
                        e.sessionId(),
                        e.step(),
                        e.visitorId(),
                        e.domain(),
                        json.writeValueAsString(e.data()))
                .update();
        rollups.mark(workspaceId, mode, slot(e.at()));
    }

    void opened(String workspaceId, Mode mode, String conversationId, String channel, Instant at) {
        Pending pending = pending();
        if (pending != null) {
            pending.counters(conversationId, c -> true).opened = new Opened(workspaceId, mode, channel, at);
            rollups.markOpened(workspaceId, mode, slot(at), conversationId);
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO analytics_conversations (conversation_id, workspace_id, mode, channel, created_at,
                                created_slot, messages_in, messages_out, turns, turn_millis, reopened)
                            VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, FALSE)""")
                    .params(conversationId, workspaceId, mode.wire(), channel, Sql.timestamp(at), slot(at))
                    .update();
            rollups.markOpened(workspaceId, mode, slot(at), conversationId);
        } catch (DuplicateKeyException again) {
            // A fact recorded twice is counted once.
        }
    }

    void customerWrote(String conversationId, String query, Instant at) {
        Pending pending = pending();
        if (pending != null) {
            Counters counters = pending.counters(conversationId, c -> c.wrote);
            counters.wrote = true;
            counters.firstMessageAt = at;
            counters.firstQuery = query;
            rollups.markConversation(conversationId);
            return;
        }
        jdbc.sql("""
                        UPDATE analytics_conversations SET messages_in = messages_in + 1,
                            first_message_at = COALESCE(first_message_at, ?),
                            first_query = COALESCE(first_query, ?),
                            reopened = CASE WHEN resolved_at IS NOT NULL AND closed_at IS NULL THEN TRUE ELSE reopened END
                        WHERE conversation_id = ?""").params(Sql.timestamp(at), query, conversationId).update();
        rollups.markConversation(conversationId);
    }

    void replied(String conversationId, boolean byAgent, Instant at) {
        Pending pending = pending();
        if (pending != null && !byAgent) {
            Counters counters = pending.counters(conversationId, c -> c.repliesOut > 0);
            counters.repliesOut = 1;
            counters.firstResponseAt = at;
            rollups.markConversation(conversationId);
            return;
        }
        writePending(conversationId);
        jdbc.sql("""
                        UPDATE analytics_conversations SET messages_out = messages_out + 1,
                            first_response_at = COALESCE(first_response_at, ?)
                        WHERE conversation_id = ?""").params(Sql.timestamp(at), conversationId).update();
        if (byAgent) {
            moments(conversationId)
                    .filter(m -> m.firstAgentResponse() == null)
                    .ifPresent(m -> jdbc.sql("""
                                    UPDATE analytics_conversations SET first_agent_response_at = ?,
                                        agent_response_seconds = ?
                                    WHERE conversation_id = ?""")
                            .params(Sql.timestamp(at), Math.max(0, seconds(m.waitingSince(), at)), conversationId)
                            .update());
        }
        rollups.markConversation(conversationId);
    }

    /** When a conversation started and began waiting for a person, to measure what follows from them. */
    private record Moments(Instant created, Instant escalated, Instant assigned, Instant firstAgentResponse) {
        Instant waitingSince() {
            return assigned != null ? assigned : escalated != null ? escalated : created;
        }
    }

    private Optional<Moments> moments(String conversationId) {
        return jdbc.sql("""
                        SELECT created_at, escalated_at, assigned_at, first_agent_response_at
                        FROM analytics_conversations WHERE conversation_id = ?""")
                .param(conversationId)
                .query((rs, i) -> new Moments(
                        Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "escalated_at"),
                        Sql.instant(rs, "assigned_at"),
                        Sql.instant(rs, "first_agent_response_at")))
                .optional();
    }

    private static long seconds(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toSeconds();
    }

    /** The quarter hour an instant falls in, counted from the epoch. */
    static long slot(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SLOT_SECONDS);
    }

    void answered(String conversationId, String contactId, String intent, String sentiment, long millis) {
        Pending pending = pending();
        if (pending != null) {
            Counters counters = pending.counters(conversationId, c -> c.answered);
            counters.answered = true;
            counters.turnMillis = millis;
            counters.contactId = contactId;
            counters.intent = intent;
            counters.sentiment = sentiment;
            rollups.markConversation(conversationId);
            return;
        }
        jdbc.sql("""
                        UPDATE analytics_conversations SET turns = turns + 1, turn_millis = turn_millis + ?,
                            contact_id = COALESCE(contact_id, ?),
                            intent = CASE WHEN intent IS NULL OR intent IN ('other', 'greeting') THEN COALESCE(?, intent)
                                ELSE intent END,
                            sentiment = COALESCE(?, sentiment)
                        WHERE conversation_id = ?""")
                .params(millis, contactId, intent, sentiment, conversationId)
                .update();
        rollups.markConversation(conversationId);
    }

    void escalated(String conversationId, Instant at) {
        writePending(conversationId);
        jdbc.sql(
                        "UPDATE analytics_conversations SET escalated_at = COALESCE(escalated_at, ?) WHERE conversation_id = ?")
                .params(Sql.timestamp(at), conversationId)
                .update();
        rollups.markConversation(conversationId);
    }

    void assigned(String conversationId, String agentId, Instant at) {
        if (agentId == null) {
            return;
        }
        writePending(conversationId);
        jdbc.sql("""
                        UPDATE analytics_conversations SET assigned_agent = ?, assigned_at = COALESCE(assigned_at, ?)
                        WHERE conversation_id = ?""").params(agentId, Sql.timestamp(at), conversationId).update();
        rollups.markConversation(conversationId);
    }

    void resolved(String conversationId, String type, Integer csat, Instant at) {
        writePending(conversationId);
        moments(conversationId)
                .ifPresent(m -> jdbc.sql("""
                        UPDATE analytics_conversations SET resolved_at = ?, resolution_type = ?, resolution_seconds = ?,
                            csat = COALESCE(?, csat)
                        WHERE conversation_id = ?""")
                        .params(Sql.timestamp(at), type, Math.max(0, seconds(m.created(), at)), csat, conversationId)
                        .update());
        rollups.markConversation(conversationId);
    }

    void closed(String conversationId, Instant at) {
        writePending(conversationId);
        jdbc.sql("UPDATE analytics_conversations SET closed_at = COALESCE(closed_at, ?) WHERE conversation_id = ?")
                .params(Sql.timestamp(at), conversationId)
                .update();
    }

    void rated(String conversationId, Integer rating) {
        if (rating == null) {
            return;
        }
        writePending(conversationId);
        jdbc.sql("UPDATE analytics_conversations SET csat = ? WHERE conversation_id = ?")
                .params(rating, conversationId)
                .update();
        rollups.markConversation(conversationId);
    }

    void sessionOf(String conversationId, String sessionId) {
        writePending(conversationId);
        jdbc.sql("UPDATE analytics_conversations SET session_id = ? WHERE conversation_id = ?")
                .params(sessionId, conversationId)
                .update();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** What a set of conversations adds up to; averages are taken from these sums. */
    record Totals(
            long conversations,
            long automated,
            long escalated,
            long resolved,
            long aiResolved,
            long firstContact,
            double resolutionSeconds,
            long agentResponses,
            double agentResponseSeconds,
            long turns,
            long turnMillis,
            long csatCount,
            long csatSum,
            long messages,
            long customers) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Totals withCustomers(long count) {
            return new Totals(
                    conversations,
                    automated,
                    escalated,
                    resolved,
                    aiResolved,
                    firstContact,
                    resolutionSeconds,
                    agentResponses,
                    agentResponseSeconds,
                    turns,
                    turnMillis,
                    csatCount,
                    csatSum,
                    messages,
                    count);
        }

        /** Sums two sets; {@code customers} is only counted for a whole period, never summed. */
        Totals plus(Totals o) {
            return new Totals(
                    conversations + o.conversations,
                    automated + o.automated,
                    escalated + o.escalated,
                    resolved + o.resolved,
                    aiResolved + o.aiResolved,
                    firstContact + o.firstContact,
                    resolutionSeconds + o.resolutionSeconds,
                    agentResponses + o.agentResponses,
                    agentResponseSeconds + o.agentResponseSeconds,
                    turns + o.turns,
                    turnMillis + o.turnMillis,
                    csatCount + o.csatCount,
                    csatSum + o.csatSum,
                    messages + o.messages,
                    customers + o.customers);
        }

        static Totals read(ResultSet rs) throws SQLException {
            return new Totals(
                    rs.getLong("conversations"),
                    rs.getLong("automated"),
                    rs.getLong("escalated"),
                    rs.getLong("resolved"),
                    rs.getLong("ai_resolved"),
                    rs.getLong("first_contact"),
                    rs.getDouble("resolution_seconds"),
                    rs.getLong("agent_responses"),
                    rs.getDouble("agent_response_seconds"),
                    rs.getLong("turns"),
                    rs.getLong("turn_millis"),
                    rs.getLong("csat_count"),
                    rs.getLong("csat_sum"),
                    rs.getLong("messages"),
                    0);
        }
    }

    record Slot(long slot, Totals totals) {}

    /** Conversations started in [from, to), added up per quarter hour of their start. */
    List<Slot> slots(String workspaceId, Mode mode, Instant from, Instant to) {
        Split split = split(workspaceId, mode, from, to, SLOT_SECONDS);
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        String rollup = split.rollup("slot", params);
        params.addAll(List.of(workspaceId, mode.wire()));
        String raw = split.raw("created_at", params);
        return jdbc.sql("SELECT slot, " + TOTAL_COLUMNS
                        + " FROM analytics_slot_totals WHERE workspace_id = ? AND mode = ? AND " + rollup
                        + " UNION ALL SELECT created_slot AS slot, " + TOTALS
                        + " FROM analytics_conversations WHERE workspace_id = ? AND mode = ? AND " + raw
                        + " GROUP BY created_slot")
                .params(params)
                .query((rs, i) -> new Slot(rs.getLong("slot"), Totals.read(rs)))
                .list();
    }

    /** Conversations started in [from, to), added up in one row. */
    Totals totals(String workspaceId, Mode mode, Instant from, Instant to) {
        Split split = split(workspaceId, mode, from, to, SLOT_SECONDS);
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        String rollup = split.rollup("slot", params);
        params.addAll(List.of(workspaceId, mode.wire()));
        String raw = split.raw("created_at", params);
        return jdbc.sql("SELECT " + SUM_TOTALS + " FROM (SELECT " + TOTAL_COLUMNS
                        + " FROM analytics_slot_totals WHERE workspace_id = ? AND mode = ? AND " + rollup
                        + " UNION ALL SELECT " + TOTALS
                        + " FROM analytics_conversations WHERE workspace_id = ? AND mode = ? AND " + raw + ") t")
                .params(params)
                .query((rs, i) -> Totals.read(rs))
                .single();
    }

    /** The customers (contacts, or the conversation itself while anonymous) of conversations started in [from, to). */
    long customers(String workspaceId, Mode mode, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT COUNT(DISTINCT COALESCE(contact_id, conversation_id)) FROM analytics_conversations
                        WHERE workspace_id = ? AND mode = ? AND created_at >= ? AND created_at < ?""")
                .params(workspaceId, mode.wire(), Sql.timestamp(from), Sql.timestamp(to))
                .query(Long.class)
                .single();
    }

    /** How many conversations (and of them automated) had an intent and a sentiment. */
    record Mix(String intent, String sentiment, long conversations, long automated) {}

    /** Conversations started in [from, to), counted per intent and sentiment together. */
    List<Mix> mix(String workspaceId, Mode mode, Instant from, Instant to) {
        Split split = split(workspaceId, mode, from, to, Rollups.DAY_SECONDS);
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        String rollup = split.rollup("utc_day", params);
        params.addAll(List.of(workspaceId, mode.wire()));
        String raw = split.raw("created_at", params);
        return jdbc.sql("SELECT intent, sentiment, SUM(c) AS n, SUM(a) AS automated FROM ("
                        + "SELECT NULLIF(intent, '') AS intent, NULLIF(sentiment, '') AS sentiment, conversations AS c,"
                        + " automated AS a FROM analytics_day_mix WHERE workspace_id = ? AND mode = ? AND " + rollup
                        + " UNION ALL SELECT intent, sentiment, 1, CASE WHEN " + AUTOMATED + " THEN 1 ELSE 0 END"
                        + " FROM analytics_conversations WHERE workspace_id = ? AND mode = ? AND " + raw
                        + ") m GROUP BY intent, sentiment")
                .params(params)
                .query((rs, i) -> new Mix(
                        rs.getString("intent"), rs.getString("sentiment"), rs.getLong("n"), rs.getLong("automated")))
                .list();
    }

    record Count(String key, long count, double average) {}

    /** The most frequent first questions of conversations started in [from, to). */
    List<Count> topQueries(String workspaceId, Mode mode, Instant from, Instant to, int limit) {
        Split split = split(workspaceId, mode, from, to, Rollups.DAY_SECONDS);
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        String rollup = split.rollup("utc_day", params);
        params.addAll(List.of(workspaceId, mode.wire()));
        String raw = split.raw("created_at", params);
        params.add(limit);
        return jdbc.sql(
                        "SELECT q, SUM(c) AS n FROM (SELECT first_query AS q, conversations AS c FROM analytics_day_queries"
                                + " WHERE workspace_id = ? AND mode = ? AND " + rollup
                                + " UNION ALL SELECT first_query, 1 FROM analytics_conversations"
                                + " WHERE workspace_id = ? AND mode = ? AND " + raw + " AND first_query IS NOT NULL"
                                + ") x GROUP BY q ORDER BY n DESC, q LIMIT ?")
                .params(params)
                .query((rs, i) -> new Count(rs.getString("q"), rs.getLong("n"), 0))
                .list();
    }

    /** Events of one type in [from, to), counted per name, most frequent first, with the average amount. */
    List<Count> named(String workspaceId, Mode mode, EventType type, Instant from, Instant to, int limit) {
        Split split = split(workspaceId, mode, from, to, SLOT_SECONDS);
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire(), type.wire()));
        String rollup = split.rollup("slot", params);
        params.addAll(List.of(workspaceId, mode.wire(), type.wire()));
        String raw = split.raw("occurred_at", params);
        params.add(limit);
        return jdbc.sql("SELECT name, SUM(c) AS n, SUM(s) / NULLIF(SUM(k), 0) AS average FROM ("
                        + "SELECT name, events AS c, amounts AS k, amount_sum AS s FROM analytics_slot_events"
                        + " WHERE workspace_id = ? AND mode = ? AND type = ? AND " + rollup + " AND name <> ''"
                        + " UNION ALL SELECT name, 1, CASE WHEN amount IS NULL THEN 0 ELSE 1 END, COALESCE(amount, 0)"
                        + " FROM analytics_events WHERE workspace_id = ? AND mode = ? AND type = ? AND " + raw
                        + " AND name IS NOT NULL) e GROUP BY name ORDER BY n DESC, name LIMIT ?")
                .params(params)
                .query((rs, i) -> new Count(rs.getString("name"), rs.getLong("n"), rs.getDouble("average")))
                .list();
    }

    record SlotCount(long slot, long count) {}

    /** Events of one type in [from, to), counted per quarter hour. */
    List<SlotCount> eventSlots(String workspaceId, Mode mode, EventType type, Instant from, Instant to) {
        Split split = split(workspaceId, mode, from, to, SLOT_SECONDS);
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire(), type.wire()));
        String rollup = split.rollup("slot", params);
        params.addAll(List.of(workspaceId, mode.wire(), type.wire()));
        String raw = split.raw("occurred_at", params);
        return jdbc.sql("SELECT slot, SUM(c) AS n FROM (SELECT slot, events AS c FROM analytics_slot_events"
                        + " WHERE workspace_id = ? AND mode = ? AND type = ? AND " + rollup
                        + " UNION ALL SELECT slot, 1 FROM analytics_events WHERE workspace_id = ? AND mode = ?"
                        + " AND type = ? AND " + raw + ") e GROUP BY slot")
                .params(params)
                .query((rs, i) -> new SlotCount(rs.getLong("slot"), rs.getLong("n")))
                .list();
    }

    /** Beyond this many marked buckets in a period (say, right after a backfill), the whole period is read raw. */
    private static final int MOST_MARKED = 400;

    /**
     * A period cut for reading: its whole buckets [from, to) of {@code bucketSeconds} from a rollup, except those
     * still marked for refresh; those and the period's ragged ends from the raw rows, as instant ranges.
     */
    private record Split(long from, long to, Set<Long> marked, List<Instant[]> raw) {

        String rollup(String column, List<Object> params) {
            if (from >= to) {
                return "1 = 0";
            }
            params.add(from);
            params.add(to);
            params.addAll(marked);
            return column + " >= ? AND " + column + " < ?"
                    + (marked.isEmpty() ? "" : " AND " + column + " NOT IN (" + Sql.placeholders(marked.size()) + ")");
        }

        String raw(String column, List<Object> params) {
            if (raw.isEmpty()) {
                return "1 = 0";
            }
            List<String> ranges = new ArrayList<>();
            for (Instant[] range : raw) {
                params.add(Sql.timestamp(range[0]));
                params.add(Sql.timestamp(range[1]));
                ranges.add(column + " >= ? AND " + column + " < ?");
            }
            return "((" + String.join(") OR (", ranges) + "))";
        }
    }

    private Split split(String workspaceId, Mode mode, Instant start, Instant end, long bucketSeconds) {
        long from = Math.ceilDiv(start.getEpochSecond() + (start.getNano() > 0 ? 1 : 0), bucketSeconds);
        long to = Math.floorDiv(end.getEpochSecond(), bucketSeconds);
        List<Instant[]> raw = new ArrayList<>();
        if (from >= to) {
            raw.add(new Instant[] {start, end});
            return new Split(0, 0, Set.of(), raw);
        }
        long slotsPerBucket = bucketSeconds / SLOT_SECONDS;
        TreeSet<Long> marked = new TreeSet<>();
        for (long slot : rollups.marked(workspaceId, mode, from * slotsPerBucket, to * slotsPerBucket)) {
            marked.add(Math.floorDiv(slot, slotsPerBucket));
        }
        if (marked.size() > MOST_MARKED) {
            raw.add(new Instant[] {start, end});
            return new Split(0, 0, Set.of(), raw);
        }
        addRange(raw, start, Instant.ofEpochSecond(from * bucketSeconds));
        for (long[] run : Rollups.runs(marked)) {
            addRange(raw, Instant.ofEpochSecond(run[0] * bucketSeconds), Instant.ofEpochSecond(run[1] * bucketSeconds));
        }
        addRange(raw, Instant.ofEpochSecond(to * bucketSeconds), end);
        return new Split(from, to, marked, raw);
    }

    private static void addRange(List<Instant[]> ranges, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return;
        }
        if (!ranges.isEmpty() && ranges.getLast()[1].equals(from)) {
            ranges.getLast()[1] = to;
        } else {
            ranges.add(new Instant[] {from, to});
        }
    }

    /** A row of the event log as the session report reads it. */
    record Stored(
            EventType type,
            String name,
            Double amount,
            Instant at,
            String conversationId,
            String sessionId,
            Map<String, Object> data) {}

    /** One step of a visitor's session, as the journey and funnel reports read it. */
    record Step(String sessionId, String name, String step, String visitorId, Instant at, long seq, String domain) {}

    /** A session's steps in the order they were recorded. */
    static final java.util.Comparator<Step> IN_ORDER =
            java.util.Comparator.comparing(Step::at).thenComparingLong(Step::seq);

    static final String STEP_COLUMNS = "session_id, name, step, visitor_id, occurred_at, seq, domain";

    static Step step(ResultSet rs, int row) throws SQLException {
        return new Step(
                rs.getString("session_id"),
                rs.getString("name"),
                rs.getString("step"),
                rs.getString("visitor_id"),
                Sql.instant(rs, "occurred_at"),
                rs.getLong("seq"),
                rs.getString("domain"));
    }

    /** The visits of these steps: grouped by session, each session's in order. */
    static List<Visit> visitsOf(List<Step> steps) {
        Map<String, List<Step>> sessions = new java.util.HashMap<>();
        for (Step step : steps) {
            sessions.computeIfAbsent(step.sessionId(), k -> new ArrayList<>()).add(step);
        }
        List<Visit> visits = new ArrayList<>();
        sessions.forEach((session, list) -> {
            list.sort(IN_ORDER);
            visits.add(Visit.of(session, list));
        });
        return visits;
    }

    /**
     * The visitors' sessions in [from, to), only their events of {@code domain} when given: from {@code
     * analytics_visits} when all of a session lies in the period's unmarked quarter hours, else from its events.
     */
    List<Visit> visits(String workspaceId, Mode mode, Instant from, Instant to, String domain) {
        boolean byDomain = domain != null && !domain.isBlank();
        String key = byDomain ? domain.strip().toLowerCase(java.util.Locale.ROOT) : "";
        Split split = split(workspaceId, mode, from, to, SLOT_SECONDS);
        if (split.from() >= split.to()) {
            return visitsOf(clientSteps(workspaceId, mode, from, to, domain));
        }
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire(), EventType.Kind.CLIENT.wire()));
        String raw = split.raw("occurred_at", params);
        if (byDomain) {
            params.add(key);
        }
        Set<String> rawSessions = new java.util.HashSet<>(
                jdbc.sql("SELECT DISTINCT session_id FROM analytics_events WHERE workspace_id = ? AND mode = ?"
                                + " AND type = ? AND " + raw + (byDomain ? " AND domain = ?" : ""))
                        .params(params)
                        .query(String.class)
                        .list());
        record Stored(Visit visit) {}
        List<Stored> rows = jdbc.sql("""
                        SELECT session_id, first_slot, last_slot, first_at, path, purchase, visitor_id, converted_at,
                            stages
                        FROM analytics_visits
                        WHERE workspace_id = ? AND mode = ? AND domain = ? AND last_slot >= ? AND first_slot < ?""")
                .params(workspaceId, mode.wire(), key, split.from(), split.to())
                .query((rs, i) -> new Stored(new Visit(
                        rs.getString("session_id"),
                        json.readValue(rs.getString("path"), PATH),
                        rs.getBoolean("purchase"),
                        rs.getString("visitor_id"),
                        Sql.instant(rs, "converted_at"),
                        Sql.instant(rs, "first_at"),
                        rs.getInt("stages"),
                        rs.getLong("first_slot"),
                        rs.getLong("last_slot"))))
                .list();
        List<Visit> visits = new ArrayList<>();
        for (Stored row : rows) {
            Visit visit = row.visit();
            if (rawSessions.contains(visit.sessionId())) {
                continue;
            }
            if (visit.firstSlot() >= split.from() && visit.lastSlot() < split.to()) {
                visits.add(visit);
            } else {
                rawSessions.add(visit.sessionId());
            }
        }
        List<String> ids = List.copyOf(rawSessions);
        for (List<String> batch : Sql.batches(ids, 500)) {
            List<Object> batchParams = new ArrayList<>(List.of(
                    workspaceId, mode.wire(), EventType.Kind.CLIENT.wire(), Sql.timestamp(from), Sql.timestamp(to)));
            if (byDomain) {
                batchParams.add(key);
            }
            batchParams.addAll(batch);
            visits.addAll(visitsOf(jdbc.sql("SELECT " + STEP_COLUMNS + " FROM analytics_events"
                            + " WHERE workspace_id = ? AND mode = ? AND type = ? AND occurred_at >= ?"
                            + " AND occurred_at < ?" + (byDomain ? " AND domain = ?" : "") + " AND session_id IN ("
                            + Sql.placeholders(batch.size()) + ")")
                    .params(batchParams)
                    .query(AnalyticsRows::step)
                    .list()));
        }
        return visits;
    }

    private static final TypeReference<List<String>> PATH = new TypeReference<>() {};

    /** Clients' own events (seed 004) in [from, to), in no order; only those of {@code domain} when given. */
    List<Step> clientSteps(String workspaceId, Mode mode, Instant from, Instant to, String domain) {
        boolean byDomain = domain != null && !domain.isBlank();
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM analytics_events"
                        + " WHERE workspace_id = ? AND mode = ? AND type = ? AND occurred_at >= ?"
                        + " AND occurred_at < ?" + (byDomain ? " AND domain = ?" : ""))
                .params(
                        byDomain
                                ? List.of(
                                        workspaceId,
                                        mode.wire(),
                                        EventType.Kind.CLIENT.wire(),
                                        Sql.timestamp(from),
                                        Sql.timestamp(to),
                                        domain.strip().toLowerCase(java.util.Locale.ROOT))
                                : List.of(
                                        workspaceId,
                                        mode.wire(),
                                        EventType.Kind.CLIENT.wire(),
                                        Sql.timestamp(from),
                                        Sql.timestamp(to)))
                .query(AnalyticsRows::step)
                .list();
    }

    /** Everything recorded for one session: its own events and those of its conversation. */
    List<Stored> sessionEvents(String workspaceId, Mode mode, String sessionId, String conversationId) {
        return jdbc.sql("""
                        SELECT type, name, amount, occurred_at, conversation_id, session_id, data FROM analytics_events
                        WHERE workspace_id = ? AND mode = ? AND (session_id = ? OR conversation_id = ?)
                        ORDER BY occurred_at, seq""")
                .params(workspaceId, mode.wire(), sessionId, conversationId)
                .query(this::stored)
                .list();
    }

    record ConversationRow(String conversationId, int messages, Instant createdAt) {}

    Optional<ConversationRow> conversationOfSession(String workspaceId, Mode mode, String sessionId) {
        return jdbc.sql("""
                        SELECT conversation_id, messages_in + messages_out AS messages, created_at
                        FROM analytics_conversations WHERE workspace_id = ? AND mode = ? AND session_id = ?""")
                .params(workspaceId, mode.wire(), sessionId)
                .query((rs, i) -> new ConversationRow(
                        rs.getString("conversation_id"), rs.getInt("messages"), Sql.instant(rs, "created_at")))
                .optional();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        double value = rs.getDouble("amount");
        Double amount = rs.wasNull() ? null : value;
        return new Stored(
                EventType.parse(rs.getString("type")),
                rs.getString("name"),
                amount,
                Sql.instant(rs, "occurred_at"),
                rs.getString("conversation_id"),
                rs.getString("session_id"),
                json.readValue(rs.getString("data"), OBJECT));
    }
}
