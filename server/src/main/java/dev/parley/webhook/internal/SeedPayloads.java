package dev.parley.webhook.internal;

import dev.parley.platform.EventName;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data of an event as the seed that defines the event spells it. Seed 000's events ({@code scrape.completed},
 * {@code chat.session.ended}) carry camelCase data with {@code duration} in milliseconds, as its receivers read them;
 * every other event keeps the canonical snake_case data.
 */
final class SeedPayloads {

    private static final Set<EventName> OMNIOPS_EVENTS =
            Set.of(EventName.SCRAPE_COMPLETED, EventName.CHAT_SESSION_ENDED);

    private SeedPayloads() {}

    /** @param eventType the event's name as the payload spells it (a relayed fact's may lie outside the catalogue) */
    static ObjectNode data(String eventType, ObjectNode data) {
        if (!EventName.of(eventType).filter(OMNIOPS_EVENTS::contains).isPresent()) {
            return data;
        }
        ObjectNode camel = data.objectNode();
        data.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("duration_ms")) {
                camel.set("duration", value);
            } else if (key.equals("duration_seconds")) {
                if (!data.has("duration_ms") && value.isNumber()) {
                    camel.put("duration", value.longValue() * 1000);
                }
            } else {
                camel.set(camel(key), value);
            }
        });
        return camel;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
