package dev.parley.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;

/** Buckets in this process: the single-node default. Idle buckets are dropped after two hours (a full refill). */
class LocalTokenBuckets implements TokenBuckets {

    private final TimeMeter time;
    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2)).build();

    LocalTokenBuckets(Clock clock) {
        this.time = TokenBuckets.timeMeter(clock);
    }

    @Override
    public Probe tryConsume(String key, Limit limit) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit.configuration().getBandwidths()[0])
                        .withCustomTimePrecision(time)
                        .build());
        return Probe.of(limit, bucket.tryConsumeAndReturnRemaining(1));
    }
}
