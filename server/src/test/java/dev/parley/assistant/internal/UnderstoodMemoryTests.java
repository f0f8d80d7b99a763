package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.understanding.IntentClassifier;
import dev.parley.knowledge.TextEmbeddings;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.Mode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text read again by the same model on the same day is understood from memory, and an erasure forgets every text
 * read (customers' emails and order numbers are among the entities remembered).
 */
class UnderstoodMemoryTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    // The workspace's own intents are not read here: every call names its classifier.
    private final Understanding understanding = new Understanding(TextEmbeddings.local(), null);
    private static final IntentClassifier BUILT_IN = Understanding.builtInIntents(TextEmbeddings.local());

    @Test
    void aTextReadAgainIsRememberedAndMeansTheSame() {
        String message = "where is my order 1001? my email is maria@example.com";

        Understanding.Understood first = understanding.understood(BUILT_IN, message, MONDAY);
        Understanding.Understood again = understanding.understood(BUILT_IN, message, MONDAY);

        assertThat(again).isSameAs(first);
        assertThat(first.intent()).isEqualTo("order_status");
        assertThat(first.entities().orderNumber()).isPresent();
    }

    @Test
    void anotherDayOrAnotherModelReadsTheTextAfresh() {
        String message = "it was supposed to arrive yesterday";
        IntentClassifier retrained = BUILT_IN.withThreshold(BUILT_IN.threshold());

        Understanding.Understood monday = understanding.understood(BUILT_IN, message, MONDAY);
        Understanding.Understood tuesday = understanding.understood(BUILT_IN, message, MONDAY.plusDays(1));
        Understanding.Understood byRetrained = understanding.understood(retrained, message, MONDAY);

        assertThat(tuesday).isNotSameAs(monday);
        // "yesterday" counts from the day the message was read
        assertThat(tuesday.entities().dates()).isNotEqualTo(monday.entities().dates());
        assertThat(byRetrained).isNotSameAs(monday).isEqualTo(monday);
    }

    @Test
    void anErasureForgetsEveryTextRead() {
        String message = "refund order 1003 to maria@example.com please";
        Understanding.Understood before = understanding.understood(BUILT_IN, message, MONDAY);

        new UnderstoodTextErasure(understanding)
                .on(new CustomerErased(
                        "era_1",
                        "ws_1",
                        Mode.TEST,
                        CustomerErased.Trigger.REQUEST,
                        "con_1",
                        "maria@example.com",
                        List.of(),
                        List.of(),
                        new CustomerErased.Tally()));

        Understanding.Understood after = understanding.understood(BUILT_IN, message, MONDAY);
        assertThat(after).isNotSameAs(before).isEqualTo(before);
    }
}
