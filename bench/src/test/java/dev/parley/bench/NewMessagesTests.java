package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewMessagesTests {

    private static final List<String> QUERIES = List.of("where is my order", "do you ship to canada", "return policy");

    @Test
    void everyNewMessageIsAQueryAsAShopperWritesItAndNoneRepeats() {
        int combinations = TurnBench.OPENERS.size() * TurnBench.CLOSERS.size() * QUERIES.size();
        Set<String> seen = new HashSet<>(QUERIES);
        for (int i = 0; i < combinations + 50; i++) {
            String message = TurnBench.newMessage(QUERIES, i);
            assertThat(seen.add(message))
                    .as("message %d is new: %s", i, message)
                    .isTrue();
            assertThat(message).contains(QUERIES.get(i % QUERIES.size()));
        }
    }

    @Test
    void theQueriesGetAnOpenerThenACloserThenBoth() {
        assertThat(TurnBench.newMessage(QUERIES, 0)).isEqualTo("hi, where is my order");
        assertThat(TurnBench.newMessage(QUERIES, 3)).isEqualTo("hello, where is my order");
        assertThat(TurnBench.newMessage(QUERIES, 3 * (TurnBench.OPENERS.size() - 1) + 1))
                .isEqualTo("do you ship to canada thanks");
        assertThat(TurnBench.newMessage(QUERIES, 3 * TurnBench.OPENERS.size() + 2))
                .isEqualTo("hi, return policy thanks");
    }

    @Test
    void pastEveryCombinationACounterKeepsThemNew() {
        int combinations = (TurnBench.OPENERS.size() * TurnBench.CLOSERS.size() - 1) * QUERIES.size();

        assertThat(TurnBench.newMessage(QUERIES, combinations - 1)).doesNotContain("(asked");
        assertThat(TurnBench.newMessage(QUERIES, combinations)).endsWith("(asked " + combinations + " times)");
    }
}
