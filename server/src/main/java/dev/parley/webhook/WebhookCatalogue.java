package dev.parley.webhook;

import dev.parley.platform.EventName;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event names a subscription may list, in one place. Any {@link dev.parley.platform.PublicEvent} is written to the
 * outbox whatever its name, so a subscription to {@code *} hears every event, including one relayed under a name from
 * outside the catalogue ({@link dev.parley.platform.PublicEvent#wireName()}); a module that publishes a new fact adds
 * it to {@link EventName}, which is how the fact names itself, and subscriptions can then name it too.
 */
public final class WebhookCatalogue {

    /** Sent only by {@code POST /v1/webhooks/{id}/test}; never subscribed to. */
    public static final String TEST_EVENT = "webhook.test";

    /** Every event a subscription may name: the platform's catalogue of public facts, in its order. */
    public static final List<String> EVENTS =
            Arrays.stream(EventName.values()).map(EventName::wire).toList();

    /** Seed 003's names for the same events ({@code chat.created}, ...), stored and sent as Parley's names. */
    public static final Map<String, String> ALIASES =
            Map.of("chat.created", "conversation.created", "chat.closed", "conversation.closed");

    private static final Set<String> KNOWN = Set.copyOf(EVENTS);

    private WebhookCatalogue() {}

    /** The catalogue name a subscription means by {@code name}, or empty when it is no event of the catalogue. */
    public static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String canonical = ALIASES.getOrDefault(name, name);
        return KNOWN.contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }
}
