package dev.parley.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facts recorded in a transaction are written together before it commits, and leave exactly the rows they leave when
 * written one at a time: counters, first moments, the reopened flag, the intent rule and the event log.
 */
@ApiTest
@Tag("database")
class AnalyticsTransactionTests {

    @Autowired
    AnalyticsRows rows;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    static final EventType CREATED = new EventType.Fact(EventName.CONVERSATION_CREATED);

    @Test
    void factsWrittenTogetherAtCommitLeaveTheRowsFactsWrittenOneByOneLeave() {
        // given
        String workspace = fixtures.workspace().id();
        Consumer<Runnable> inOneTransaction = facts -> transactions.executeWithoutResult(tx -> facts.run());
        Consumer<Runnable> oneByOne = Runnable::run;

        // when: a new conversation's first turn, a second turn with an escalation amid it, a reopening after a
        // resolution, and a person's reply; each step in a transaction of its own for one conversation, and fact by
        // fact without one for the other
        for (var record :
                Map.of("cnv_tx", inOneTransaction, "cnv_each", oneByOne).entrySet()) {
            String id = record.getKey();
            Consumer<Runnable> step = record.getValue();
            step.accept(() -> {
                rows.opened(workspace, Mode.LIVE, id, "widget", T0);
                rows.event(workspace, Mode.LIVE, CREATED, null, null, T0, id, null, null, Map.of());
                rows.customerWrote(id, "where is my order", T0.plusSeconds(1));
                rows.replied(id, false, T0.plusSeconds(2));
                rows.answered(id, "ct_1", "greeting", "neutral", 40);
                rows.event(
                        workspace,
                        Mode.LIVE,
                        EventType.Kind.TURN,
                        "greeting",
                        40.0,
                        T0.plusSeconds(2),
                        id,
                        null,
                        null,
                        Map.of());
            });
            step.accept(() -> {
                rows.customerWrote(id, "it is late", T0.plusSeconds(60));
                rows.escalated(id, T0.plusSeconds(61));
                rows.replied(id, false, T0.plusSeconds(62));
                rows.answered(id, "ct_2", "order_status", "negative", 55);
                rows.customerWrote(id, "hello?", T0.plusSeconds(63));
                rows.event(
                        workspace,
                        Mode.LIVE,
                        EventType.Kind.TURN,
                        "order_status",
                        55.0,
                        T0.plusSeconds(62),
                        id,
                        null,
                        null,
                        Map.of("escalated", true));
            });
            step.accept(() -> {
                rows.resolved(id, "agent", null, T0.plusSeconds(120));
                rows.customerWrote(id, "one more thing", T0.plusSeconds(180));
                rows.replied(id, true, T0.plusSeconds(200));
                rows.answered(id, null, "refund", null, 30);
            });
        }

        // then
        Map<String, Object> together = conversation("cnv_tx");
        assertThat(together).isEqualTo(conversation("cnv_each"));
        assertThat(together)
                .containsEntry("messages_in", 4)
                .containsEntry("messages_out", 3)
                .containsEntry("turns", 3)
                .containsEntry("contact_id", "ct_1")
                .containsEntry("intent", "order_status")
                .containsEntry("sentiment", "negative")
                .containsEntry("first_query", "where is my order")
                .containsEntry("reopened", true);
        assertThat(events("cnv_tx")).hasSize(3).isEqualTo(events("cnv_each"));
    }

    @Test
    void aTransactionsFactsAreWrittenJustBeforeItCommits() {
        // given
        String workspace = fixtures.workspace().id();

        // when
        int duringTransaction = transactions.execute(tx -> {
            rows.opened(workspace, Mode.LIVE, "cnv_at_commit", "api", T0);
            rows.customerWrote("cnv_at_commit", "hi", T0);
            return jdbc.sql("SELECT COUNT(*) FROM analytics_conversations WHERE conversation_id = 'cnv_at_commit'")
                    .query(Integer.class)
                    .single();
        });

        // then
        assertThat(duringTransaction).isZero();
        assertThat(conversation("cnv_at_commit"))
                .containsEntry("messages_in", 1)
                .containsEntry("first_query", "hi");
    }

    @Test
    void aTransactionThatRollsBackRecordsNothing() {
        // given
        String workspace = fixtures.workspace().id();

        // when
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    rows.opened(workspace, Mode.LIVE, "cnv_rolled_back", "api", T0);
                    rows.customerWrote("cnv_rolled_back", "hi", T0);
                    rows.event(
                            workspace,
                            Mode.LIVE,
                            EventType.Kind.TURN,
                            "greeting",
                            1.0,
                            T0,
                            "cnv_rolled_back",
                            null,
                            null,
                            Map.of());
                    throw new IllegalStateException("the turn failed");
                }))
                .hasMessage("the turn failed");

        // then
        assertThat(jdbc.sql("SELECT COUNT(*) FROM analytics_conversations WHERE conversation_id = 'cnv_rolled_back'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(events("cnv_rolled_back")).isEmpty();
    }

    private Map<String, Object> conversation(String id) {
        Map<String, Object> row =
                new TreeMap<>(jdbc.sql("SELECT * FROM analytics_conversations WHERE conversation_id = ?")
                        .param(id)
                        .query()
                        .singleRow());
        row.remove("conversation_id");
        return row;
    }

    private List<Map<String, Object>> events(String id) {
        return jdbc.sql("""
                        SELECT type, name, amount, occurred_at, slot, data, workspace_id, mode FROM analytics_events
                        WHERE conversation_id = ? ORDER BY occurred_at, type, name""").param(id).query().listOfRows().stream()
                .map(r -> (Map<String, Object>) new TreeMap<>(r))
                .toList();
    }
}
