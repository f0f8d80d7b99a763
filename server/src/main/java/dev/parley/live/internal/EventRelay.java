package dev.parley.live.internal;

import dev.parley.platform.PublicEvent;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published fact about a conversation (anything whose data names a {@code conversation_id}) goes live once it
 * is committed; a rolled-back change is never shown to anyone.
 */
@Component
class EventRelay {

    private final Fanout fanout;
    private final Clock clock;

    private final JsonMapper json;

    EventRelay(Fanout fanout, Clock clock, JsonMapper json) {
        this.fanout = fanout;
        this.clock = clock;
        this.json = json;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicEvent event) {
        JsonNode data = json.valueToTree(event.data());
        if (data.get("conversation_id") instanceof JsonNode id && id.isString()) {
            fanout.publish(Signal.event(
                    event.workspaceId(), event.mode(), id.asString(), event.wireName(), data, clock.instant()));
        }
    }
}
