package dev.parley.platform.internal;

import java.time.Duration;
import java.util.Arrays;

/**
 * Sliding-window request counters by name, so that no window of a limit's period ever admits more than the limit: in
 * this process by default, or shared by every node through Redis. A window keeps its admissions in {@link
 * Limit#SLOTS} slots (plus the current one) with each slot's count and latest admission: a slot counts until its
 * latest admission is a period old, so a window is never looser than the period and at most a slot stricter.
 */
interface RateWindows {

    /** Counts one request against the window {@code key} shaped by {@code limit}, if the limit allows it. */
    Probe tryConsume(String key, Limit limit);

    /** At most {@code limit} requests in any {@code period}. */
    record Limit(String name, long limit, Duration period) {

        static final int SLOTS = 50;

        public Limit {
            if (period.toMillis() == 0 || period.toMillis() % SLOTS != 0) {
                throw new IllegalArgumentException("A period must be a multiple of " + SLOTS + " ms: " + period);
            }
        }

        long slotMillis() {
            return period.toMillis() / SLOTS;
        }

        /** Whether a slot whose latest admission was at {@code latest} still counts at {@code now}. */
        boolean counts(long latest, long now) {
            return latest > now - period.toMillis();
        }
    }

    /**
     * What one attempt found: whether it was admitted, how many more the window admits now, how long until it admits
     * one (0 while it does), and how long until everything counted has left it.
     */
    record Probe(Limit limit, boolean consumed, long remaining, long millisUntilNext, long millisUntilClear) {

        /** The window's arithmetic over the slots that count now: their counts and latest admissions. */
        static Probe of(Limit limit, boolean consumed, long[] counts, long[] latest, long now) {
            long period = limit.period().toMillis();
            Integer[] byAge = new Integer[counts.length];
            long total = 0;
            long untilClear = 0;
            for (int i = 0; i < counts.length; i++) {
                byAge[i] = i;
                total += counts[i];
                untilClear = Math.max(untilClear, latest[i] + period - now);
            }
            long untilNext = 0;
            if (total >= limit.limit()) {
                Arrays.sort(byAge, (a, b) -> Long.compare(latest[a], latest[b]));
                long leaving = 0;
                for (int i : byAge) {
                    leaving += counts[i];
                    if (total - leaving < limit.limit()) {
                        untilNext = latest[i] + period - now;
                        break;
                    }
                }
            }
            return new Probe(limit, consumed, Math.max(0, limit.limit() - total), untilNext, untilClear);
        }
    }
}
