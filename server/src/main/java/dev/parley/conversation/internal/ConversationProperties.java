package dev.parley.conversation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conversation module ({@code parley.conversation.*}).
 *
 * @param maxTurnsInFlight how many assistant turns one node runs at once; more wait for a place
 * @param turnQueueWait how long a turn waits for a place before it is refused with 503 and {@code Retry-After}
 */
@ConfigurationProperties("parley.conversation")
record ConversationProperties(
        @DefaultValue("16") int maxTurnsInFlight,
        @DefaultValue("500ms") Duration turnQueueWait) {}
