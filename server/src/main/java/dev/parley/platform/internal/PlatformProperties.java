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
 * @param fetch how the guarded fetcher reaches user-given URLs
 */
@ConfigurationProperties("parley.platform")
record PlatformProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("500ms") Duration jobPollInterval,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Fetch fetch) {

    /**
     * Sliding-window limits (no period ever admits more than its limit). Per key and endpoint class as in seed 001,
     * a per-second burst cap per key (seeds 000 and 003), hourly plan quotas per workspace (seed 002, set by the
     * tenancy module), a per-IP limit for requests without a valid key, and seed 004's session creations per IP.
     */
    record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") long burstPerSecond,
            @DefaultValue("100") long conversationCreatePerMinute,
            @DefaultValue("300") long messageSendPerMinute,
            @DefaultValue("1000") long readPerMinute,
            @DefaultValue("500") long webhookPerMinute,
            @DefaultValue("100") long writePerMinute,
            @DefaultValue("600") long unauthenticatedPerIpPerMinute,
            @DefaultValue("10") long sessionCreatePerIpPerMinute) {}

    /**
     * The guarded fetcher of user-given URLs. A request's own limits apply up to these ceilings.
     *
     * @param allow targets fetched although their address is blocked ({@code PARLEY_FETCH_ALLOW}): host names, {@code
     *     host:port}, addresses and CIDRs
     * @param connectTimeout the longest wait for one connection
     * @param maxBytes the largest body any request may accept
     * @param maxTimeout the longest time any request may take
     * @param maxRedirects the most redirects any request may follow
     */
    record Fetch(
            @DefaultValue List<String> allow,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("50MB") DataSize maxBytes,
            @DefaultValue("2m") Duration maxTimeout,
            @DefaultValue("10") int maxRedirects) {

        /** The values of the annotations above, for code that builds the settings itself. */
        static Fetch defaults() {
            return new Fetch(List.of(), Duration.ofSeconds(5), DataSize.ofMegabytes(50), Duration.ofMinutes(2), 10);
        }
    }
}
