package dev.parley.webhook.internal;

import dev.parley.platform.EventName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The data of an event as the seed that defines the event spells it. Seed 000's events ({@code scrape.completed},
 * {@code chat.session.ended}) carry camelCase data with {@code duration} in milliseconds, as its receivers read them;
 * every other event keeps the canonical snake_case data.
 */
final class SeedPayloads {

    private static final Set<String> OMNIOPS_EVENTS =
            Set.of(EventName.SCRAPE_COMPLETED.wire(), EventName.CHAT_SESSION_ENDED.wire());

    private SeedPayloads() {}

    static Map<String, Object> data(String eventType, Map<String, Object> data) {
        if (!OMNIOPS_EVENTS.contains(eventType)) {
            return data;
        }
        Map<String, Object> camel = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (key.equals("duration_ms")) {
                camel.put("duration", value);
            } else if (key.equals("duration_seconds")) {
                if (!data.containsKey("duration_ms") && value instanceof Number seconds) {
                    camel.put("duration", seconds.longValue() * 1000);
                }
            } else {
                camel.put(camel(key), value);
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
