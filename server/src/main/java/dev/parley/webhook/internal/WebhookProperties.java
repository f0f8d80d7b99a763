package dev.parley.webhook.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outbound webhooks ({@code parley.webhook.*}).
 *
 * @param timeout how long one delivery attempt may take, connection and response included ({@code
 *     PARLEY_WEBHOOK_TIMEOUT})
 * @param retryDelays the pauses after each failed attempt, each scaled by a jitter between 0.8 and 1.2; after the
 *     last one the next failure marks the delivery failed (7 attempts over about 21 hours by default)
 * @param maxSubscriptions how many subscriptions one workspace may have in each mode
 */
@ConfigurationProperties("parley.webhook")
record WebhookProperties(
        @DefaultValue("10s") Duration timeout,

        @DefaultValue({"1m", "5m", "30m", "2h", "6h", "12h"})
        List<Duration> retryDelays,

        @DefaultValue("100") int maxSubscriptions) {}
