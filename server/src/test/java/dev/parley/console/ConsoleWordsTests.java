package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.console.internal.ConsoleWordsProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What agents read instead of wire words: actions as sentences, the analysis in words, initials, times. */
class ConsoleWordsTests {

    final ConsoleWordsProbe words = new ConsoleWordsProbe("2026-12-07T10:00:00Z");

    @Test
    void actionsReadAsSentencesAndRoutineSearchesAreLeftOut() {
        assertThat(words.action(new ActionTaken(
                        "escalated", "handoff", ActionTaken.Status.EXECUTED, Map.of("reason", "customer_request"))))
                .isEqualTo("Handed the conversation to a person (customer request)");
        assertThat(words.action(new ActionTaken(
                        "refund_processed",
                        "refund",
                        ActionTaken.Status.EXECUTED,
                        Map.of("order_number", "1001", "amount", new java.math.BigDecimal("20"), "currency", "USD"))))
                .isEqualTo("Refunded USD 20.00 on order #1001");
        assertThat(words.action(new ActionTaken(
                        "refund_refused",
                        "refund",
                        ActionTaken.Status.REFUSED,
                        Map.of("order_number", "1002", "reason", "over_limit"))))
                .isEqualTo("The store's policy stopped a refund of order #1002 (over limit)");
        assertThat(words.action(new ActionTaken(
                        "information_requested",
                        "order_status",
                        ActionTaken.Status.NEEDS_INFO,
                        Map.of("field", "email"))))
                .isEqualTo("Asked the customer for their email");
        assertThat(words.actions(List.of(
                        new ActionTaken(
                                "knowledge_searched",
                                "search_knowledge",
                                ActionTaken.Status.EXECUTED,
                                Map.of("results", 3)),
                        new ActionTaken(
                                "order_status_checked",
                                "order_status",
                                ActionTaken.Status.EXECUTED,
                                Map.of("order_number", "1001")))))
                .containsExactly("Looked up order #1001");
    }

    @Test
    void theAnalysisReadsAsASentenceWithoutTimings() {
        String sentence = words.analysis(Map.of(
                "intent",
                "order_status",
                "other_intents",
                List.of("refund_request"),
                "sentiment",
                "frustrated",
                "confidence",
                0.82,
                "language",
                "en",
                "timings",
                Map.of("understand", 25.9)));
        assertThat(sentence)
                .isEqualTo(
                        "Asks about order status and also refund request, sounds frustrated, 82% sure of its reply.");
        assertThat(sentence).doesNotContain("timings", "understand", "{");
    }

    @Test
    void initialsTimesAndAgesAreWhatPeopleWrite() {
        assertThat(words.initials("Jane Doe", "jane@example.com")).isEqualTo("JD");
        assertThat(words.initials(null, "jane@example.com")).isEqualTo("J");
        assertThat(words.initials(null, null)).isEqualTo("?");
        assertThat(words.ago("2026-12-07T09:55:00Z")).isEqualTo("5 min");
        assertThat(words.ago("2026-12-07T07:00:00Z")).isEqualTo("3 h");
        assertThat(words.time("2026-12-07T09:05:00Z")).isEqualTo("09:05");
        assertThat(words.time("2026-12-06T02:20:14.147Z")).isEqualTo("6 Dec, 02:20");
        assertThat(words.exact("2026-12-07T02:20:14.147Z")).isEqualTo("Mon 7 Dec 2026, 02:20 UTC");
    }

    @Test
    void aReplyNamesEachSourceOnceUnderItsText() {
        List<Citation> sources = List.of(
                new Citation("kb_1", "chk_1", "Shipping policy", null, 0.9),
                new Citation("kb_1", "chk_2", "Shipping policy", null, 0.8),
                new Citation("kb_2", "chk_3", "Returns", "https://shop.example/returns", 0.7));
        String reply = "Standard shipping takes 3 to 5 business days.\n\nSource: Shipping policy\nSee also: Returns"
                + "\n\nAnything else?";

        assertThat(words.withoutSourceLines(reply, sources))
                .isEqualTo("Standard shipping takes 3 to 5 business days.\n\nAnything else?");
        assertThat(words.sources(sources)).extracting(Citation::title).containsExactly("Shipping policy", "Returns");
        // a line that names something not listed below stays, and so does every line of a reply without sources
        assertThat(words.withoutSourceLines("Source: the carrier's site", sources))
                .isEqualTo("Source: the carrier's site");
        assertThat(words.withoutSourceLines(reply, List.of())).isEqualTo(reply);
    }
}
