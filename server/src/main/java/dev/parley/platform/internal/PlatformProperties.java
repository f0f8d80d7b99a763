package dev.parley.platform.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the platform module ({@code parley.platform.*}).
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413
 * @param trustedProxies CIDRs of reverse proxies whose {@code X-Forwarded-For} is believed
 * @param idempotencyTtl how long a stored response answers retries with the same {@code Idempotency-Key}
 * @param jobPollInterval how often this node looks for due background jobs
 */
@ConfigurationProperties("parley.platform")
record PlatformProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("500ms") Duration jobPollInterval,
        @DefaultValue RateLimits rateLimits) {

    /**
     * Token-bucket limits. Per key and endpoint class as in seed 001, a per-second burst cap per key (seeds 000 and
     * 003), hourly plan quotas per workspace (seed 002, set by the tenancy module), and a per-IP limit for requests
     * without a valid key (seed 004).
     */
    record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") long burstPerSecond,
            @DefaultValue("100") long conversationCreatePerMinute,
            @DefaultValue("300") long messageSendPerMinute,
            @DefaultValue("1000") long readPerMinute,
            @DefaultValue("500") long webhookPerMinute,
            @DefaultValue("100") long writePerMinute,
            @DefaultValue("600") long unauthenticatedPerIpPerMinute) {}
}
