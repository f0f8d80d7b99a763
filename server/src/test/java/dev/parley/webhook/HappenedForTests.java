package dev.parley.webhook;

import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.util.Map;

/**
 * Test-only (test sources, never shipped): a fact of any name, as any module could publish one, to show that the
 * outbox takes every {@link PublicEvent} without a list of classes, and relays a name from outside the catalogue as it
 * is given.
 *
 * @param wireName the name receivers see; a catalogue name or a made-up one ({@code something.new})
 */
record HappenedForTests(String workspaceId, Mode mode, String wireName, Map<String, Object> data, String orderingKey)
        implements PublicEvent {

    /** A made-up name has no catalogue entry; nothing on the webhook's or live's way asks for it. */
    @Override
    public EventName name() {
        return EventName.of(wireName)
                .orElseThrow(() -> new UnsupportedOperationException(wireName + " is outside the catalogue"));
    }
}
