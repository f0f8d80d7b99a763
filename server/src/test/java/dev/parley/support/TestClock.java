package dev.parley.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock in tests: it follows real time until a test freezes it, then moves only when told. One
 * instance serves every application context of the test JVM, so two nodes agree on the time.
 */
public final class TestClock extends Clock {

    private static final TestClock SHARED = new TestClock();

    private volatile Instant frozenAt;

    private TestClock() {}

    public static TestClock shared() {
        return SHARED;
    }

    public void freeze() {
        frozenAt = Clock.tickMillis(ZoneOffset.UTC).instant();
    }

    /** Freezes the clock at a given instant, for facts that must happen at known times. */
    public void set(Instant at) {
        frozenAt = at;
    }

    public void advance(Duration duration) {
        if (frozenAt == null) {
            throw new IllegalStateException("Freeze the clock before moving it");
        }
        frozenAt = frozenAt.plus(duration);
    }

    /** Back to real time; tests that froze the clock call this when they end. */
    public void resume() {
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Clock.tickMillis(ZoneOffset.UTC).instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Parley's clock is UTC");
    }
}
