package dev.parley.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/** Windows in this process: the single-node default. Idle windows are dropped after two hours (the longest, empty). */
class LocalRateWindows implements RateWindows {

    private final Clock clock;
    private final Cache<String, Window> windows =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2)).build();

    LocalRateWindows(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Probe tryConsume(String key, Limit limit) {
        return windows.get(key, k -> new Window()).tryConsume(limit, clock.millis());
    }

    /** One window's slots in a ring: {@code slots[i]} is the slot {@code counts[i]} and {@code latest[i]} describe. */
    private static final class Window {

        private final long[] slots = new long[Limit.SLOTS + 1];
        private final long[] counts = new long[Limit.SLOTS + 1];
        private final long[] latest = new long[Limit.SLOTS + 1];

        Window() {
            Arrays.fill(slots, Long.MIN_VALUE);
            Arrays.fill(latest, Long.MIN_VALUE / 2);
        }

        synchronized Probe tryConsume(Limit limit, long now) {
            long total = 0;
            for (int i = 0; i < slots.length; i++) {
                if (limit.counts(latest[i], now)) {
                    total += counts[i];
                } else {
                    counts[i] = 0;
                }
            }
            boolean admitted = total < limit.limit();
            if (admitted) {
                long current = Math.floorDiv(now, limit.slotMillis());
                int at = (int) Math.floorMod(current, (long) slots.length);
                if (slots[at] != current) {
                    slots[at] = current;
                    counts[at] = 0;
                    latest[at] = now;
                }
                counts[at]++;
                latest[at] = Math.max(latest[at], now);
            }
            int counted = 0;
            long[] windowCounts = new long[slots.length];
            long[] windowLatest = new long[slots.length];
            for (int i = 0; i < slots.length; i++) {
                if (counts[i] > 0) {
                    windowCounts[counted] = counts[i];
                    windowLatest[counted++] = latest[i];
                }
            }
            return Probe.of(
                    limit, admitted, Arrays.copyOf(windowCounts, counted), Arrays.copyOf(windowLatest, counted), now);
        }
    }
}
