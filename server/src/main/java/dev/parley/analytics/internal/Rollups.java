package dev.parley.analytics.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.platform.ThisTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rollups the reports read (V30): writers mark the quarter hours they change, in their own transaction; {@link
 * #refresh} recomputes marked buckets from the raw rows and removes the marks it read. Recomputing is idempotent, so a
 * mark seen twice, or two nodes refreshing, costs time and never a wrong number; a bucket still marked is read raw.
 */
@Repository
class Rollups {

    static final int SLOTS_PER_DAY = 96;
    static final long DAY_SECONDS = 86_400;
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    Rollups(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    void mark(String workspaceId, Mode mode, long slot) {
        if (!MarksOfThisTransaction.first("slot " + workspaceId + " " + mode.wire() + " " + slot)) {
            return;
        }
        jdbc.sql("INSERT INTO analytics_rollup_marks (workspace_id, mode, slot) VALUES (?, ?, ?)")
                .params(workspaceId, mode.wire(), slot)
                .update();
    }

    /** Marks the quarter hour a conversation opened now starts in, which later marks of it in the transaction reuse. */
    void markOpened(String workspaceId, Mode mode, long slot, String conversationId) {
        mark(workspaceId, mode, slot);
        MarksOfThisTransaction.first("conversation " + conversationId);
    }

    /** Marks the quarter hour a conversation started in: its row changed, and it counts where it started. */
    void markConversation(String conversationId) {
        if (!MarksOfThisTransaction.first("conversation " + conversationId)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO analytics_rollup_marks (workspace_id, mode, slot)
                        SELECT workspace_id, mode, created_slot FROM analytics_conversations WHERE conversation_id = ?""").param(conversationId).update();
    }

    /**
     * The marks one transaction has written. A turn records half a dozen facts about one conversation in the same
     * quarter hour, each of which used to insert its own mark: one per quarter hour (and conversation) is all a
     * refresh needs, since a mark stands for every change its transaction made there. Kept with the transaction's
     * synchronizations, so a transaction suspended for a nested one keeps its own; outside a transaction every mark
     * is written.
     */
    private static final class MarksOfThisTransaction implements TransactionSynchronization {

        private final Set<String> written = new HashSet<>();

        static boolean first(String mark) {
            return ThisTransaction.kept(MarksOfThisTransaction.class, marks -> true, MarksOfThisTransaction::new)
                    .map(marks -> marks.written.add(mark))
                    .orElse(true);
        }
    }

    /** The marked quarter hours in [from, to). */
    TreeSet<Long> marked(String workspaceId, Mode mode, long from, long to) {
        return new TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT slot FROM analytics_rollup_marks
                        WHERE workspace_id = ? AND mode = ? AND slot >= ? AND slot < ?""")
                .params(workspaceId, mode.wire(), from, to)
                .query(Long.class)
                .list());
    }

    /**
     * Removes the rollup rows that may hold an erased customer's words (first questions, gap queries) for the quarter
     * hours given, and marks them, so they are read raw (already anonymized) until rebuilt.
     */
    void purge(String workspaceId, Mode mode, List<Long> slots, List<String> sessions) {
        lock(workspaceId, mode.wire());
        for (List<String> batch : Sql.batches(sessions, 200)) {
            List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
            params.addAll(batch);
            jdbc.sql("DELETE FROM analytics_visits WHERE workspace_id = ? AND mode = ? AND session_id IN ("
                            + Sql.placeholders(batch.size()) + ")")
                    .params(params)
                    .update();
        }
        for (long slot : new TreeSet<>(slots)) {
            mark(workspaceId, mode, slot);
        }
        for (long day : new TreeSet<>(
                slots.stream().map(s -> Math.floorDiv(s, SLOTS_PER_DAY)).toList())) {
            jdbc.sql("DELETE FROM analytics_day_queries WHERE workspace_id = ? AND mode = ? AND utc_day = ?")
                    .params(workspaceId, mode.wire(), day)
                    .update();
        }
        for (long slot : new TreeSet<>(slots)) {
            jdbc.sql("""
                            DELETE FROM analytics_slot_events
                            WHERE workspace_id = ? AND mode = ? AND type = ? AND slot = ?""")
                    .params(workspaceId, mode.wire(), EventType.GAP.wire(), slot)
                    .update();
        }
    }

    /** Rebuilds every marked bucket; returns how many marks it cleared. */
    int refresh() {
        return refreshBefore(Long.MAX_VALUE);
    }

    /**
     * Rebuilds the marked buckets of the quarter hours before {@code slot}; returns how many marks it cleared. The
     * periodic refresh leaves the current quarter hour alone: every turn marks it again, so rebuilding it every few
     * seconds recomputed it (and its day) from the raw rows over and over while the reports read it raw anyway, as
     * they read any bucket still marked. It is rebuilt once, when it has ended.
     */
    int refreshBefore(long slot) {
        record Scope(String workspaceId, String mode) {}
        List<Scope> scopes = jdbc.sql("SELECT DISTINCT workspace_id, mode FROM analytics_rollup_marks WHERE slot < ?")
                .param(slot)
                .query((rs, i) -> new Scope(rs.getString("workspace_id"), rs.getString("mode")))
                .list();
        int cleared = 0;
        for (Scope scope : scopes) {
            int done;
            do {
                done = transactions.execute(status -> refresh(scope.workspaceId(), scope.mode(), slot));
                cleared += done;
            } while (done == BATCH);
        }
        if (slot != Long.MAX_VALUE) {
            compact(slot);
        }
        return cleared;
    }

    /**
     * Keeps one mark per quarter hour from {@code slot} on: each turn's transaction marks the current quarter hour,
     * and a marked bucket needs one mark to be read raw and rebuilt later, not thousands for the readers to scan.
     * The oldest stays; under the workspace's rollup lock, so no refresh or purge runs meanwhile.
     */
    private void compact(long slot) {
        record Scope(String workspaceId, String mode) {}
        List<Scope> scopes = jdbc.sql("""
                        SELECT workspace_id, mode FROM analytics_rollup_marks WHERE slot >= ?
                        GROUP BY workspace_id, mode, slot HAVING COUNT(*) > 1""")
                .param(slot)
                .query((rs, i) -> new Scope(rs.getString("workspace_id"), rs.getString("mode")))
                .list();
        for (Scope scope : new java.util.LinkedHashSet<>(scopes)) {
            transactions.executeWithoutResult(status -> {
                lock(scope.workspaceId(), scope.mode());
                jdbc.sql("""
                                DELETE FROM analytics_rollup_marks m
                                WHERE m.workspace_id = ? AND m.mode = ? AND m.slot >= ?
                                AND EXISTS (SELECT 1 FROM analytics_rollup_marks o WHERE o.workspace_id = m.workspace_id
                                    AND o.mode = m.mode AND o.slot = m.slot AND o.id < m.id)""").params(scope.workspaceId(), scope.mode(), slot).update();
            });
        }
    }

    /** Holds the workspace's rollups until the transaction ends: a refresh and a purge never interleave. */
    private void lock(String workspaceId, String mode) {
        jdbc.sql("INSERT INTO analytics_rollup_locks (workspace_id, mode) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(workspaceId, mode)
                .update();
        jdbc.sql("SELECT workspace_id FROM analytics_rollup_locks WHERE workspace_id = ? AND mode = ? FOR UPDATE")
                .params(workspaceId, mode)
                .query(String.class)
                .single();
    }

    private int refresh(String workspaceId, String mode, long before) {
        lock(workspaceId, mode);
        record Mark(long id, long slot) {}
        List<Mark> marks = jdbc.sql("""
                        SELECT id, slot FROM analytics_rollup_marks WHERE workspace_id = ? AND mode = ? AND slot < ?
                        ORDER BY slot, id LIMIT ?""")
                .params(workspaceId, mode, before, BATCH)
                .query((rs, i) -> new Mark(rs.getLong("id"), rs.getLong("slot")))
                .list();
        TreeSet<Long> slots = new TreeSet<>();
        TreeSet<Long> days = new TreeSet<>();
        for (Mark mark : marks) {
            slots.add(mark.slot());
            days.add(Math.floorDiv(mark.slot(), SLOTS_PER_DAY));
        }
        for (long[] range : runs(slots)) {
            slotTotals(workspaceId, mode, range[0], range[1]);
            slotEvents(workspaceId, mode, range[0], range[1]);
            visits(workspaceId, mode, range[0], range[1]);
        }
        for (long[] range : runs(days)) {
            dayMix(workspaceId, mode, range[0], range[1]);
            dayQueries(workspaceId, mode, range[0], range[1]);
        }
        List<Long> ids = marks.stream().map(Mark::id).toList();
        for (List<Long> batch : Sql.batches(ids, 500)) {
            jdbc.sql("DELETE FROM analytics_rollup_marks WHERE id IN (" + Sql.placeholders(batch.size()) + ")")
                    .params(new ArrayList<Object>(batch))
                    .update();
        }
        return marks.size();
    }

    /** Contiguous runs [first, last + 1) of the numbers given. */
    static List<long[]> runs(TreeSet<Long> numbers) {
        List<long[]> runs = new ArrayList<>();
        for (long n : numbers) {
            if (!runs.isEmpty() && runs.getLast()[1] == n) {
                runs.getLast()[1] = n + 1;
            } else {
                runs.add(new long[] {n, n + 1});
            }
        }
        return runs;
    }

    private void slotTotals(String workspaceId, String mode, long from, long to) {
        jdbc.sql("DELETE FROM analytics_slot_totals WHERE workspace_id = ? AND mode = ? AND slot >= ? AND slot < ?")
                .params(workspaceId, mode, from, to)
                .update();
        jdbc.sql("INSERT INTO analytics_slot_totals (workspace_id, mode, slot, " + AnalyticsRows.TOTAL_COLUMNS + ")"
                        + " SELECT workspace_id, mode, created_slot, " + AnalyticsRows.TOTALS
                        + " FROM analytics_conversations WHERE workspace_id = ? AND mode = ? AND created_at >= ?"
                        + " AND created_at < ? GROUP BY workspace_id, mode, created_slot")
                .params(workspaceId, mode, at(from), at(to))
                .update();
    }

    private void slotEvents(String workspaceId, String mode, long from, long to) {
        jdbc.sql("DELETE FROM analytics_slot_events WHERE workspace_id = ? AND mode = ? AND slot >= ? AND slot < ?")
                .params(workspaceId, mode, from, to)
                .update();
        jdbc.sql("""
                        INSERT INTO analytics_slot_events (workspace_id, mode, type, slot, name, events, amounts,
                            amount_sum)
                        SELECT workspace_id, mode, type, slot, COALESCE(name, ''), COUNT(*), COUNT(amount),
                            COALESCE(SUM(amount), 0)
                        FROM analytics_events WHERE workspace_id = ? AND mode = ? AND slot >= ? AND slot < ?
                        GROUP BY workspace_id, mode, type, slot, COALESCE(name, '')""").params(workspaceId, mode, from, to).update();
    }

    /** Rebuilds the visits of every session with a client event in [from, to), from all of its events. */
    private void visits(String workspaceId, String mode, long from, long to) {
        List<String> sessions = jdbc.sql("""
                        SELECT DISTINCT session_id FROM analytics_events
                        WHERE workspace_id = ? AND mode = ? AND slot >= ? AND slot < ? AND type = ?""")
                .params(workspaceId, mode, from, to, EventType.Kind.CLIENT.wire())
                .query(String.class)
                .list();
        for (List<String> batch : Sql.batches(sessions, 200)) {
            List<Object> params = new ArrayList<>(List.of(workspaceId, mode));
            params.addAll(batch);
            List<Object> clientParams = new ArrayList<>(List.of(workspaceId, mode, EventType.Kind.CLIENT.wire()));
            clientParams.addAll(batch);
            List<AnalyticsRows.Step> steps = jdbc.sql("SELECT " + AnalyticsRows.STEP_COLUMNS
                            + " FROM analytics_events WHERE workspace_id = ? AND mode = ? AND type = ?"
                            + " AND session_id IN (" + Sql.placeholders(batch.size()) + ")")
                    .params(clientParams)
                    .query(AnalyticsRows::step)
                    .list();
            jdbc.sql("DELETE FROM analytics_visits WHERE workspace_id = ? AND mode = ? AND session_id IN ("
                            + Sql.placeholders(batch.size()) + ")")
                    .params(params)
                    .update();
            List<Object> rows = new ArrayList<>();
            int count = 0;
            for (Visit visit : AnalyticsRows.visitsOf(steps)) {
                count += row(rows, workspaceId, mode, "", visit);
            }
            java.util.Map<String, List<AnalyticsRows.Step>> byDomain = new java.util.HashMap<>();
            for (AnalyticsRows.Step step : steps) {
                if (step.domain() != null && !step.domain().isBlank()) {
                    byDomain.computeIfAbsent(step.domain(), k -> new ArrayList<>())
                            .add(step);
                }
            }
            for (var domain : byDomain.entrySet()) {
                for (Visit visit : AnalyticsRows.visitsOf(domain.getValue())) {
                    count += row(rows, workspaceId, mode, domain.getKey(), visit);
                }
            }
            for (int i = 0; i < count; i += 100) {
                int n = Math.min(count - i, 100);
                jdbc.sql("INSERT INTO analytics_visits (workspace_id, mode, session_id, domain, first_slot, last_slot,"
                                + " first_at, path, purchase, visitor_id, converted_at, stages) VALUES "
                                + String.join(
                                        ", ", Collections.nCopies(n, "(" + Sql.placeholders(VISIT_COLUMNS) + ")")))
                        .params(rows.subList(i * VISIT_COLUMNS, (i + n) * VISIT_COLUMNS))
                        .update();
            }
        }
    }

    private static final int VISIT_COLUMNS = 12;

    private int row(List<Object> rows, String workspaceId, String mode, String domain, Visit visit) {
        rows.addAll(java.util.Arrays.asList(
                workspaceId,
                mode,
                visit.sessionId(),
                domain,
                visit.firstSlot(),
                visit.lastSlot(),
                Sql.timestamp(visit.firstAt()),
                json.writeValueAsString(visit.path()),
                visit.purchase(),
                visit.visitor(),
                Sql.timestamp(visit.converted()),
                visit.stages()));
        return 1;
    }

    private void dayMix(String workspaceId, String mode, long from, long to) {
        jdbc.sql("DELETE FROM analytics_day_mix WHERE workspace_id = ? AND mode = ? AND utc_day >= ? AND utc_day < ?")
                .params(workspaceId, mode, from, to)
                .update();
        jdbc.sql("""
                        INSERT INTO analytics_day_mix (workspace_id, mode, utc_day, intent, sentiment, conversations,
                            automated)
                        SELECT workspace_id, mode, created_slot / 96, COALESCE(intent, ''), COALESCE(sentiment, ''),
                            COUNT(*), SUM(CASE WHEN %s THEN 1 ELSE 0 END)
                        FROM analytics_conversations
                        WHERE workspace_id = ? AND mode = ? AND created_at >= ? AND created_at < ?
                        GROUP BY workspace_id, mode, created_slot / 96, COALESCE(intent, ''), COALESCE(sentiment, '')""".formatted(AnalyticsRows.AUTOMATED))
                .params(workspaceId, mode, day(from), day(to))
                .update();
    }

    private void dayQueries(String workspaceId, String mode, long from, long to) {
        jdbc.sql(
                        "DELETE FROM analytics_day_queries WHERE workspace_id = ? AND mode = ? AND utc_day >= ? AND utc_day < ?")
                .params(workspaceId, mode, from, to)
                .update();
        jdbc.sql("""
                        INSERT INTO analytics_day_queries (workspace_id, mode, utc_day, first_query, conversations)
                        SELECT workspace_id, mode, created_slot / 96, first_query, COUNT(*)
                        FROM analytics_conversations
                        WHERE workspace_id = ? AND mode = ? AND created_at >= ? AND created_at < ?
                            AND first_query IS NOT NULL
                        GROUP BY workspace_id, mode, created_slot / 96, first_query""").params(workspaceId, mode, day(from), day(to)).update();
    }

    private static Object at(long slot) {
        return Sql.timestamp(Instant.ofEpochSecond(slot * AnalyticsRows.SLOT_SECONDS));
    }

    private static Object day(long day) {
        return Sql.timestamp(Instant.ofEpochSecond(day * DAY_SECONDS));
    }
}
