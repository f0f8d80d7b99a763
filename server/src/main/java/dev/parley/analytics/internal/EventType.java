package dev.parley.analytics.internal;

import dev.parley.platform.EventName;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a row of the event log ({@code analytics_events.type}) records: a published fact under its catalogue name, one
 * of the log's own kinds (an assistant's turn, an action it took, a client's own event), or, for rows written before
 * the word they carry was retired, that word as it stands. {@link #parse} and {@link #wire} are the one mapping between
 * the column and these types.
 */
sealed interface EventType {

    /** A knowledge gap: its name is the customer's question, which the reports group and erasure removes. */
    Fact GAP = new Fact(EventName.KNOWLEDGE_GAP_FOUND);

    /** The word in the {@code type} column. */
    String wire();

    /** The row's type for the word in its {@code type} column; never fails, so an old row still reads. */
    static EventType parse(String wire) {
        return Arrays.stream(Kind.values())
                .filter(kind -> kind.wire().equals(wire))
                .<EventType>map(kind -> kind)
                .findFirst()
                .or(() -> EventName.of(wire).map(Fact::new))
                .orElseGet(() -> new Unrecognized(wire));
    }

    /** The log's own rows, which are no published fact. */
    enum Kind implements EventType {
        /** The assistant answered a customer message; {@code name} is the intent, {@code amount} the milliseconds. */
        TURN,
        /** An action the assistant took in a turn; {@code name} is the action's type. */
        ACTION,
        /** A client's own event (seed 004); {@code name} is the client's event type. */
        CLIENT;

        @Override
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A published fact, logged under its catalogue name. */
    record Fact(EventName name) implements EventType {
        @Override
        public String wire() {
            return name.wire();
        }
    }

    /**
     * A row whose word is neither a kind nor in today's catalogue (written by an older version): it is read and kept as
     * it is, and no report counts it as anything.
     */
    record Unrecognized(String wire) implements EventType {}
}
