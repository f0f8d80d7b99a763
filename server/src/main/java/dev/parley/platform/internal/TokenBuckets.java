package dev.parley.platform.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Token buckets by name: in this process by default, or shared by every node through Redis. */
interface TokenBuckets {

    /** Takes one token from the bucket {@code key} shaped by {@code limit}. */
    Probe tryConsume(String key, Limit limit);

    /** A bucket's shape: {@code capacity} tokens, refilled evenly over {@code period}. */
    record Limit(String name, long capacity, Duration period) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(capacity, period)
                            .build())
                    .build();
        }
    }

    /** What one attempt found: whether it got a token, what is left, and how long until the next and a full one. */
    record Probe(Limit limit, boolean consumed, long remaining, long nanosToNextToken, long nanosToFull) {

        static Probe of(Limit limit, ConsumptionProbe probe) {
            return new Probe(
                    limit,
                    probe.isConsumed(),
                    probe.getRemainingTokens(),
                    probe.getNanosToWaitForRefill(),
                    probe.getNanosToWaitForReset());
        }
    }

    /** Bucket4j's time from the application clock, so tests can stop and move time. */
    static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
