package dev.parley.live.internal;

import dev.parley.platform.PublicEvent;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every published fact about a conversation (anything whose data names a {@code conversation_id}) goes live once it
 * is committed; a rolled-back change is never shown to anyone.
 */
@Component
class EventRelay {

    private final Fanout fanout;
    private final Clock clock;

    EventRelay(Fanout fanout, Clock clock) {
        this.fanout = fanout;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicEvent event) {
        if (event.data().get("conversation_id") instanceof String conversationId) {
            fanout.publish(Signal.event(
                    event.workspaceId(), event.mode(), conversationId, event.type(), event.data(), clock.instant()));
        }
    }
}
