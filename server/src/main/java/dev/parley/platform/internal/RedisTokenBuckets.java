package dev.parley.platform.internal;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;

/**
 * Buckets kept in Redis, so every node behind a load balancer enforces one limit. Bucket4j updates them with
 * compare-and-swap; a bucket's key expires once it would be full again.
 */
class RedisTokenBuckets implements TokenBuckets {

    private static final String PREFIX = "parley:ratelimit:";

    private final ProxyManager<String> buckets;

    RedisTokenBuckets(StatefulRedisConnection<String, byte[]> connection, Clock clock) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(TokenBuckets.timeMeter(clock))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public Probe tryConsume(String key, Limit limit) {
        return Probe.of(
                limit,
                buckets.builder().build(PREFIX + key, limit::configuration).tryConsumeAndReturnRemaining(1));
    }
}
