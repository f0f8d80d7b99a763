package dev.parley.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.EventName;
import org.junit.jupiter.api.Test;

class EventTypeTests {

    @Test
    void everyKindAndEveryCatalogueFactReadsBackAsTheTypeItWasWrittenAs() {
        for (EventType.Kind kind : EventType.Kind.values()) {
            assertThat(EventType.parse(kind.wire())).isSameAs(kind);
        }
        for (EventName name : EventName.values()) {
            assertThat(EventType.parse(new EventType.Fact(name).wire())).isEqualTo(new EventType.Fact(name));
        }
    }

    @Test
    void theLogsOwnKindsAndFactsAreSpelledAsTheRowsAlreadyHoldThem() {
        assertThat(EventType.Kind.TURN.wire()).isEqualTo("turn");
        assertThat(EventType.Kind.ACTION.wire()).isEqualTo("action");
        assertThat(EventType.Kind.CLIENT.wire()).isEqualTo("client");
        assertThat(new EventType.Fact(EventName.KNOWLEDGE_GAP_FOUND).wire()).isEqualTo("knowledge.gap_found");
    }

    @Test
    void aWordNoVersionWritesAnyMoreIsKeptAsItIsRatherThanRefused() {
        EventType old = EventType.parse("cart.retired_word");

        assertThat(old).isEqualTo(new EventType.Unrecognized("cart.retired_word"));
        assertThat(old.wire()).isEqualTo("cart.retired_word");
    }
}
